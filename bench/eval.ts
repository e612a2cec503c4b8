/**
 * The accuracy benchmark (`npm run eval`). Asks every case of the shared development set and of
 * the project's own set through the same code path as `hotline ask --json`, and reports
 * recall@1, recall@3, date accuracy, decline accuracy and faithfulness, listing failing cases.
 * Rules: ../shared/eval/README.md.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { answerJson } from "../adapters/cli/render.js";
import { loadCorpus } from "../src/corpus/load.js";
import { createHotline } from "../src/hotline.js";
import type { Answer } from "../src/model.js";
import { comparable } from "../src/text/normalize.js";

const caseSchema = z.object({
  id: z.string(),
  cmd: z.enum(["ask", "when"]),
  q: z.string(),
  any: z.array(z.string()).optional(),
  date: z.array(z.string()).optional(),
  decline: z.boolean().optional(),
  /** A when-question about an event the sources say has not happened: answered, with no date. */
  nodate: z.boolean().optional(),
});
const fileSchema = z.object({ about: z.string().optional(), cases: z.array(caseSchema) });

/** One benchmark case. */
export type EvalCase = z.infer<typeof caseSchema>;

/** The figures of one case set. */
export interface EvalFigures {
  set: string;
  cases: number;
  recallAt1: number | null;
  recallAt3: number | null;
  dateAccuracy: number | null;
  declineAccuracy: number | null;
  /** Quotes not found verbatim in their source. Must be 0. */
  unfaithfulQuotes: number;
  quotes: number;
  failures: { id: string; q: string; why: string }[];
}

/** The repository root: the nearest folder above this file with a package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * One case file, and the documents asked about: the corpus alone, or (for the generalisation,
 * hold-out, sealed and fresh sets) the corpus plus the fixture documents in `extraDocs`, loaded together with no change to either.
 */
export interface CaseFile {
  set: string;
  file: string;
  extraDocs?: string;
}

/** The case files: the shared development set (when present beside the repo) and our own. */
export function caseFiles(root = repoRoot()): CaseFile[] {
  const own = join(root, "test", "eval");
  const files: CaseFile[] = [
    { set: "dev (shared)", file: join(root, "..", "shared", "eval", "dev-questions.json") },
    { set: "own (test/eval)", file: join(own, "cases.json") },
    { set: "chat", file: join(own, "chat.json") },
    {
      set: "generalisation",
      file: join(own, "generalisation", "questions.json"),
      extraDocs: join(own, "generalisation", "corpus"),
    },
    {
      set: "holdout",
      file: join(own, "holdout", "questions.json"),
      extraDocs: join(own, "holdout", "corpus"),
    },
    {
      set: "sealed",
      file: join(own, "sealed", "questions.json"),
      extraDocs: join(own, "sealed", "corpus"),
    },
    {
      set: "fresh",
      file: join(own, "fresh", "questions.json"),
      extraDocs: join(own, "fresh", "corpus"),
    },
    {
      set: "probe",
      file: join(own, "probe", "questions.json"),
      extraDocs: join(own, "fresh", "corpus"),
    },
    {
      set: "trial",
      file: join(own, "trial", "questions.json"),
      extraDocs: join(own, "trial", "corpus"),
    },
    {
      set: "blind",
      file: join(own, "blind", "questions.json"),
      extraDocs: join(own, "blind", "corpus"),
    },
  ];
  return files.filter((f) => existsSync(f.file));
}

/**
 * Runs `use` with a corpus directory holding `corpusDir`'s files plus the Markdown documents of
 * `extraDocs` (a temporary copy, removed afterwards), or `corpusDir` itself when there are none.
 */
