/**
 * The Slack adapter: a Bolt app that serves `/hotline` and @-mentions, and a {@link PostSender}
 * for the on-this-day scheduler. Socket Mode when an app-level token is configured, otherwise
 * HTTP mode (`POST /slack/events` for commands, events and buttons, `GET /healthz`).
 * Everything a user sees is rendered by `render.ts`; every command runs through `runCommand`.
 */

import type { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { parseCommandText } from "../../src/commands/parse.js";
import {
  createRateLimiter,
  type RateDecision,
  type RateLimiter,
  rateLimitMessage,
} from "../../src/commands/rate-limit.js";
import { type CommandResult, type Invocation, runCommand } from "../../src/commands/run.js";
import { findSubcommand } from "../../src/commands/spec.js";
import type { Config } from "../../src/config.js";
import { describeError, HotlineError } from "../../src/errors.js";
import type { Hotline } from "../../src/hotline-api.js";
import { localDateTime } from "../../src/schedule/local-time.js";
import type { ChannelRef, PostSender, SubscriptionService } from "../../src/schedule/types.js";
import { plainTextFromSlack } from "./incoming.js";
import {
  escapeSlack,
  fitResponseUrl,
  renderResult,
  SHARE_ACTION_ID,
  type SlackMessage,
} from "./render.js";
import { createSlackSender } from "./sender.js";

/** Who is asking: enough to decide admin rights. */
export interface SlackUser {
  userId: string;
  teamId: string;
}

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
  /** Duplicate-delivery memory: at most `maxEntries` keys, each kept `ttlMs`. Default 10,000 and 1 hour. */
  dedupe?: { maxEntries?: number; ttlMs?: number } | undefined;
  /**
   * Limits slash commands and mentions per user and per channel (button clicks are not
   * limited: they only share an answer already given). Default: a sliding window built from
   * `config.rateLimit` (6 per user and 20 per channel per minute unless configured).
   */
  rateLimiter?: RateLimiter | undefined;
  /**
   * Milliseconds before a Web API request is abandoned (and retried under `retryConfig`).
   * Default 10_000; the WebClient's own default is to wait forever.
   */
  apiTimeoutMs?: number | undefined;
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
 * Remembers keys for a while, to drop redelivered events. Bounded: the oldest key goes first
 * when full, and keys expire after `ttlMs` (Slack retries within minutes, so an hour is ample).
 */
export class RecentKeys {
  private readonly keys = new Map<string, number>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** True when `key` was seen within the expiry; otherwise records it and returns false. */
  seen(key: string): boolean {
    const time = this.now();
    const at = this.keys.get(key);
    if (at !== undefined && time - at < this.ttlMs) return true;
    this.keys.delete(key);
    this.keys.set(key, time);
    // Map iteration is insertion order, so the first keys are the oldest.
    for (const [old, oldAt] of this.keys) {
      if (this.keys.size <= this.maxEntries && time - oldAt < this.ttlMs) break;
      this.keys.delete(old);
    }
    return false;
  }
}

const SORRY = "Sorry, something went wrong while answering. It has been logged; please try again.";

/**
 * Waits for this answer's turn: at most one answer per event-loop turn. Searching is
 * synchronous, so under a burst a batch of answers computed back to back would hold up the
 * reading and acknowledging of new requests (Slack's 3-second deadline) for the whole batch;
 * one per turn lets the loop accept and acknowledge requests between answers.
 */
function createAnswerTurns(): () => Promise<void> {
  const waiting: (() => void)[] = [];
  const schedule = () =>
    setImmediate(() => {
      waiting.shift()?.();
      if (waiting.length > 0) schedule();
    });
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length === 1) schedule();
    });
}

