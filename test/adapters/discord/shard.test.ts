import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startShards } from "../../../adapters/discord/shard.js";
import { loadConfig } from "../../../src/config.js";
import { createLogger } from "../../../src/log.js";
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
