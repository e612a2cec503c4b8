/**
 * `npm run eval [-- --json] [--corpus DIR]`: the accuracy benchmark over every case file.
 * Exit code 0 when the case files were found and run.
 */
import { parseArgs } from "node:util";
import { loadCliSettings } from "../src/config.js";
import { defaultCorpusDir } from "../src/hotline.js";
import { runEval } from "./eval.js";

const { values } = parseArgs({
  options: { json: { type: "boolean", default: false }, corpus: { type: "string" } },
});
process.exitCode = runEval({
  corpusDir: values.corpus ?? loadCliSettings().corpusDir ?? defaultCorpusDir(),
  json: values.json,
  print: (text) => process.stdout.write(`${text}\n`),
});
