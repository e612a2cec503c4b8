/**
 * Housekeeping for the whole test run (vitest `globalSetup`). Every run gets a private temp
 * directory (`TMPDIR`, so `os.tmpdir()` in tests and in the processes they spawn points there) and
 * a private snapshot cache (`HOTLINE_CACHE_DIR`). At the end the run fails, listing the culprits,
 * when a test left anything in that temp directory (every creator must clean up after itself) or
 * when the repository's `.hotline-cache/` changed (tests must never write there). The private
 * directory is removed either way, so even a failing run leaves nothing behind.
 */

import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fastCheckSeed } from "./fast-check-seed.js";

const repoCache = join(import.meta.dirname, "..", ".hotline-cache");

/** Each file in the repo's cache with its size and modification time; "absent" without one. */
function cacheState(): string {
  let names: string[];
  try {
    names = readdirSync(repoCache).sort();
  } catch {
    return "absent";
  }
  return names
    .map((name) => {
      const stat = statSync(join(repoCache, name));
      return `${name} ${stat.size} ${stat.mtimeMs}`;
    })
    .join("\n");
}

export function setup(): () => void {
  const saved = { TMPDIR: process.env.TMPDIR, HOTLINE_CACHE_DIR: process.env.HOTLINE_CACHE_DIR };
  const base = mkdtempSync(join(tmpdir(), "hotline-suite-"));
  // Traversable by every user, as the system temp directory is: some tests run a child process
  // as another user (uid 65534) to prove a database it cannot write is refused.
  chmodSync(base, 0o755);
  const temp = join(base, "tmp");
  const cache = join(base, "cache");
  mkdirSync(temp, { mode: 0o1777 });
  chmodSync(temp, 0o1777);
  mkdirSync(cache);
  const cacheBefore = cacheState();
  process.env.TMPDIR = temp;
  process.env.HOTLINE_CACHE_DIR = cache;
  process.stderr.write(`test run: TMPDIR=${temp}, HOTLINE_CACHE_DIR=${cache}\n`);
  process.stderr.write(`test run: fast-check seed ${fastCheckSeed()} (FC_SEED to change it)\n`);

  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    const left = readdirSync(temp).sort();
    const cacheAfter = cacheState();
    rmSync(base, { recursive: true, force: true });
    const problems: string[] = [];
    if (left.length > 0) {
      problems.push(`tests left ${left.length} entries in the temp directory: ${left.join(", ")}`);
    }
    if (cacheAfter !== cacheBefore) {
      problems.push(`tests modified the repository's .hotline-cache/ (${repoCache})`);
    }
    if (problems.length > 0) {
      for (const problem of problems) process.stderr.write(`test run: FAILED: ${problem}\n`);
      // vitest reports an error thrown at teardown but still exits 0: set the code ourselves.
      process.exitCode = 1;
    }
  };
}
