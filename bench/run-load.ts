/**
 * `npm run load [-- REQUESTS CONCURRENCY MENTIONS] [--corpus DIR]`: the Slack load test
 * against the fake Slack API on 127.0.0.1. Exit code 0 when every check passed.
 */
import { parseArgs } from "node:util";
import { loadCliSettings } from "../src/config.js";
import { defaultCorpusDir } from "../src/hotline.js";
import { loadCommand } from "./load.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { corpus: { type: "string" } },
});
loadCommand(
  positionals,
  values.corpus ?? loadCliSettings().corpusDir ?? defaultCorpusDir(),
  (line) => process.stdout.write(`${line}\n`),
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
