/**
 * `npm run load -- --processes 2` (`bench/load-processes.ts`): a tiny run of two real `hotline
 * start` processes on one PostgreSQL database (TEST_DATABASE_URL, or PGlite) behind the
 * round-robin proxy, and the command's refusals (an unreachable database, a bad --processes).
 * Sizes are tiny and no timing is asserted: the figures of a full run are in docs/security.md.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "../../bench/eval.js";
import { runProcessesLoad } from "../../bench/load-processes.js";
import { openTestDatabase, SKIP_LINE, type TestDatabase } from "../schedule/pg-helpers.js";

const root = repoRoot();

/** `npm run load -- …args` as a user runs it, with only PATH (and the test run's TMPDIR). */
function load(...args: string[]) {
  return spawnSync(process.execPath, [join(root, "scripts", "bench.js"), "load", ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", TMPDIR: process.env.TMPDIR ?? "" },
    timeout: 170_000,
  });
}

/** stderr without the launcher's "building…" notice (printed when sources changed). */
const errorLines = (stderr: string) =>
  stderr.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("bench: sources changed"));

beforeAll(() => {
  // Build once up front so the spawned processes do not each rebuild.
  spawnSync(process.execPath, [join(root, "scripts", "build.js")], { stdio: "ignore" });
}, 180_000);

describe("GIVEN npm run load -- --processes 2", () => {
  test("WHEN the database is unreachable THEN it exits 2 with one line naming the database without its password and how to point elsewhere", () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const run = load("--processes", "2", "--database-url", "postgres://u:s3cret@127.0.0.1:1/x");
    expect(run.status).toBe(2);
    expect(errorLines(run.stderr)).toEqual([
      "load: PostgreSQL at postgres://u@127.0.0.1:1/x is unreachable (ECONNREFUSED); start it or pass --database-url (or LOAD_DATABASE_URL)",
    ]);
    expect(`${run.stdout}${run.stderr}`).not.toContain("s3cret");
    expect(run.stdout).toBe("");
  }, 180_000);

  test("WHEN --processes is 3 THEN it exits 2 saying it must be 1 or 2", () => {
    const run = load("--processes", "3");
    expect(run.status).toBe(2);
    expect(errorLines(run.stderr)).toEqual(['load: --processes must be 1 or 2, not "3"']);
  }, 180_000);
});

describe("GIVEN a shared PostgreSQL database", () => {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await openTestDatabase();
    if (!db) process.stdout.write(`${SKIP_LINE}\n`);
  }, 60_000);
  afterAll(async () => {
    await db?.dispose();
  });

  test("WHEN a tiny two-process run retries every mention on the other process THEN each is answered once, nothing is lost, both processes serve and the run's schema is dropped", async (ctx) => {
    if (!db) return ctx.skip();
    const lines: string[] = [];
    const report = await runProcessesLoad({
      databaseUrl: db.url,
      cacheDir: process.env.HOTLINE_CACHE_DIR,
      requests: 24,
      concurrency: 6,
      mentions: 6,
      print: (line) => lines.push(line),
    });
    expect(report).toMatchObject({
      retries: 12,
      retriesToOtherProcess: 12,
      lateOrFailedAcks: 0,
      duplicateAnswers: 0,
      lostAnswers: 0,
      wrongAnswers: 0,
      ok: true,
    });
    // 24 slash commands and 6 × 3 mention deliveries, alternated: 21 each.
    expect(report.perProcess.map((p) => [p.requests, p.failures])).toEqual([
      [21, 0],
      [21, 0],
    ]);
    // Each retry is dropped by whichever process gets it: 12 drops between the two.
    expect(report.perProcess.reduce((sum, p) => sum + p.dedupeHits, 0)).toBe(12);
    for (const p of report.perProcess)
      expect(p.database).toMatch(/^postgresql \(schema hotline_load_/);
    expect(report.sharedSeenKeys).toBeGreaterThan(0);
    expect(lines.at(-1)).toBe("load: PASS");
    expect(report.schema).toMatch(/^hotline_load_[0-9a-f]{12}$/);
    expect(lines.join("\n")).toContain(`schema ${report.schema} (dropped after the run)`);
    const left = await db.sql("SELECT 1 FROM pg_namespace WHERE nspname = $1", [report.schema]);
    expect(left).toEqual([]);
  }, 170_000);
});
