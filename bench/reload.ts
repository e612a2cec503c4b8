/**
 * `npm run bench:reload [-- SENTENCES]`: how long a corpus reload holds the event loop. Builds a
 * synthetic corpus (default about 20,000 sentences) and loads it twice: as start-up does
 * (`loadHotline`, one synchronous build) and as a SIGHUP reload does (`loadHotlineYielding`),
 * while a 1 ms interval timer records the longest gap between its ticks. Prints total time, the
 * longest stall (how long a question arriving then would wait) and how many timer ticks ran
 * during the load. Figures only; no targets.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { defaultCorpusDir, loadHotline } from "../src/hotline.js";
import { loadHotlineYielding } from "../src/reload.js";
import { writeSyntheticCorpus } from "./synthetic.js";

interface Figures {
  totalMs: number;
  longestStallMs: number;
  timers: number;
}

/** Runs `load` while a 1 ms timer ticks, recording the longest gap between two ticks. */
async function measure(load: () => unknown): Promise<Figures> {
  let timers = 0;
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    timers += 1;
  }, 1);
  // Let the ticker start, so a load that blocks from its first instant is measured too.
  await new Promise((resolve) => setTimeout(resolve, 10));
  timers = 0;
  longest = 0;
  last = performance.now();
  const start = performance.now();
  await load();
  const totalMs = performance.now() - start;
  // One more tick, so a stall that ended with the load is recorded.
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(ticker);
  return { totalMs, longestStallMs: longest, timers };
}

const sentences = Number(process.argv[2] ?? 20_000);
const work = mkdtempSync(join(tmpdir(), "hotline-bench-reload-"));
try {
  const corpus = writeSyntheticCorpus({
    sentences,
    seedDir: defaultCorpusDir(),
    outDir: join(work, "corpus"),
  });
  // Warm up module loading (chrono-node, zod, yaml) so neither run pays for it.
  loadHotline({ corpusDir: defaultCorpusDir() });
  const blocking = await measure(() => loadHotline({ corpusDir: corpus.dir }));
  const yielding = await measure(() => loadHotlineYielding(corpus.dir));
  const row = (label: string, f: Figures) =>
    `${label.padEnd(34)}${f.totalMs.toFixed(0).padStart(10)}${f.longestStallMs.toFixed(0).padStart(18)}${String(f.timers).padStart(14)}`;
  const lines = [
    `Reload of ${corpus.documents} documents, ${corpus.sentences.toLocaleString("en")} sentences (${(corpus.bytes / 1e6).toFixed(1)} MB)`,
    `${"".padEnd(34)}${"total, ms".padStart(10)}${"longest stall, ms".padStart(18)}${"1 ms timers".padStart(14)}`,
    row("start-up build (loadHotline)", blocking),
    row("SIGHUP reload (loadHotlineYielding)", yielding),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
