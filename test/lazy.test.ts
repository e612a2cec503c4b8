import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// Runs the compiled core in a new process and reports which heavy libraries it loaded.
const probe = (snapshotPath: string) => `
  const { createRequire } = await import("node:module");
  const { loadHotline } = await import("./dist/src/hotline.js");
  const hotline = loadHotline({ snapshotPath: ${JSON.stringify(snapshotPath)} });
  const answer = hotline.when("When did the Beijing-Moscow line open?");
  const loaded = Object.keys(createRequire(import.meta.url).cache)
    .filter((f) => /node_modules[\\\\/](chrono-node|zod|yaml)[\\\\/]/.test(f))
    .map((f) => f.match(/node_modules[\\\\/](chrono-node|zod|yaml)/)[1]);
  console.log(JSON.stringify({ date: answer.date, loaded: [...new Set(loaded)].sort() }));
`;

function run(snapshotPath: string): { date: { iso: string }; loaded: string[] } {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", probe(snapshotPath)], {
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout);
}

describe("lazy loading of heavy libraries", () => {
  beforeAll(() => {
    expect(spawnSync(process.execPath, ["scripts/build.js"], { encoding: "utf8" }).status).toBe(0);
  }, 120_000);

  it("GIVEN no snapshot THEN parsing loads chrono-node, zod and yaml; GIVEN a current one THEN none of them", () => {
    const dir = mkdtempSync(join(tmpdir(), "hotline-lazy-"));
    try {
      const snapshotPath = join(dir, "snapshot.json");
      const cold = run(snapshotPath);
      expect(cold.loaded).toEqual(["chrono-node", "yaml", "zod"]);
      const warm = run(snapshotPath);
      expect(warm.loaded).toEqual([]);
      expect(warm.date).toEqual(cold.date);
      expect(warm.date.iso).toBe("2008-03-14");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
