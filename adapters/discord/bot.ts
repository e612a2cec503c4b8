/**
 * The Discord adapter: connects a discord.js client (`client.ts`), routes `/hotline`
 * interactions (`interaction.ts`) and @-mentions (`mention.ts`) through the shared request
 * skeleton, and delivers scheduled posts (`sender.ts`). All decisions about answers,
 * permissions and visibility live in the core and `runCommand`; this file only wires events.
 */

import { type Client, type ClientOptions, Events } from "discord.js";
import type { Logger } from "pino";
import type { HandlerDeps, RequestObserver } from "../../src/commands/handle.js";
import { createRateLimiter, type RateGate } from "../../src/commands/rate-limit.js";
import { COMMAND } from "../../src/commands/spec.js";
import type { Config } from "../../src/config.js";
import { HotlineError } from "../../src/errors.js";
import type { Hotline } from "../../src/hotline-api.js";
import { localDateTime } from "../../src/schedule/local-time.js";
import type { PostSender, SubscriptionService } from "../../src/schedule/types.js";
import { connectDiscord, createDiscordClient } from "./client.js";
import { type DiscordContext, handleAutocomplete, handleCommand } from "./interaction.js";
import { handleMention } from "./mention.js";
import { createDiscordSender } from "./sender.js";

/** What {@link startDiscord} needs. */
export interface DiscordOptions {
  /** The loaded corpus. */
  hotline: Hotline;
  /** Must have a `discord` section (token, application id, optional API URL). */
  config: Config;
  logger: Logger;
  /** The subscription store; without it `/hotline subscribe` answers that posts are not enabled. */
  subscriptions?: SubscriptionService | undefined;
  /** The clock for "today" (in `config.timezone`); default `() => new Date()`. */
  now?: () => Date;
  /**
   * Extra discord.js client options merged over the adapter's (tests only; e.g. a shorter
   * `waitGuildTimeout`). Intents, REST base URL and allowed mentions are always the adapter's.
   */
  clientOptions?: Partial<ClientOptions>;
  /**
   * Limits commands and mentions per user and per channel. Default: a sliding window built from
   * `config.rateLimit` (6 per user and 20 per channel per minute unless configured).
   */
  rateLimiter?: RateGate | undefined;
  /** Told the outcome of every command and mention (metrics); default: nobody. */
  observe?: RequestObserver | undefined;
}

/** A running Discord adapter. */
export interface DiscordBot {
  /** The connected discord.js client (ready: its user and guild cache are filled). */
  client: Client<true>;
  /** Delivers on-this-day posts for the scheduler. */
  sender: PostSender;
  /** Disconnects from the gateway; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Connects to Discord and starts answering; resolves once the client is ready. Throws a
 * `platform_failed` HotlineError when `config.discord` is missing or login fails.
 */
export async function startDiscord(options: DiscordOptions): Promise<DiscordBot> {
  const { hotline, config, logger, subscriptions } = options;
  const now = options.now ?? (() => new Date());
  const discord = config.discord;
  if (!discord) {
    throw new HotlineError(
      "platform_failed",
      "discord: DISCORD_TOKEN and DISCORD_APPLICATION_ID are not set",
    );
  }
  const log = logger.child({ platform: "discord" });
  const deps: HandlerDeps = {
    hotline,
    log,
    observe: options.observe,
    limiter:
      options.rateLimiter ?? createRateLimiter({ ...config.rateLimit, now: () => now().getTime() }),
  };
  const context: DiscordContext = (workspaceId, channelId, userId, isAdmin) => ({
    channel: { platform: "discord", workspaceId, channelId },
    userId,
    isAdmin,
    subscriptions,
    today: localDateTime(now(), config.timezone).date,
  });
  const client = createDiscordClient(discord, log, options.clientOptions);
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isAutocomplete()) {
      if (interaction.commandName === COMMAND.name) void handleAutocomplete(deps, interaction);
    } else if (interaction.isChatInputCommand() && interaction.commandName === COMMAND.name) {
      void handleCommand(deps, context, interaction);
    }
  });
  client.on(Events.MessageCreate, (message) => {
    void handleMention(deps, context, client, message);
  });

  const ready = await connectDiscord(client, discord.token);
  log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, "discord: connected");

  let stopped = false;
  return {
    client: ready,
    sender: createDiscordSender(ready),
    async stop() {
      if (stopped) return;
      stopped = true;
      await ready.destroy();
    },
  };
}
