#!/usr/bin/env node
// Launches the compiled command line. In a checkout, rebuilds first when a TypeScript source is
// newer than the last build, so `npm run hotline` never runs stale code after an edit.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "dist", "adapters", "cli", "main.js");
const stamp = join(root, "dist", ".build-stamp");

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
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return ["src", "adapters", "bench"].some(
    (dir) => existsSync(join(root, dir)) && newestSource(join(root, dir)) > built,
  );
}

const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
if (existsSync(tsc) && existsSync(join(root, "src")) && stale()) {
  process.stderr.write("hotline: sources changed, building…\n");
  const build = spawnSync(process.execPath, [join(root, "scripts", "build.js")], {
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(entry)) {
  process.stderr.write("hotline: not built yet. Run `npm install` (or `npm run build`) first.\n");
  process.exit(1);
}
await import(entry);
