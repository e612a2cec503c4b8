// Runs a benchmark from dist/bench (`npm run eval|bench|load`), rebuilding first when sources
// changed. Benchmarks are developer tools, not product commands: the `hotline` CLI has none.
//   node scripts/bench.js eval|bench|load|reload [args…]
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ensureBuilt, root } from "./ensure-built.js";

const ENTRIES = {
  eval: "run-eval.js",
  bench: "bench.js",
  load: "run-load.js",
  reload: "reload.js",
};
const [name = "", ...args] = process.argv.slice(2);
const entry = ENTRIES[name];
if (!entry) {
  process.stderr.write(`bench: unknown benchmark "${name}" (eval, bench, load or reload)\n`);
  process.exit(2);
}
ensureBuilt("bench");
// A child process, so `load` gets --expose-gc and each run starts from a clean heap.
const flags = name === "load" ? ["--expose-gc"] : [];
const run = spawnSync(process.execPath, [...flags, join(root, "dist", "bench", entry), ...args], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);
