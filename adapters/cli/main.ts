/**
 * The `hotline` command line. Platform libraries are imported only by the commands that use
 * them, so `hotline ask` starts as fast as Node itself allows.
 *
 *   hotline [start]                       run the bot (Discord/Slack when configured, else the console)
 *   hotline ask|when|timeline|today|sources   the /hotline commands, once (see answer.ts)
 *   hotline corpus check [--dir DIR]      validate the corpus
 *   hotline corpus ingest …               clean a captured page into a corpus document
 *   hotline db migrate --from sqlite:PATH --to postgres://…   copy subscriptions to PostgreSQL
 */
import { parseArgs } from "node:util";
import { loadCliSettings, loadConfig } from "../../src/config.js";
import { reasonOf } from "../../src/corpus/load.js";
import { HotlineError } from "../../src/errors.js";
import { defaultCorpusDir, loadHotline } from "../../src/hotline.js";
import { localDateTime } from "../../src/schedule/local-time.js";
import { defaultSnapshotPath } from "../../src/snapshot.js";
import { isOneShot, oneShotUsage, runOneShot } from "./answer.js";
import { UsageError } from "./usage.js";

/** The usage text: the one-shot commands from the command spec, then the operator commands. */
const USAGE = usageText([
  ["hotline [start]", "run the bot (Discord/Slack when configured, else a console)"],
  ...oneShotUsage(),
  ["hotline corpus check [--dir DIR]", "validate the corpus (front matter, ids, bodies)"],
  ["hotline corpus ingest --manifest FILE", "rebuild corpus documents from seeds"],
  ["hotline corpus ingest <seed> --meta FILE [--drop LINE]… [--out FILE]", ""],
  ["hotline discord register [--guild ID]", "publish the /hotline slash command to Discord"],
  ["hotline db migrate --from sqlite:PATH --to URL", "copy SQLite data to PostgreSQL"],
  ["hotline help", "this text"],
]);

function usageText(rows: [string, string][]): string {
  const width = Math.max(...rows.filter(([, d]) => d).map(([u]) => u.length)) + 2;
  const lines = rows.map(([u, d]) => (d ? `  ${u.padEnd(width)}${d}` : `  ${u}`));
  return `Usage:\n${lines.join("\n")}\n\nOptions: --corpus DIR (default: the repo's corpus/ or $CORPUS_DIR)`;
}

/** Runs the command line with `argv` (without `node` and the script); returns the exit code. */
export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  now: () => Date = () => new Date(),
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
      from: { type: "string" },
      to: { type: "string" },
    },
  });
  // The bot's commands check the whole configuration (zod); one-shot answers need only the
  // corpus and the timezone, and start faster without loading the validator.
  const needsConfig = command === "start" || command === "discord";
  const settings = needsConfig ? loadConfig() : loadCliSettings();
  const corpusDir = values.corpus ?? values.dir ?? settings.corpusDir ?? defaultCorpusDir();
  // A current snapshot (rebuilt automatically when the corpus or code changes) skips parsing.
  const load = () =>
    loadHotline({
      corpusDir,
      snapshotPath: defaultSnapshotPath(corpusDir, settings.cacheDir),
      maxFileBytes: settings.corpusMaxFileBytes,
    });

  if (isOneShot(command)) {
    print(
      await runOneShot(
        command,
        positionals,
        values,
        load(),
        localDateTime(now(), settings.timezone).date,
      ),
    );
    return 0;
  }
  switch (command) {
    case "corpus":
      return (await import("./corpus.js")).corpusCommand(
        positionals,
        values,
        corpusDir,
        print,
        settings.corpusMaxFileBytes,
      );
    case "discord":
      return (await import("./discord.js")).discordCommand(
        positionals,
        values,
        loadConfig(),
        print,
      );
    case "db":
      // Into the schema the bot will read (`DATABASE_SCHEMA`, default public).
      return (await import("./db.js")).dbCommand(positionals, values, print, {
        schema: loadConfig().databaseSchema,
      });
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
  const [command = "start"] = process.argv.slice(2);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      if (isOneShot(command) || command === "help") exitWhenWritten(code);
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
      } else if (typeof (error as NodeJS.ErrnoException).path === "string") {
        // A file the command was given cannot be used: name it and why, without a stack trace.
        const { path } = error as NodeJS.ErrnoException;
        process.stderr.write(`hotline: ${path}: ${reasonOf(error)}\n`);
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

/**
 * Ends a command that has printed its answer and has nothing left to do, instead of waiting for
 * Node's orderly teardown of the loaded corpus's heap (about 8 ms of a `hotline ask`). Only when
 * everything written has already reached the OS (stdout and stderr are synchronous for files, and
 * on Linux for pipes and terminals); otherwise the process ends by itself, as before.
 */
function exitWhenWritten(code: number): void {
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) {
    process.exit(code);
  }
}