export function withCorpus<T>(
  corpusDir: string,
  extraDocs: string | undefined,
  use: (dir: string) => T,
): T {
  if (!extraDocs) return use(corpusDir);
  const dir = mkdtempSync(join(tmpdir(), "hotline-eval-"));
  try {
    cpSync(corpusDir, dir, { recursive: true, filter: (src) => !src.includes(".hotline-cache") });
    for (const name of readdirSync(extraDocs).filter((n) => n.endsWith(".md")))
      cpSync(join(extraDocs, name), join(dir, name));
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads and validates a case file. */
export function readCases(file: string): EvalCase[] {
  return fileSchema.parse(JSON.parse(readFileSync(file, "utf8"))).cases;
}

/** The eval's comparison form: NFKC, straight quotes, folded whitespace, lower case. */
const fold = (text: string) => comparable(text).toLowerCase();

/** Evaluates `cases` against the corpus in `corpusDir`. */
export function evaluate(set: string, cases: EvalCase[], corpusDir: string): EvalFigures {
  const corpus = loadCorpus(corpusDir);
  const hotline = createHotline(corpus);
  const bodies = new Map(
    corpus.documents.map((d) => [d.meta.id, comparable(d.blocks.map((b) => b.text).join("\n\n"))]),
  );
  let r1 = 0;
  let r3 = 0;
  let recallCases = 0;
  let dates = 0;
  let dateCases = 0;
  let declines = 0;
  let declineCases = 0;
  let quotes = 0;
  let unfaithful = 0;
  const failures: EvalFigures["failures"] = [];
  for (const c of cases) {
    const reply = c.cmd === "when" ? hotline.when(c.q) : hotline.ask(c.q);
    if (reply.status === "rejected") {
      failures.push({ id: c.id, q: c.q, why: `rejected: ${reply.code}` });
      continue;
    }
    const answer: Answer = answerJson(reply);
    for (const quote of answer.quotes) {
      quotes++;
      if (!bodies.get(quote.source.id)?.includes(comparable(quote.text))) {
        unfaithful++;
        failures.push({ id: c.id, q: c.q, why: `quote not verbatim: ${quote.text.slice(0, 80)}` });
      }
    }
    if (c.decline) {
      declineCases++;
      if (answer.status === "no_answer") declines++;
      else
        failures.push({
          id: c.id,
          q: c.q,
          why: `answered, should decline: ${answer.quotes[0]?.text.slice(0, 80)}`,
        });
      continue;
    }
    if (c.any) {
      recallCases++;
      const hits = answer.quotes.map((q) => {
        const haystack = fold(
          [q.text, q.source.title, q.source.author ?? "", q.source.publisher].join(" \u0000 "),
        );
        return (c.any ?? []).some((needle) => haystack.includes(fold(needle)));
      });
      if (hits[0]) r1++;
      if (hits.slice(0, 3).some(Boolean)) r3++;
      if (!hits[0]) {
        failures.push({
          id: c.id,
          q: c.q,
          why:
            answer.status === "no_answer"
              ? "declined"
              : `first quote: ${answer.quotes[0]?.text.slice(0, 80)}${hits.some(Boolean) ? " (found in top 3)" : ""}`,
        });
      }
    }
    if (c.nodate) {
      dateCases++;
      if (answer.status === "answered" && answer.date === null) dates++;
      else
        failures.push({
          id: c.id,
          q: c.q,
          why: `${answer.status}, date ${answer.date?.iso ?? "none"}: expected an answer with no date`,
        });
    }
    if (c.date) {
      dateCases++;
      if (c.date.some((d) => answer.date?.iso.startsWith(d))) dates++;
      else
        failures.push({
          id: c.id,
          q: c.q,
          why: `date ${answer.date?.iso ?? "none"}, expected ${c.date.join(" or ")}`,
        });
    }
  }
  const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
  return {
    set,
    cases: cases.length,
    recallAt1: ratio(r1, recallCases),
    recallAt3: ratio(r3, recallCases),
    dateAccuracy: ratio(dates, dateCases),
    declineAccuracy: ratio(declines, declineCases),
    unfaithfulQuotes: unfaithful,
    quotes,
    failures,
  };
}

const pct = (v: number | null) => (v === null ? "   n/a" : `${(v * 100).toFixed(1).padStart(5)}%`);

/** Formats figures as the table `npm run eval` prints. */
export function formatFigures(all: EvalFigures[]): string {
  const lines = ["set               cases  recall@1  recall@3  dates    declines  faithful"];
  for (const f of all) {
    lines.push(
      `${f.set.padEnd(17)} ${String(f.cases).padStart(5)}  ${pct(f.recallAt1)}    ${pct(f.recallAt3)}    ${pct(f.dateAccuracy)}  ${pct(f.declineAccuracy)}    ${f.quotes - f.unfaithfulQuotes}/${f.quotes}`,
    );
  }
  for (const f of all) {
    if (f.failures.length === 0) continue;
    lines.push("", `Failing cases in ${f.set}:`);
    for (const failure of f.failures)
      lines.push(`  ${failure.id}: ${failure.q}\n      ${failure.why}`);
  }
  return lines.join("\n");
}

/** `hotline eval`: runs every case file and prints the table (or JSON). */
export function runEval(options: {
  corpusDir: string;
  json: boolean;
  print: (text: string) => void;
}): number {
  const files = caseFiles();
  if (files.length === 0) {
    options.print(
      "eval: no case files found (../shared/eval/dev-questions.json, test/eval/cases.json)",
    );
    return 1;
  }
  const figures = files.map((f) =>
    withCorpus(options.corpusDir, f.extraDocs, (dir) => evaluate(f.set, readCases(f.file), dir)),
  );
  options.print(options.json ? JSON.stringify(figures, null, 2) : formatFigures(figures));
  return 0;
}
