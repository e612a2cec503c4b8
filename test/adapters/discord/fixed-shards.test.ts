/**
 * Discord shards split across machines: `DISCORD_SHARDS=0,1` with `DISCORD_SHARD_COUNT=4` runs
 * those shards in one real discord.js client, and the scheduler's `owns()` gives each server to
 * the one process holding its shard. Two clients against the fake gateway stand for two machines.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DiscordBot, startDiscord } from "../../../adapters/discord/bot.js";
import { guildShard, holdsGuild } from "../../../adapters/discord/guild-shard.js";
import { loadConfig } from "../../../src/config.js";
import { loadHotline } from "../../../src/hotline.js";
import { createLogger } from "../../../src/log.js";
import type { ChannelRef } from "../../../src/schedule/types.js";
import { discordEnv } from "../../fakes/configs.js";
import { FakeDiscord } from "../../fakes/discord.js";

/** Property runs use this seed, printed so a failure can be replayed. */
const SEED = 20261203;

/** A guild snowflake whose shard among `count` is `shard` (Discord routes by `id >> 22`). */
function guildOnShard(shard: number, count: number, salt = 0n): string {
  return (((BigInt(shard) + BigInt(count) * (1000n + salt)) << 22n) | 12345n).toString();
}

describe("DISCORD_SHARDS with DISCORD_SHARD_COUNT (configuration)", () => {
  const env = (shards: string | undefined, count: string | undefined) =>
    loadConfig({
      DISCORD_TOKEN: "t",
      DISCORD_APPLICATION_ID: "123456789012345678",
      ...(shards === undefined ? {} : { DISCORD_SHARDS: shards }),
      ...(count === undefined ? {} : { DISCORD_SHARD_COUNT: count }),
    });

  test("GIVEN 0,1 of 4 THEN this process runs shards 0 and 1 of 4 in one client, without a ShardingManager", () => {
    expect(env("0, 1", "4").discord).toMatchObject({
      fixedShards: { ids: [0, 1], count: 4 },
      shards: undefined,
    });
    expect(env("3", "4").discord?.fixedShards).toEqual({ ids: [3], count: 4 });
  });

  test("GIVEN a number without a count THEN it is still the ShardingManager's shard count", () => {
    expect(env("2", undefined).discord).toMatchObject({ shards: 2, fixedShards: undefined });
    expect(env("auto", undefined).discord).toMatchObject({
      shards: "auto",
      fixedShards: undefined,
    });
  });

  test.each([
    ["0,4", "4", "config: DISCORD_SHARDS lists shard 4, but DISCORD_SHARD_COUNT=4 allows 0 to 3"],
    ["1,1", "4", "config: DISCORD_SHARDS lists shard 1 twice"],
    ["0", "0", "config: DISCORD_SHARD_COUNT must be a whole number, at least 1"],
    [
      "0,1",
      undefined,
      "config: DISCORD_SHARDS lists shard ids, so DISCORD_SHARD_COUNT (the total) must be set",
    ],
    [
      undefined,
      "4",
      "config: DISCORD_SHARDS must list this process's shard ids (e.g. 0,1) when DISCORD_SHARD_COUNT is set",
    ],
    ["auto", "4", 'config: DISCORD_SHARDS cannot be "auto" when DISCORD_SHARD_COUNT is set'],
    ["0", undefined, "config: DISCORD_SHARDS must be at least 1 shard"],
    [
      "0;1",
      "4",
      'config: DISCORD_SHARDS must be "auto", a number of shards, or shard ids such as 0,1 with DISCORD_SHARD_COUNT',
    ],
  ])(
    "GIVEN DISCORD_SHARDS=%s and DISCORD_SHARD_COUNT=%s THEN start-up stops with one line naming the variable",
    (shards, count, message) => {
      let thrown: unknown;
      try {
        env(shards, count);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ code: "config_invalid", message });
      expect(String((thrown as Error).message)).not.toContain("\n");
    },
  );
});

