/**
 * The Slack adapter: a Bolt app (`receiver.ts`) that serves `/hotline` and its share button
 * (`slash.ts`) and @-mentions (`mention.ts`) through the shared request skeleton, and a
 * {@link PostSender} for the on-this-day scheduler (`sender.ts`). Everything a user sees is
 * rendered by `render.ts`; every command runs through `runCommand`.
 */

import type { App, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { HandlerDeps, RequestObserver } from "../../src/commands/handle.js";
import { createRateLimiter, type RateGate } from "../../src/commands/rate-limit.js";
import type { Config } from "../../src/config.js";
import { describeError, HotlineError } from "../../src/errors.js";
import type { Hotline } from "../../src/hotline-api.js";
import type { PostSender, SubscriptionService } from "../../src/schedule/types.js";
import { createSlackContext, type SlackUser } from "./context.js";
import { registerMentions } from "./mention.js";
import { createSlackApp, listen, type SlackTransportOptions } from "./receiver.js";
import { MemorySeenKeys } from "./recent-keys.js";
import type { SeenKeys } from "./seen-keys.js";
import { createSlackSender } from "./sender.js";
import { registerSlashCommand } from "./slash.js";

export type { SlackUser } from "./context.js";

/** Options for {@link startSlack}. */
export interface StartSlackOptions {
  /** The loaded corpus. */
  hotline: Hotline;
  /** Parsed configuration; `config.slack` must be present (else a `config_invalid` error). */
  config: Config;
  logger: Logger;
  /** Enables `/hotline subscribe`; without it subscribe answers that posts are not enabled. */
  subscriptions?: SubscriptionService | undefined;
  /** Clock for "today" (in `config.timezone`) and for duplicate expiry. Default: the real clock. */
  now?: (() => Date) | undefined;
  /**
   * Decides who may run admin commands. Default: ids in `config.slack.adminUserIds`, then
   * workspace admins and owners according to `users.info` (a failed lookup means "no").
   */
  isAdmin?: ((user: SlackUser) => boolean | Promise<boolean>) | undefined;
  /** HTTP mode: address to bind. Default: all interfaces. Tests use `127.0.0.1`. */
  host?: string | undefined;
  /**
   * Retry policy of the Web API client. Default: five retries within five minutes (Bolt's own
   * default waits up to thirty minutes, which is no use to someone waiting for an answer).
   * Tests pass `{ retries: 0 }` so a failing fake API fails at once.
   */
  retryConfig?: webApi.RetryOptions | undefined;
  /**
   * What this process has seen: Slack event ids and message keys (redeliveries, kept `dedupe.ttlMs`)
   * and request signatures (replays, kept ten minutes). Default: a {@link MemorySeenKeys} of
   * `dedupe.maxEntries` keys (50,000) on the `now` clock. Several processes behind one load
   * balancer need one shared implementation.
   */
  seenKeys?: SeenKeys | undefined;
  /** Default memory size (50,000 keys) and how long an event is remembered (default 1 hour). */
  dedupe?: { maxEntries?: number; ttlMs?: number } | undefined;
  /** HTTP mode: largest body of `POST /slack/events`. Default 64 KiB (`SLACK_BODY_LIMIT_BYTES`). */
  bodyLimitBytes?: number | undefined;
  /**
   * Limits slash commands and mentions per user and per channel (button clicks are not
   * limited: they only share an answer already given). Default: a sliding window built from
   * `config.rateLimit` (6 per user and 20 per channel per minute unless configured).
   */
  rateLimiter?: RateGate | undefined;
  /**
   * Milliseconds before a Web API request is abandoned (and retried under `retryConfig`).
   * Default 10_000; the WebClient's own default is to wait forever.
   */
  apiTimeoutMs?: number | undefined;
  /** Told the outcome of every command and mention (metrics); default: nobody. */
  observe?: RequestObserver | undefined;
  /** HTTP mode: extra routes next to `/slack/events` (see {@link SlackTransportOptions.routes}). */
  routes?: SlackTransportOptions["routes"];
}

/** A running Slack adapter. */
export interface SlackHandle {
  app: App;
  /** Posts on-this-day digests for the scheduler. */
  sender: PostSender;
  /** HTTP mode: the port actually bound (useful with port 0). Undefined in Socket Mode. */
  port?: number | undefined;
  /** Stops receiving (closes the HTTP server or the socket). */
  stop(): Promise<void>;
}

/**
 * Starts the Slack adapter. Verifies the bot token with `auth.test` before listening, so a bad
 * token fails here rather than on the first message. Throws a `config_invalid` HotlineError when
 * `config.slack` is missing. In HTTP mode it listens on `config.slack.port` (0 = any free port).
 */
export async function startSlack(options: StartSlackOptions): Promise<SlackHandle> {
  const slack = options.config.slack;
  if (!slack) {
    throw new HotlineError("config_invalid", "slack: config.slack is missing; set SLACK_BOT_TOKEN");
  }
  const log = options.logger.child({ module: "slack" });
  const now = options.now ?? (() => new Date());
  const seenKeys =
    options.seenKeys ??
    new MemorySeenKeys({
      maxEntries: options.dedupe?.maxEntries,
      now: () => now().getTime(),
    });
  const transport = createSlackApp(slack, log, { ...options, seenKeys });
  const { app } = transport;
  const deps: HandlerDeps = {
    hotline: options.hotline,
    log,
    observe: options.observe,
    limiter:
      options.rateLimiter ??
      createRateLimiter({ ...options.config.rateLimit, now: () => now().getTime() }),
  };
  const context = createSlackContext({
    app,
    config: options.config,
    log,
    now,
    subscriptions: options.subscriptions,
    isAdmin: options.isAdmin,
  });
  registerSlashCommand(app, deps, context);
  registerMentions(app, deps, context, {
    seen: seenKeys,
    ttlMs: options.dedupe?.ttlMs ?? 60 * 60 * 1000,
  });
  app.error(async (error) => {
    log.error({ err: describeError(error) }, "slack: unhandled error in a listener");
  });

  const port = await listen(transport, slack, log, options.host);
  let stopped = false;
  return {
    app,
    sender: createSlackSender(app.client),
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await app.stop();
    },
  };
}
