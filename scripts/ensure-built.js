// Rebuilds dist/ when a TypeScript source is newer than the last build, so the launchers
// (bin/hotline.js, scripts/bench.js) never run stale code after an edit. A no-op outside a
// checkout (no TypeScript or no sources).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (the directory above scripts/ and bin/). */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Directories compiled into dist/ (tsconfig.build.json's include). */
const SOURCE_DIRS = ["src", "adapters", "app", "bench"];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stale() {
  const stamp = join(root, "dist", ".build-stamp");
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCE_DIRS.some(
    (dir) => existsSync(join(root, dir)) && newestSource(join(root, dir)) > built,
  );
}

/** Builds when stale; exits the process with the build's status when the build fails. */
export function ensureBuilt(name) {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  if (!existsSync(tsc) || !existsSync(join(root, "src")) || !stale()) return;
  process.stderr.write(`${name}: sources changed, building…\n`);
  const build = spawnSync(process.execPath, [join(root, "scripts", "build.js")], {
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
