/**
 * `npm run load [-- REQUESTS CONCURRENCY MENTIONS] [--corpus DIR]`: the Slack load test
 * against the fake Slack API on 127.0.0.1. Exit code 0 when every check passed.
 *
 * `--processes 2 [--database-url URL]`: the same burst through a round-robin proxy to two
 * `hotline start` processes sharing PostgreSQL (`load-processes.ts`); the URL defaults to
 * `LOAD_DATABASE_URL`, then to the local test server. Exit code 2 when it cannot be reached.
 */
import { parseArgs } from "node:util";
import { loadCliSettings } from "../src/config.js";
import { defaultCorpusDir } from "../src/hotline.js";
import { loadCommand } from "./load.js";
import { processesLoadCommand } from "./load-processes.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: "string" },
    processes: { type: "string" },
    "database-url": { type: "string" },
  },
});
const settings = loadCliSettings();
const corpusDir = values.corpus ?? settings.corpusDir ?? defaultCorpusDir();
const print = (line: string) => process.stdout.write(`${line}\n`);
const processes = values.processes ?? "1";
const run =
  processes === "1"
    ? loadCommand(positionals, corpusDir, print)
    : processes === "2"
      ? processesLoadCommand(positionals, {
          corpusDir,
          cacheDir: settings.cacheDir,
          // A developer tool's own variable, read here at its entry point like TEST_DATABASE_URL.
          databaseUrl: values["database-url"] ?? process.env.LOAD_DATABASE_URL?.trim(),
          print,
          printError: (line) => process.stderr.write(`${line}\n`),
        })
      : Promise.resolve().then(() => {
          process.stderr.write(`load: --processes must be 1 or 2, not "${processes}"\n`);
          return 2;
        });
run.then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
