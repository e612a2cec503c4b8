/**
 * discord.js's ShardingManager: the manager spawns one child per shard, each child identifies as
 * its own shard, and a child of the real `hotline start` never starts a manager of its own.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startShards } from "../../../adapters/discord/shard.js";
import { loadConfig } from "../../../src/config.js";
import { defaultCorpusDir } from "../../../src/hotline.js";
import { createLogger } from "../../../src/log.js";
import { discordEnv } from "../../fakes/configs.js";
import { FakeDiscord } from "../../fakes/discord.js";

const child = fileURLToPath(new URL("../../fakes/discord-shard-child.mjs", import.meta.url));

describe("startShards", () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.stop();
  });

  const config = (shards: string) =>
    loadConfig({
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_SHARDS: shards,
    });

  test("GIVEN DISCORD_SHARDS=2 THEN two child processes each identify as their own shard", async () => {
    const shards = await startShards({
      script: child,
      args: [fake.apiUrl],
      config: config("2"),
      logger: createLogger("silent"),
      spawnDelayMs: 0,
    });
    try {
      expect(shards.totalShards).toBe(2);
      const identified = fake.identifies.map((d) => d.shard).sort();
      expect(identified).toEqual([
        [0, 2],
        [1, 2],
      ]);
      for (const d of fake.identifies) expect(d.token).toBe(fake.token);
    } finally {
      await shards.stop();
    }
  });

  test("GIVEN DISCORD_SHARDS=auto THEN the count comes from GET /gateway/bot of DISCORD_API_URL", async () => {
    const before = fake.find((r) => r.path === "/gateway/bot").length;
    const shards = await startShards({
      script: child,
      args: [fake.apiUrl],
      config: config("auto"),
      logger: createLogger("silent"),
      spawnDelayMs: 0,
    });
    try {
      expect(shards.totalShards).toBe(1);
      // One lookup by the manager, one by the child's client.
      expect(fake.find((r) => r.path === "/gateway/bot").length).toBeGreaterThanOrEqual(before + 2);
    } finally {
      await shards.stop();
    }
  });

  test("GIVEN a shard that dies before it is ready THEN the start fails and no shard process is left, not even the respawned one", async () => {
    const dies = fileURLToPath(new URL("../../fakes/discord-shard-dies.mjs", import.meta.url));
    const markerDir = mkdtempSync(join(tmpdir(), "hotline-shard-dies-"));
    const ours = () =>
      execFileSync("ps", ["-o", "args=", "--ppid", String(process.pid)], { encoding: "utf8" })
        .split("\n")
        .filter((line) => line.includes("discord-shard-dies.mjs"));
    try {
      await expect(
        startShards({
          script: dies,
          args: [join(markerDir, "died-once")],
          config: config("2"),
          logger: createLogger("silent"),
          spawnDelayMs: 0,
        }),
      ).rejects.toThrow("discord: spawning 2 shards failed");
      // Without the kill, the respawned child would hang here forever (and fail the test).
      while (ours().length > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(ours()).toEqual([]);
    } finally {
      rmSync(markerDir, { recursive: true, force: true });
    }
  });

  test("GIVEN no DISCORD_SHARDS THEN it refuses to start", async () => {
    await expect(
      startShards({
        script: child,
        config: loadConfig({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "123456" }),
        logger: createLogger("silent"),
      }),
    ).rejects.toThrow("discord: startShards needs DISCORD_TOKEN and DISCORD_SHARDS");
  });
});

/** Resolves once no process of `target` (a pid, or a negative process group id) is left. */
async function waitUntilGone(target: number): Promise<void> {
  for (;;) {
    try {
      process.kill(target, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("GIVEN the real `hotline start` with DISCORD_SHARDS=2", () => {
  const root = join(import.meta.dirname, "..", "..", "..");
  let fake: FakeDiscord;
  let dir: string;
  beforeAll(async () => {
    // Build once up front so the spawned processes do not each rebuild.
    spawnSync(process.execPath, [join(root, "scripts", "build.js")], { stdio: "ignore" });
    fake = await FakeDiscord.start();
    dir = mkdtempSync(join(tmpdir(), "hotline-shards-"));
    // A copy, so the corpus snapshot is written under the temp dir, not the repo's cache.
    cpSync(defaultCorpusDir(), join(dir, "corpus"), { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await fake?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("THEN the parent launches two shard children, each identifies once as its shard, and no child launches shards of its own", async () => {
    // Its own process group, so every descendant can be killed at once (a re-sharding child
    // would otherwise multiply).
    const parent = spawn(process.execPath, [join(root, "bin", "hotline.js"), "start"], {
      detached: true,
      env: {
        PATH: process.env.PATH ?? "",
        ...discordEnv(fake),
        DISCORD_SHARDS: "2",
        CORPUS_DIR: join(dir, "corpus"),
        DATABASE_PATH: join(dir, "hotline.db"),
      },
    });
    const pid = parent.pid as number;
    const exited = new Promise<number | null>((resolve) => parent.on("exit", resolve));
    // biome-ignore lint/suspicious/noExplicitAny: pino JSON lines from the parent and its children
    const logs: any[] = [];
    let buffered = "";
    parent.stdout.resume();
    parent.stderr.on("data", (chunk) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) if (line.startsWith("{")) logs.push(JSON.parse(line));
    });
    // Every process logs to this one stderr: the parent's manager launches shards 0 and 1; a
    // launch beyond those two can only come from a manager inside a child.
    const launched = () => logs.filter((l) => l.msg === "discord: shard launched");
    const running = () => logs.filter((l) => l.msg === "hotline is running");
    try {
      // Until the parent and both children run, or a third launch (stop at once then); the
      // deadline only keeps a broken start from hanging the suite.
      const deadline = Date.now() + 40_000;
      while (
        running().length < 3 &&
        launched().length <= 2 &&
        parent.exitCode === null &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(launched().map((l) => [l.shardId, l.totalShards])).toEqual([
        [0, 2],
        [1, 2],
      ]);
      // The parent runs only the manager; each child runs only a Discord client.
      expect(
        running()
          .map((l) => String(l.platforms))
          .sort(),
      ).toEqual(["discord", "discord", "discord-shards"]);
      expect(fake.identifies.map((d) => d.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      // SIGTERM stops the parent, which stops its children; all of them exit.
      process.kill(pid, "SIGTERM");
      expect(await exited).toBe(0);
      await waitUntilGone(-pid);
      expect(logs.filter((l) => l.msg === "stopped")).toHaveLength(3);
    } finally {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // The group is already gone.
      }
    }
  }, 60_000);
});
