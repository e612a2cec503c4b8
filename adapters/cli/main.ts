/**
 * The `hotline` command line. Platform libraries are imported only by the commands that use
 * them, so `hotline ask` starts as fast as Node itself allows.
 *
 *   hotline [start]                       run the bot (Discord/Slack when configured, else the console)
 *   hotline ask [--json] <question>       answer a question with quotes
 *   hotline when [--json] <event>         date an event
 *   hotline timeline [--json]             every dated event
 *   hotline today [--date MM-DD] [--json] events on this day in history
 *   hotline sources [--json]              the documents
 *   hotline corpus check [--dir DIR]      validate the corpus
 *   hotline corpus ingest …               clean a captured page into a corpus document
 */
import { parseArgs } from "node:util";
import { loadCliSettings, loadConfig } from "../../src/config.js";
import { HotlineError } from "../../src/errors.js";
import { defaultCorpusDir, loadHotline } from "../../src/hotline.js";
import { localDateTime } from "../../src/schedule/local-time.js";
import { defaultSnapshotPath } from "../../src/snapshot.js";
import { answerJson, renderDigest, renderReply, renderSources, renderTimeline } from "./render.js";
import { UsageError } from "./usage.js";

export const USAGE = `Usage:
  hotline [start]                         run the bot (Discord/Slack when configured, else a console)
  hotline ask [--json] <question>         answer a question with verbatim, cited quotes
  hotline when [--json] <event>           date an event, quoting the sentence that dates it
  hotline timeline [--json]               every dated event, oldest first
  hotline today [--date MM-DD] [--json]   what happened on this day (or the next anniversary)
  hotline sources [--json]                the documents the answers quote
  hotline corpus check [--dir DIR]        validate the corpus (front matter, ids, bodies)
  hotline corpus ingest --manifest FILE   rebuild corpus documents from seeds
  hotline corpus ingest <seed> --meta FILE [--drop LINE]… [--out FILE]
  hotline discord register [--guild ID]   publish the /hotline slash command to Discord
  hotline help                            this text

Options: --corpus DIR (default: the repo's corpus/ or $CORPUS_DIR)`;

/** Today's local date (`YYYY-MM-DD`) in `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return localDateTime(now, timeZone).date;
}

/** Runs the command line with `argv` (without `node` and the script); returns the exit code. */
export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const print = (text: string) => out.write(`${text}\n`);
  const [command = "start", ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: "boolean", default: false },
      date: { type: "string" },
      dir: { type: "string" },
      corpus: { type: "string" },
      manifest: { type: "string" },
      meta: { type: "string" },
      drop: { type: "string", multiple: true },
      out: { type: "string" },
      guild: { type: "string" },
      "discord-shard": { type: "boolean", default: false },
    },
  });
  // The bot's commands check the whole configuration (zod); one-shot answers need only the
  // corpus and the timezone, and start faster without loading the validator.
  const needsConfig = command === "start" || command === "discord";
  const settings = needsConfig ? loadConfig() : loadCliSettings();
  const corpusDir = values.corpus ?? values.dir ?? settings.corpusDir ?? defaultCorpusDir();
  // A current snapshot (rebuilt automatically when the corpus or code changes) skips parsing.
  const load = () => loadHotline({ corpusDir, snapshotPath: defaultSnapshotPath(corpusDir) });
  const json = (value: unknown) => print(JSON.stringify(value, null, 2));

  switch (command) {
    case "ask":
    case "when": {
      const text = positionals.join(" ");
      const hotline = load();
      const reply = command === "ask" ? hotline.ask(text) : hotline.when(text);
      if (reply.status === "rejected") throw new UsageError(reply.message);
      if (values.json) json(answerJson(reply));
      else print(renderReply(reply));
      return 0;
    }
    case "timeline": {
      const events = load().timeline();
      if (values.json) json({ events });
      else print(renderTimeline(events));
      return 0;
    }
    case "today": {
      const monthDay = values.date ?? todayIn(settings.timezone).slice(5);
      if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(monthDay)) {
        throw new UsageError(`--date must be MM-DD, e.g. 03-14 (got "${monthDay}")`);
      }
      const digest = load().today(monthDay);
      if (values.json) json(digest);
      else print(renderDigest(digest));
      return 0;
    }
    case "sources": {
      const sources = load().sources();
      if (values.json) json({ sources });
      else print(renderSources(sources));
      return 0;
    }
    case "corpus":
      return (await import("./corpus.js")).corpusCommand(positionals, values, corpusDir, print);
    case "discord":
      return (await import("./discord.js")).discordCommand(
        positionals,
        values,
        loadConfig(),
        print,
      );
    case "start":
      return (await import("../../app/start.js")).start(loadConfig(), corpusDir, {
        discordShard: values["discord-shard"],
      });
    case "help":
    case "--help":
    case "-h":
      print(USAGE);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

// Run when executed (bin/hotline.js imports this file), not when a test imports it.
if (process.argv[1] && /hotline(\.js)?$|main\.js$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (
        error instanceof UsageError ||
        (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
      ) {
        process.stderr.write(`hotline: ${(error as Error).message}\n\n${USAGE}\n`);
        process.exitCode = 2;
      } else if (error instanceof HotlineError) {
        process.stderr.write(`hotline: ${error.message}\n`);
        process.exitCode = 1;
      } else {
        process.stderr.write(
          `hotline: unexpected error: ${(error as Error).stack ?? String(error)}\n`,
        );
        process.exitCode = 1;
      }
    },
  );
}
