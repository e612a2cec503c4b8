import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../bench/eval.js";

// The benchmark runs as users run it (`npm run bench`): a new process through scripts/bench.js
// (which rebuilds dist/ when a source changed). No timing is asserted, only that every figure is printed.
function bench(...args: string[]) {
  return spawnSync(
    process.execPath,
    [join(repoRoot(), "scripts", "bench.js"), "bench", "--quick", ...args],
    {
      encoding: "utf8",
      timeout: 170_000,
    },
  );
}

describe("npm run bench -- --quick", () => {
  it("GIVEN the seed corpus and a tiny synthetic one THEN the table prints every figure for both sizes and every target", () => {
    const run = bench();
    expect(run.status, run.stderr).toBe(0);
    const out = run.stdout;
    for (const label of [
      "documents",
      "passages (sentences)",
      "  ask ",
      "  when ",
      "  all answers",
      "  plain MiniSearch search()",
      "  ratio to plain (p50 / p99)",
      "  suggest (autocomplete)",
      "  index build (ours)",
      "  index build (plain MiniSearch)",
      "  start-up, no snapshot",
      "  start-up, with snapshot",
      "  snapshot write",
      "  snapshot size, MB",
      "  no snapshot ",
      "  with snapshot ",
      "  heap per passage, KB",
    ]) {
      const line = out.split("\n").find((l) => l.startsWith(label));
      expect(line, `row "${label}"`).toBeDefined();
      // One figure per corpus size: the seed corpus and the 1k synthetic corpus.
      const cells = (line ?? "")
        .slice(34)
        .trim()
        .split(/\s{2,}/);
      expect(cells, `row "${label}": ${line}`).toHaveLength(2);
      for (const cell of cells) expect(cell).toMatch(/\d/);
    }
    expect(out).toMatch(
      /Command-line cold start \(median of \d+\): hotline ask [\d.]+ ms, node -e 0 [\d.]+ ms, ratio [\d.]+/,
    );
    for (const target of [
      "seed: p99 answer < 1 ms",
      "CLI cold start",
      "p99 answer < 25 ms",
      "ready < 5 s with snapshot",
      "RSS < 600 MB",
      "ratio to plain MiniSearch ≤ 3",
    ]) {
      expect(out).toMatch(
        new RegExp(`[✓✗] [^\\n]*${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\n]*: \\S`),
      );
    }
    expect(out).not.toMatch(/NaN|Infinity|undefined/);
  }, 180_000);

  it("GIVEN --json THEN every figure is a finite number", () => {
    const run = bench("--json");
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      sizes: Record<string, unknown>[];
      cli: Record<string, number>;
    };
    expect(report.sizes).toHaveLength(2);
    const numbers = (value: unknown): number[] =>
      typeof value === "number"
        ? [value]
        : value && typeof value === "object"
          ? Object.values(value).flatMap(numbers)
          : [];
    for (const size of report.sizes) {
      for (const n of numbers(size)) expect(Number.isFinite(n)).toBe(true);
      expect(size.passages as number).toBeGreaterThan(0);
    }
    for (const n of numbers(report.cli)) expect(Number.isFinite(n) && n > 0).toBe(true);
  }, 180_000);
});
