/**
 * A {@link Hotline} whose corpus can be reloaded while the bot runs (`hotline start` reloads on
 * `SIGHUP`). Adapters hold the holder, so a reload takes effect for the next event without
 * restarting connections. A reload that fails keeps serving the corpus already loaded.
 *
 * A reload must not stop the bot answering: {@link loadHotlineYielding} reads the files
 * asynchronously and returns to the event loop after every file and after analysing every
 * document and every few documents indexed, so events are answered (from the old corpus) while
 * the new one is built; what remains synchronous is assembling the engine from those parts.
 */

import { profileDocuments, type SubjectProfile } from "./answer/subject.js";
import {
  type CorpusReadOptions,
  corpusRefused,
  listCorpusFiles,
  type Refusal,
  readCorpusFile,
  refusalsOf,
  startCorpus,
} from "./corpus/load.js";
import { describeError } from "./errors.js";
import { createHotline } from "./hotline.js";
import type { Hotline } from "./hotline-api.js";
import { createAnalyzer } from "./search/analyzer.js";
import { buildIndexYielding } from "./search/index.js";
import { buildPassages, type SentenceAnalysis } from "./text/passages.js";

/**
 * The outcome of {@link ReloadableHotline.reload}: expected failures are returned, not thrown.
 * `refused` lists the files the loader would not read (empty for other failures).
 */
export type ReloadResult =
  | { ok: true }
  | { ok: false; error: { code: string; message: string }; refused: Refusal[] };

/** A Hotline that delegates to the current instance, plus `reload()`. */
export interface ReloadableHotline extends Hotline {
  /**
   * Loads the corpus again. On success the new instance answers every later call; until then,
   * and for good on failure (e.g. a corrupt or refused corpus file), the old one keeps
   * answering and the error is returned. A reload asked for while one runs is run once after
   * it (several such requests share that one run), so the last edit is always picked up.
   */
  reload(): Promise<ReloadResult>;
}

/**
 * Loads once with `load` (an error here propagates: a bot that cannot start should not start)
 * and returns a holder. Reloads use `loadAgain` (default `load`), which may be asynchronous
 * (see {@link loadHotlineYielding}). `onReload`, when given, hears every reload outcome (for
 * logging).
 */
export function createReloadableHotline(
  load: () => Hotline,
  onReload?: (result: ReloadResult) => void,
  loadAgain: () => Hotline | Promise<Hotline> = load,
): ReloadableHotline {
  let current = load();
  let running: Promise<ReloadResult> | undefined;
  let queued: Promise<ReloadResult> | undefined;

  const run = async (): Promise<ReloadResult> => {
    let result: ReloadResult;
    try {
      current = await loadAgain();
      result = { ok: true };
    } catch (error) {
      result = { ok: false, error: describeError(error), refused: refusalsOf(error) };
    }
    onReload?.(result);
    return result;
  };

  const reload = (): Promise<ReloadResult> => {
    if (!running) {
      running = run().finally(() => {
        running = undefined;
      });
      return running;
    }
    // One run waits behind the current one, for every request made meanwhile.
    queued ??= running.then(() => {
      queued = undefined;
      return reload();
    });
    return queued;
  };

  return {
    ask: (question) => current.ask(question),
    when: (event) => current.when(event),
    timeline: () => current.timeline(),
    today: (monthDay) => current.today(monthDay),
    sources: () => current.sources(),
    suggest: (text, limit) => current.suggest(text, limit),
    reload,
  };
}

/** Options of {@link loadHotlineYielding}. */
export interface YieldingLoadOptions extends CorpusReadOptions {
  /** Returns to the event loop; default `setImmediate`. Injected so tests can count steps. */
  pause?: (() => Promise<void>) | undefined;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Builds the same engine as `loadHotline({ corpusDir })` without holding the event loop: files
 * are checked and read as `loadCorpus` does (regular files inside the directory, within
 * `maxFileBytes`) but asynchronously, and the loop gets a turn after each file and after each
 * document's sentence analysis and place reading (the slow parts). Rejects with the loader's
 * HotlineError naming the file and the problem. Writes no snapshot.
 */
export async function loadHotlineYielding(
  corpusDir: string,
  options: YieldingLoadOptions = {},
): Promise<Hotline> {
  const pause = options.pause ?? nextTurn;
  const files = listCorpusFiles(corpusDir);
  await pause();
  // Every file is read before any is parsed, so every refused file is named, not just the first.
  const texts = new Map<string, string>();
  const refusals: Refusal[] = [...files.refused];
  for (const file of [...files.documents, ...(files.synonyms ? [files.synonyms] : [])]) {
    try {
      texts.set(file, (await readCorpusFile(file, options)).toString("utf8"));
    } catch (error) {
      const found = refusalsOf(error);
      if (found.length === 0) throw error;
      refusals.push(...found);
    }
    await pause();
  }
  if (refusals.length > 0) throw corpusRefused(refusals);
  const assembly = startCorpus(files);
  for (const file of files.documents) {
    assembly.add(file, texts.get(file) as string);
    await pause();
  }
  const corpus = assembly.finish(files.synonyms ? texts.get(files.synonyms) : undefined);
  const analyzer = createAnalyzer(corpus.synonyms);
  const analysis: SentenceAnalysis[] = [];
  const subjects: SubjectProfile[] = [];
  for (const doc of corpus.documents) {
    // Each document's analysis is independent of the others (relative dates stay within it).
    for (const { terms, positions, dates, hypothetical } of buildPassages([doc], analyzer)
      .sentences) {
      analysis.push({ terms, positions, dates, hypothetical: [...hypothetical] });
    }
    subjects.push(...profileDocuments([doc]));
    await pause();
  }
  // Indexing is the last slow step: it yields too, and the engine then takes the index built.
  const index = await buildIndexYielding(
    buildPassages(corpus.documents, analyzer, analysis),
    pause,
  );
  return createHotline(corpus, { corpus, analysis, subjects, index });
}