describe("guildShard", () => {
  test("GIVEN Discord's documented example THEN the shard is (id >> 22) % count", () => {
    // Discord's docs: guild 197038439483310086 is on shard 0 of 1, and (id >> 22) = 46977564278.
    expect(guildShard("197038439483310086", 1)).toBe(0);
    expect(guildShard("197038439483310086", 4)).toBe(Number(46977564278n % 4n));
    expect(guildShard(guildOnShard(3, 4), 4)).toBe(3);
  });

  test("GIVEN something that is not a snowflake or a bad count THEN no shard, and nobody holds it", () => {
    for (const id of ["", "local", "T0123", "-1", "1e5", "123456789012345678901"]) {
      expect(guildShard(id, 4)).toBeUndefined();
      expect(holdsGuild(id, [0, 1, 2, 3], 4)).toBe(false);
    }
    expect(guildShard("197038439483310086", 0)).toBeUndefined();
  });

  test(`GIVEN any guild and any split of the shards between two processes THEN exactly one holds it (fast-check seed ${SEED})`, () => {
    console.log(`guildShard property: fast-check seed ${SEED}`);
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 0, max: 64 }),
        (id, count, cut) => {
          const ids = Array.from({ length: count }, (_, i) => i);
          const first = ids.slice(0, Math.min(cut, count));
          const second = ids.slice(Math.min(cut, count));
          const holders = [first, second].filter((mine) => holdsGuild(String(id), mine, count));
          expect(holders).toHaveLength(1);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe("GIVEN two processes each running two of four shards against one gateway", () => {
  const hotline = loadHotline();
  let fake: FakeDiscord;
  let first: DiscordBot;
  let second: DiscordBot;
  let firstIdentifies: unknown[];
  let secondIdentifies: unknown[];

  /** One "machine": a real client with `DISCORD_SHARDS=shards` of 4. */
  const machine = (shards: string) =>
    startDiscord({
      hotline,
      config: loadConfig({ ...discordEnv(fake), DISCORD_SHARDS: shards, DISCORD_SHARD_COUNT: "4" }),
      logger: createLogger("silent"),
    });

  beforeAll(async () => {
    // max_concurrency 4: discord.js would otherwise wait 5 s between its two identifies.
    fake = await FakeDiscord.start({ maxConcurrency: 4 });
    first = await machine("0,1");
    firstIdentifies = fake.identifies.map((d) => d.shard);
    second = await machine("2,3");
    secondIdentifies = fake.identifies.slice(firstIdentifies.length).map((d) => d.shard);
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await fake?.stop();
  });

  test("THEN each identifies only its own shards, out of four", () => {
    expect([...firstIdentifies].sort()).toEqual([
      [0, 4],
      [1, 4],
    ]);
    expect([...secondIdentifies].sort()).toEqual([
      [2, 4],
      [3, 4],
    ]);
  });

  test("THEN the server on shard 0 is in the first process's cache only, and only the first owns its posts", () => {
    expect(guildShard(fake.guildId, 4)).toBe(0);
    expect(first.client.guilds.cache.has(fake.guildId)).toBe(true);
    expect(second.client.guilds.cache.has(fake.guildId)).toBe(false);
    const channel: ChannelRef = {
      platform: "discord",
      workspaceId: fake.guildId,
      channelId: fake.channelId,
    };
    expect(first.sender.owns(channel)).toBe(true);
    expect(second.sender.owns(channel)).toBe(false);
  });

  test("THEN owns() splits servers by shard: 0 and 1 to the first process, 2 and 3 to the second, each exactly once", () => {
    for (let shard = 0; shard < 4; shard++) {
      for (let salt = 0n; salt < 25n; salt++) {
        const channel: ChannelRef = {
          platform: "discord",
          workspaceId: guildOnShard(shard, 4, salt),
          channelId: "300000000000000001",
        };
        expect([first.sender.owns(channel), second.sender.owns(channel)]).toEqual(
          shard < 2 ? [true, false] : [false, true],
        );
      }
    }
  });
});
