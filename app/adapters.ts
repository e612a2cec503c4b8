/**
 * The platform adapters the composition root can run, behind one small interface (like Bolt's
 * `Receiver`): `start`, `stop`, and a sender for scheduled posts. Platform libraries are
 * imported only when their platform is configured, so the other commands start fast.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import type { SeenKeys } from "../adapters/slack/seen-keys.js";
import type { RequestObserver } from "../src/commands/handle.js";
import type { RateGate } from "../src/commands/rate-limit.js";
import type { Config } from "../src/config.js";
import type { Hotline } from "../src/hotline-api.js";
import type { PostSender, SubscriptionService } from "../src/schedule/types.js";
import type { HttpRoute } from "./metrics-server.js";
import { type StartupPlatform, startPlatform } from "./startup.js";

/** One running platform as the composition root sees it. */
export interface PlatformAdapter {
  /** For logs: "discord", "discord-shards", "slack". */
  readonly name: string;
  /** Connects and starts taking events; rejects (with a HotlineError) when it cannot. */
  start(): Promise<void>;
  /** Stops taking events; safe to call twice and before `start` finished. */
  stop(): Promise<void>;
  /**
   * Delivers this platform's scheduled posts once started; undefined for adapters that post
   * nothing themselves (the shard manager: each shard process posts for its own guilds).
   */
  sender(): PostSender | undefined;
}

/** What every adapter is built from. */
export interface AdapterDeps {
  config: Config;
  hotline: Hotline;
  logger: Logger;
  subscriptions: SubscriptionService;
  /** Told the outcome of every request (the metrics); default: nobody. */
  observe?: RequestObserver | undefined;
  /** Slack HTTP mode: routes served next to `/slack/events` (`/metrics`, `/healthz`). Default none. */
  routes?: HttpRoute[] | undefined;
  /** Slack's dedupe and replay memory; default the adapter's own in-memory one. */
  seenKeys?: SeenKeys | undefined;
  /** Per-user and per-channel limits; default the adapter's own in-memory sliding window. */
  rateLimiter?: RateGate | undefined;
}

/** Builds an adapter (not yet started). */
export type AdapterFactory = (deps: AdapterDeps) => PlatformAdapter;

/**
 * Wraps a platform's start function and its running handle as a {@link PlatformAdapter}. Start
 * waits for an unreachable API and explains failures in one line (`startup.ts`).
 */
function adapter<H extends { stop(): Promise<void>; sender?: PostSender }>(
  name: string,
  platform: StartupPlatform,
  deps: Pick<AdapterDeps, "config" | "logger">,
  begin: () => Promise<H>,
): PlatformAdapter {
  let handle: H | undefined;
  return {
    name,
    async start() {
      handle = await startPlatform({ platform, config: deps.config, logger: deps.logger, begin });
    },
    async stop() {
      await handle?.stop();
    },
    sender: () => handle?.sender,
  };
}

/** The Discord gateway client of this process. */
export const discordAdapter: AdapterFactory = (deps) =>
  adapter("discord", "discord", deps, async () =>
    (await import("../adapters/discord/bot.js")).startDiscord(deps),
  );

/** Discord's ShardingManager: runs `hotline start --discord-shard` children, one per shard. */
export const discordShardsAdapter: AdapterFactory = ({ config, logger }) =>
  adapter("discord-shards", "discord", { config, logger }, async () => {
    const { startShards } = await import("../adapters/discord/shard.js");
    const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
    return startShards({
      script: join(root, "bin", "hotline.js"),
      args: ["start", "--discord-shard"],
      config,
      logger,
    });
  });

/** The Slack app (Socket Mode or HTTP). */
export const slackAdapter: AdapterFactory = (deps) =>
  adapter("slack", "slack", deps, async () =>
    (await import("../adapters/slack/app.js")).startSlack(deps),
  );

/**
 * The adapters `config` enables: Discord (sharded by a manager unless this process is a shard)
 * and Slack (never in a shard child: the parent serves it).
 */
export function enabledAdapters(config: Config, discordShard: boolean): AdapterFactory[] {
  const factories: AdapterFactory[] = [];
  if (config.discord) {
    factories.push(config.discord.shards && !discordShard ? discordShardsAdapter : discordAdapter);
  }
  if (config.slack && !discordShard) factories.push(slackAdapter);
  return factories;
}
