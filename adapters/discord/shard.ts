/**
 * Runs the Discord adapter under discord.js's `ShardingManager` (one child process per group of
 * shards), which Discord requires beyond 2,500 servers.
 *
 * How the main command uses it: when `config.discord.shards` is set, the parent process calls
 * {@link startShards} with its own script and arguments that make each child start only the
 * Discord adapter, e.g. `script: "bin/hotline.js"`, `args: ["start", "--discord-shard"]`. Each
 * child loads the same configuration, calls `startDiscord` (discord.js reads the shard ids the
 * manager put in the child's environment) and runs its own on-this-day scheduler with that
 * shard's `sender`: `sender.owns(channel)` is true only for servers on the child's shard
 * (`(guildId >> 22) % totalShards`, see `guild-shard.ts`), so each scheduled post is sent once,
 * by the shard that holds the server. (To split shards across machines without a manager, see
 * `DISCORD_SHARDS` with `DISCORD_SHARD_COUNT`: one client runs a fixed list of shards.) The parent must not
 * start the Discord adapter itself, and must not start sharding again in the children (hence
 * the flag: the children inherit `DISCORD_SHARDS`).
 */
import { REST, Routes, ShardingManager } from "discord.js";
import type { Logger } from "pino";
import type { Config } from "../../src/config.js";
import { describeError, HotlineError } from "../../src/errors.js";

/** What {@link startShards} needs. */
export interface ShardOptions {
  /** The script each child runs (an absolute path or one relative to the working directory). */
  script: string;
  /** Command-line arguments for each child (e.g. `["start", "--discord-shard"]`). */
  args?: string[];
  /** Must have `discord.shards` set (a number, or "auto" for Discord's recommendation). */
  config: Config;
  logger: Logger;
  /**
   * Pause between starting shards, in ms. Default 5500 (discord.js's default), which keeps
   * gateway logins within Discord's one-identify-per-5-seconds limit; tests against a local
   * fake may pass 0.
   */
  spawnDelayMs?: number;
}

/** Running shards. */
export interface Shards {
  manager: ShardingManager;
  /** The number of shards started. */
  totalShards: number;
  /** Kills every child process. */
  stop(): Promise<void>;
}

/**
 * Spawns all shards and resolves once each child's client is ready. First asks `GET /gateway/bot`
 * of `config.discord.apiUrl` when set (discord.js's own lookup always asks discord.com), which
 * checks the token; with `shards: "auto"` the count is its recommendation. Throws a
 * `platform_failed` HotlineError (the cause attached) when Discord is not configured, sharding
 * is not requested, the token is refused, or a shard fails to start (every shard is then killed).
 */
export async function startShards(options: ShardOptions): Promise<Shards> {
  const discord = options.config.discord;
  if (!discord?.shards) {
    throw new HotlineError(
      "platform_failed",
      "discord: startShards needs DISCORD_TOKEN and DISCORD_SHARDS",
    );
  }
  const log = options.logger.child({ platform: "discord" });
  // Asked whatever the mode: it checks the token here, once, so a refused token stops the parent
  // with one clear error instead of every child failing its login.
  let recommended: number;
  const rest = new REST({
    timeout: discord.restTimeoutMs,
    ...(discord.apiUrl ? { api: discord.apiUrl } : {}),
  }).setToken(discord.token);
  try {
    const gateway = (await rest.get(Routes.gatewayBot())) as { shards: number };
    recommended = Math.max(1, gateway.shards);
  } catch (error) {
    throw new HotlineError("platform_failed", "discord: GET /gateway/bot failed", {
      cause: error,
    });
  }
  const totalShards = discord.shards === "auto" ? recommended : discord.shards;

  const manager = new ShardingManager(options.script, {
    token: discord.token,
    totalShards,
    shardArgs: options.args ?? [],
    mode: "process",
    respawn: true,
  });
  manager.on("shardCreate", (shard) => {
    log.info({ shardId: shard.id, totalShards }, "discord: shard launched");
    shard.on("death", () => log.warn({ shardId: shard.id }, "discord: shard process exited"));
    // A failed respawn is emitted as 'error'; without a listener it would crash the parent.
    shard.on("error", (error) =>
      log.error({ shardId: shard.id, err: describeError(error) }, "discord: shard error"),
    );
  });
  try {
    await manager.spawn({ amount: totalShards, delay: options.spawnDelayMs ?? 5500 });
  } catch (error) {
    // A shard that died is being respawned (respawn: true); kill it and the others, or they
    // would outlive the failed start.
    for (const shard of manager.shards.values()) shard.kill();
    throw new HotlineError("platform_failed", `discord: spawning ${totalShards} shards failed`, {
      cause: error,
    });
  }
  return {
    manager,
    totalShards,
    async stop() {
      for (const shard of manager.shards.values()) shard.kill();
    },
  };
}