/** Bolt and the WebClient log through pino; their debug output (raw bodies) goes to trace. */
function boltLogger(log: Logger): BoltLogger {
  const text = (msg: unknown[]) =>
    msg.map((m) => (typeof m === "string" ? m : JSON.stringify(m))).join(" ");
  return {
    debug: (...msg: unknown[]) => log.trace(text(msg)),
    info: (...msg: unknown[]) => log.info(text(msg)),
    warn: (...msg: unknown[]) => log.warn(text(msg)),
    error: (...msg: unknown[]) => log.error(text(msg)),
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}

/** The invocation a "Share with channel" button carries: the command, made public. */
function shareValue(invocation: Invocation): string {
  return JSON.stringify({
    name: invocation.name,
    options: { ...invocation.options, hide: undefined },
  });
}

function parseShareValue(value: string | undefined): Invocation | undefined {
  try {
    const parsed = JSON.parse(value ?? "") as Invocation;
    if (
      typeof parsed.name !== "string" ||
      typeof parsed.options !== "object" ||
      parsed.options === null
    ) {
      return undefined;
    }
    return { name: parsed.name, options: { ...parsed.options, hide: false } };
  } catch {
    return undefined;
  }
}

/** Results worth a "Share with channel" button when shown privately. */
function shareable(result: CommandResult): boolean {
  if (result.kind === "answer") return result.reply.status !== "rejected";
  return result.kind === "timeline" || result.kind === "today" || result.kind === "sources";
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
  const answerTurn = createAnswerTurns();
  const now = options.now ?? (() => new Date());
  const recent = new RecentKeys(
    options.dedupe?.maxEntries ?? 10_000,
    options.dedupe?.ttlMs ?? 60 * 60 * 1000,
    () => now().getTime(),
  );
  const logger = boltLogger(log);
  const limiter =
    options.rateLimiter ??
    createRateLimiter({ ...options.config.rateLimit, now: () => now().getTime() });
  /** Checks the limiter; logs refusals (the silent ones at debug). */
  const limit = (user: SlackUser, channelId: string): RateDecision => {
    const decision = limiter.check({
      userId: `slack:${user.teamId}:${user.userId}`,
      channelId: `slack:${user.teamId}:${channelId}`,
    });
    if (!decision.allowed) {
      const context = { user: user.userId, channel: channelId, scope: decision.scope };
      if (decision.notify) log.info(context, "slack: rate limited; notice sent");
      else log.debug(context, "slack: rate limited; event dropped");
    }
    return decision;
  };
  const clientOptions: webApi.WebClientOptions = {
    timeout: options.apiTimeoutMs ?? 10_000,
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
  };

  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (slack.appToken) {
    app = new App({
      token: slack.botToken,
      appToken: slack.appToken,
      socketMode: true,
      logger,
      clientOptions,
      deferInitialization: true,
    });
  } else {
    if (!slack.signingSecret) {
      throw new HotlineError(
        "config_invalid",
        "slack: HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN)",
      );
    }
    receiver = new HTTPReceiver({
      signingSecret: slack.signingSecret,
      endpoints: "/slack/events",
      logger,
      // Acknowledge first, answer after: slash commands must be acked within three seconds.
      processBeforeResponse: false,
      customRoutes: [
        {
          path: "/healthz",
          method: ["GET"],
          handler: (_req, res: ServerResponse) => {
            res.writeHead(200, { "content-type": "application/json" });
            res.end('{"ok":true}');
          },
        },
      ],
    });
    app = new App({
      token: slack.botToken,
      receiver,
      logger,
      clientOptions,
      deferInitialization: true,
    });
  }

  const isAdmin = async (user: SlackUser): Promise<boolean> => {
    if (options.isAdmin) return options.isAdmin(user);
    if (slack.adminUserIds.includes(user.userId)) return true;
    try {
      const info = await app.client.users.info({ user: user.userId });
      return Boolean(info.user?.is_admin || info.user?.is_owner);
    } catch (error) {
      log.warn(
        { err: describeError(error), user: user.userId },
        "slack: users.info failed; treating user as non-admin",
      );
      return false;
    }
  };

  /** Runs an invocation for a user in a channel, checking admin rights only when the command needs them. */
  const run = async (
    invocation: Invocation,
    user: SlackUser,
    channelId: string,
  ): Promise<CommandResult> => {
    await answerTurn();
    const admin = findSubcommand(invocation.name)?.admin === true ? await isAdmin(user) : false;
    const channel: ChannelRef = { platform: "slack", workspaceId: user.teamId, channelId };
    return runCommand(options.hotline, invocation, {
      channel,
      userId: user.userId,
      isAdmin: admin,
      subscriptions: options.subscriptions,
      today: localDateTime(now(), options.config.timezone).date,
    });
  };

  const respondAll = async (
    respond: (
      message: webApi.ChatPostMessageArguments | Record<string, unknown>,
    ) => Promise<unknown>,
    messages: SlackMessage[],
    visibility: "public" | "private",
  ) => {
    for (const message of fitResponseUrl(messages, "@hotline <your question>")) {
      await respond({
        response_type: visibility === "public" ? "in_channel" : "ephemeral",
        replace_original: false,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    }
  };

  app.command("/hotline", async ({ command, ack, respond }) => {
    await ack();
    const user = { userId: command.user_id, teamId: command.team_id };
    try {
      const decision = limit(user, command.channel_id);
      if (!decision.allowed) {
        if (decision.notify) {
          await respond({
            response_type: "ephemeral",
            replace_original: false,
            text: escapeSlack(rateLimitMessage(decision)),
          });
        }
        return;
      }
      const invocation = parseCommandText(plainTextFromSlack(command.text ?? ""));
      const result = await run(invocation, user, command.channel_id);
      const share =
        result.visibility === "private" && shareable(result) ? shareValue(invocation) : undefined;
      await respondAll(respond, renderResult(result, { shareValue: share }), result.visibility);
      log.info(
        { user: user.userId, command: invocation.name, kind: result.kind },
        "slack: answered /hotline",
      );
    } catch (error) {
      log.error({ err: describeError(error), user: user.userId }, "slack: /hotline failed");
      await respond({ response_type: "ephemeral", replace_original: false, text: SORRY }).catch(
        (e: unknown) =>
          log.error({ err: describeError(e) }, "slack: could not tell the asker about the failure"),
      );
    }
  });

  app.action(SHARE_ACTION_ID, async ({ ack, action, body, respond }) => {
    await ack();
    const invocation = parseShareValue("value" in action ? action.value : undefined);
    const channelId = body.channel?.id;
    if (!invocation || !channelId) {
      log.warn(
        { action: SHARE_ACTION_ID },
        "slack: share button without a usable value or channel",
      );
      return;
    }
    const user = { userId: body.user.id, teamId: body.team?.id ?? body.user.team_id ?? "" };
    try {
      const result = await run(invocation, user, channelId);
      const messages = renderResult({ ...result, visibility: "public" });
      if (/^[UW][A-Z0-9]+$/.test(user.userId)) {
        messages[0]?.blocks.push({
          type: "context",
          elements: [{ type: "mrkdwn", text: `Shared by <@${user.userId}>` }],
        });
      }
      await respondAll(respond, messages, "public");
      // The private copy is now redundant; a failed delete only leaves it in place.
      await respond({ delete_original: true }).catch((e: unknown) =>
        log.warn(
          { err: describeError(e) },
          "slack: could not delete the private answer after sharing",
        ),
      );
    } catch (error) {
      log.error({ err: describeError(error), user: user.userId }, "slack: share failed");
      await respond({ response_type: "ephemeral", replace_original: false, text: SORRY }).catch(
        () => {},
      );
    }
  });

  interface MentionEvent {
    type: string;
    subtype?: string;
    bot_id?: string;
    edited?: unknown;
    text?: string;
    user?: string;
    team?: string;
    channel: string;
    ts: string;
    thread_ts?: string;
  }

  const handleMention = async (
    event: MentionEvent,
    meta: {
      eventId: string | undefined;
      teamId: string | undefined;
      botUserId: string | undefined;
      retryNum: unknown;
    },
  ) => {
    // Bots (ourselves included), edits, joins and every other subtype are not questions.
    if (event.bot_id || event.subtype !== undefined || event.edited !== undefined || !event.user) {
      log.debug(
        { channel: event.channel, ts: event.ts, subtype: event.subtype },
        "slack: event ignored",
      );
      return;
    }
    // Retries repeat the event id; a message with a mention can arrive as `message` and as `app_mention`.
    const byEvent = meta.eventId !== undefined && recent.seen(`event:${meta.eventId}`);
    const byMessage = recent.seen(`message:${event.channel}:${event.ts}`);
    if (byEvent || byMessage) {
      log.info(
        { eventId: meta.eventId, channel: event.channel, ts: event.ts, retryNum: meta.retryNum },
        "slack: duplicate event ignored",
      );
      return;
    }
    const user = { userId: event.user, teamId: event.team ?? meta.teamId ?? "" };
    const threadTs = event.thread_ts ?? event.ts;
    try {
      const decision = limit(user, event.channel);
      if (!decision.allowed) {
        if (decision.notify) {
          await app.client.chat.postEphemeral({
            channel: event.channel,
            user: user.userId,
            thread_ts: threadTs,
            text: escapeSlack(rateLimitMessage(decision)),
          });
        }
        return;
      }
      // Without the bot's id (never expected after init) the leading mention is still the bot's.
      const raw = meta.botUserId
        ? (event.text ?? "")
        : (event.text ?? "").replace(/^\s*<@[^>]*>/, "");
      const invocation = parseCommandText(plainTextFromSlack(raw, meta.botUserId));
      const result = await run(invocation, user, event.channel);
      for (const message of renderResult(result)) {
        const common = {
          channel: event.channel,
          thread_ts: threadTs,
          text: message.text,
          blocks: message.blocks,
        };
        if (result.visibility === "public") {
          await app.client.chat.postMessage({
            ...common,
            unfurl_links: false,
            unfurl_media: false,
          });
        } else {
          await app.client.chat.postEphemeral({ ...common, user: user.userId });
        }
      }
      log.info(
        { user: user.userId, command: invocation.name, kind: result.kind },
        "slack: answered mention",
      );
    } catch (error) {
      log.error(
        { err: describeError(error), channel: event.channel, ts: event.ts },
        "slack: mention failed",
      );
      await app.client.chat
        .postEphemeral({
          channel: event.channel,
          user: user.userId,
          thread_ts: threadTs,
          text: SORRY,
        })
        .catch((e: unknown) =>
          log.error({ err: describeError(e) }, "slack: could not tell the asker about the failure"),
        );
    }
  };

  app.event("app_mention", async ({ event, body, context }) => {
    await handleMention(event as MentionEvent, {
      eventId: body.event_id,
      teamId: body.team_id,
      botUserId: context.botUserId,
      retryNum: context.retryNum,
    });
  });

  app.message(async ({ message, body, context }) => {
    const event = message as MentionEvent;
    // Only messages that mention the bot are questions; everything else in a channel is chatter.
    if (!context.botUserId || !event.text?.includes(`<@${context.botUserId}`)) return;
    await handleMention(event, {
      eventId: body.event_id,
      teamId: body.team_id,
      botUserId: context.botUserId,
      retryNum: context.retryNum,
    });
  });

  app.error(async (error) => {
    log.error({ err: describeError(error) }, "slack: unhandled error in a listener");
  });

  await app.init();
  let port: number | undefined;
  if (receiver) {
    const server = await app.start({
      port: slack.port,
      ...(options.host ? { host: options.host } : {}),
    });
    port = (server.address() as AddressInfo).port;
    log.info({ port }, "slack: listening for HTTP requests on /slack/events");
  } else {
    await app.start();
    log.info("slack: connected in Socket Mode");
  }

  const sender = createSlackSender(app.client);

  let stopped = false;
  return {
    app,
    sender,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await app.stop();
    },
  };
}
