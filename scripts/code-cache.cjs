// Writes the code cache of the bundled command line (see scripts/run-bundle.cjs), run by
// scripts/build.js after bundling: runs the one-shot commands a user runs most on the repository's
// corpus, as `hotline` would, then saves the bytecode V8 compiled for them.
//   node scripts/code-cache.cjs BUNDLE SNAPSHOT_DIR warm|write
// `warm` writes the corpus's start-up snapshot into SNAPSHOT_DIR (a temporary directory) and
// nothing else; `write` then runs from that snapshot, as a command usually does, and writes the
// cache. Two processes, so the cache holds what a start from a snapshot compiles.
"use strict";
const { writeFileSync } = require("node:fs");
const { Writable } = require("node:stream");
const { cachePath, runBundle } = require("./run-bundle.cjs");

const [bundle, snapshotDir, mode] = process.argv.slice(2);
/** What is run: the README's examples of the one-shot commands. */
const COMMANDS = [
  ["when", "When did the Beijing-Moscow line open?"],
  ["when", "the Russian line opened"],
  ["ask", "what is the line for?"],
  ["ask", "why was Russia first"],
  ["timeline"],
  ["today", "--date", "03-14"],
  ["sources"],
];

async function main() {
  process.env.HOTLINE_CACHE_DIR = snapshotDir;
  delete process.env.CORPUS_DIR; // the repository's own corpus
  delete process.env.HOTLINE_TIMEZONE;
  const { exports, script, header } = runBundle(bundle);
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  for (const argv of COMMANDS) {
    const code = await exports.main(argv, sink);
    if (code !== 0) throw new Error(`hotline ${argv.join(" ")} exited with ${code}`);
  }
  if (mode === "write") {
    writeFileSync(cachePath(bundle), Buffer.concat([header, script.createCachedData()]));
  }
}

main().catch((error) => {
  process.stderr.write(`code cache: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
