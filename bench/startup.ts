/**
 * The benchmark's start-up probe, run as a new process by `bench/bench.ts`:
 *
 *   node --expose-gc dist/bench/startup.js <corpusDir> <snapshotPath> cold|snapshot
 *
 * `cold` builds everything (no snapshot), reports ready, then writes the snapshot for the next
 * runs; `snapshot` loads through the snapshot. Prints one JSON line per stage on stdout:
 * `{"stage":"ready",…}`, `{"stage":"memory",…}`, and for `cold` `{"stage":"written",…}`.
 */
import { performance } from "node:perf_hooks";

const [corpusDir = "", snapshotPath = "", mode = "cold"] = process.argv.slice(2);
const say = (value: object) => process.stdout.write(`${JSON.stringify(value)}\n`);

// Imported here, not at the top, so module loading counts towards start-up as it does for the bot.
const { loadCorpus } = await import("../src/corpus/load.js");
const { createHotline, loadHotline } = await import("../src/hotline.js");
const { snapshotKey, writeSnapshot } = await import("../src/snapshot.js");
type Built = import("../src/snapshot.js").Built;

const start = performance.now();
let built: Built | undefined;
let event = "none";
const hotline =
  mode === "cold"
    ? createHotline(loadCorpus(corpusDir), undefined, (b) => {
        built = b;
      })
    : loadHotline({ corpusDir, snapshotPath, onSnapshot: (e) => (event = e.kind) });
// One answer proves it is ready (and is what a user waits for after a restart).
hotline.ask("What is the hotline for?");
const ready = performance.now();
say({ stage: "ready", sinceProcessStartMs: ready, loadMs: ready - start, snapshot: event });

// Written (and timed) before memory is measured, then let go, as `loadWithSnapshot` does: the
// snapshot's payload (the index as plain JSON among it) is not kept by a running bot.
if (mode === "cold" && built && snapshotPath) {
  const t = performance.now();
  writeSnapshot(snapshotPath, snapshotKey(corpusDir), built);
  say({ stage: "written", writeMs: performance.now() - t });
}
built = undefined;

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
gc?.();
const memory = process.memoryUsage();
say({ stage: "memory", rssBytes: memory.rss, heapUsedBytes: memory.heapUsed });
