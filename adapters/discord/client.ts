/**
 * The discord.js client the adapter runs on: its intents, REST settings and error listeners,
 * and the login that waits for the gateway's ready event. Kept apart from the command handlers
 * so connection behaviour (timeouts, retries, sharding) is changed in one place.
 */

import { once } from "node:events";
import { Client, type ClientOptions, Events, GatewayIntentBits } from "discord.js";
import type { Logger } from "pino";
import type { Config } from "../../src/config.js";
import { describeError, HotlineError } from "../../src/errors.js";

/**
 * REST retries: discord.js retries a timed-out request (after `DISCORD_REST_TIMEOUT_MS`, see
 * `discord.restTimeoutMs`) and 5xx answers this many times, and waits out 429s by their
 * `retry-after`, so a stuck connection cannot hold an answer forever: a request that keeps
 * hanging fails after (1 + REST_RETRIES) × the timeout, and the handler logs the failure.
 */
const REST_RETRIES = 3;

/**
 * A client with only the Guilds and GuildMessages intents (a message that mentions the bot
 * carries its content without the privileged Message Content intent) and no pings allowed.
 * With `discord.apiUrl` the REST client uses that base address and the gateway address comes
 * from its `GET /gateway/bot`. REST requests time out after `discord.restTimeoutMs`. With
 * `discord.fixedShards` the client runs only those shard ids of the total (shards split across
 * machines); otherwise discord.js decides (one shard, or the ids a ShardingManager put in the
 * environment). `extra` is merged under the adapter's own options (tests only).
 * Client and shard errors are logged: an 'error' event without a listener would crash the
 * process, and the bot must stay up.
 */
export function createDiscordClient(
  discord: NonNullable<Config["discord"]>,
  log: Logger,
  extra?: Partial<ClientOptions>,
): Client {
  const client = new Client({
    ...extra,
    ...(discord.fixedShards
      ? { shards: discord.fixedShards.ids, shardCount: discord.fixedShards.count }
      : {}),
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    // Defence in depth: the reply helper sets this on every message too.
    allowedMentions: { parse: [], repliedUser: false },
    rest: {
      retries: REST_RETRIES,
      ...extra?.rest,
      // After `extra`: the timeout comes from configuration only, so tests exercise the real path.
      timeout: discord.restTimeoutMs,
      ...(discord.apiUrl ? { api: discord.apiUrl } : {}),
    },
  });
  client.on(Events.Error, (error) => log.error({ err: error }, "discord: client error"));
  client.on(Events.ShardError, (error, shardId) =>
    log.error({ err: error, shardId }, "discord: shard error"),
  );
  return client;
}

/**
 * Logs in and resolves once the client is ready (its user and guild cache are filled). Under
 * discord.js's `ShardingManager` the client picks its shard from the environment the manager
 * sets. On failure the client is destroyed and a `platform_failed` HotlineError is thrown.
 */
export async function connectDiscord(client: Client, token: string): Promise<Client<true>> {
  const ready = once(client, Events.ClientReady);
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw new HotlineError(
      "platform_failed",
      `discord: login failed: ${describeError(error).message}`,
      { cause: error },
    );
  }
  if (!client.isReady()) {
    throw new HotlineError("platform_failed", "discord: the client reported ready but is not");
  }
  return client;
}
