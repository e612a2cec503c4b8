// Rebuilds dist/ when a TypeScript source is newer than the last build, so the launchers
// (bin/hotline.js, scripts/bench.js) never run stale code after an edit. A no-op outside a
// checkout (no TypeScript or no sources).
//
// Cheap, because it runs before every command: the build's stamp lists the source directories
// and .ts files it compiled, so the check is one stat of each (about 130), with no directory
// listing. An edited file has a newer mtime; a file added, removed or renamed (and a file saved
// by writing a new one and renaming it, as many editors do) changes its directory's mtime; a new
// directory changes its parent's. Anything the stamp cannot vouch for means "build".
//
// CommonJS, like bin/hotline.js, which must not pay for starting Node's ES module loader.
"use strict";
const { existsSync, readdirSync, readFileSync, statSync } = require("node:fs");
const { join } = require("node:path");

/** The repository root (the directory above scripts/ and bin/). */
const root = join(__dirname, "..");

/** Directories compiled into dist/ (tsconfig.build.json's include). */
const SOURCE_DIRS = ["src", "adapters", "app", "bench"];

const STAMP = join(root, "dist", ".build-stamp");

/** The source directories and .ts files under SOURCE_DIRS, relative to the root. */
function sourceTree() {
  const tree = { dirs: [], files: [] };
  const walk = (dir) => {
    tree.dirs.push(dir);
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) tree.files.push(path);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) walk(dir);
  return tree;
}

function stale() {
  const stamp = statSync(STAMP, { throwIfNoEntry: false });
  if (!stamp) return true;
  let tree;
  try {
    tree = JSON.parse(readFileSync(STAMP, "utf8"));
  } catch {
    return true; // a stamp from an older build (a date), or damaged
  }
  if (!Array.isArray(tree?.dirs) || !Array.isArray(tree.files)) return true;
  // A source directory that appeared since the build (their parent, the root, is not watched).
  for (const dir of SOURCE_DIRS) {
    if (!tree.dirs.includes(dir) && existsSync(join(root, dir))) return true;
  }
  const built = stamp.mtimeMs;
  for (const path of [...tree.dirs, ...tree.files]) {
    const stat = statSync(join(root, path), { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs > built) return true;
  }
  return false;
}

/** Builds when stale; exits the process with the build's status when the build fails. */
function ensureBuilt(name) {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  if (!existsSync(tsc) || !existsSync(join(root, "src")) || !stale()) return;
  process.stderr.write(`${name}: sources changed, building…\n`);
  // Loaded only to build: child_process costs every command about 3 ms.
  const { spawnSync } = require("node:child_process");
  const build = spawnSync(process.execPath, [join(root, "scripts", "build.js")], {
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

module.exports = { ensureBuilt, root, sourceTree, STAMP };
