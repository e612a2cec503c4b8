/**
 * Shared set-up for the Slack adapter tests: a log capture, subscription services (the real
 * SQLite store in memory for the Slack tests; a small in-memory one for the console), and builders for the request bodies Slack sends (slash commands, events, button clicks).
 */
import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import type { Logger } from "pino";
import { loadConfig } from "../../../src/config.js";
import { createLogger } from "../../../src/log.js";
import { openSqliteStore } from "../../../src/schedule/sqlite-store.js";
import type { StoredSubscription } from "../../../src/schedule/store.js";
import { createSubscriptionService } from "../../../src/schedule/subscriptions.js";
import type {
  ChannelRef,
  SubscribeRequest,
  Subscription,
  SubscriptionService,
} from "../../../src/schedule/types.js";
import { FAKE_BOT } from "../../fakes/slack.js";

export type LogRecord = Record<string, unknown> & { msg?: string; level: number };

/** A pino logger whose JSON lines are kept, with a way to wait for a particular line. */
export function captureLogs(): {
  logger: Logger;
  records: LogRecord[];
  /** Resolves with the first record matching `predicate`, among records from index `since` on. */
  waitFor(predicate: (record: LogRecord) => boolean, since?: number): Promise<LogRecord>;
} {
  const records: LogRecord[] = [];
  const events = new EventEmitter();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line.trim() === "") continue;
        const record = JSON.parse(line) as LogRecord;
        records.push(record);
        events.emit("log", record);
      }
      callback();
    },
  });
  return {
    logger: createLogger("debug", stream),
    records,
    waitFor(predicate, since = 0) {
      const found = records.slice(since).find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => {
        const listener = (record: LogRecord) => {
          if (!predicate(record)) return;
          events.off("log", listener);
          resolve(record);
        };
        events.on("log", listener);
      });
    },
  };
}

/** The real subscription service over the real SQLite store, in memory (nothing on disk). */
export interface SqliteSubscriptions {
  service: SubscriptionService;
  /** The active subscriptions, as the scheduler would read them. */
  active(): Promise<StoredSubscription[]>;
  close(): Promise<void>;
}

/** Opens {@link SqliteSubscriptions} with `now` as the service's clock. */
export async function sqliteSubscriptions(now: () => Date): Promise<SqliteSubscriptions> {
  const store = openSqliteStore({ path: ":memory:" });
  const service = await createSubscriptionService({
    store,
    config: loadConfig({ HOTLINE_TIMEZONE: "UTC" }),
    clock: now,
  });
  return { service, active: () => store.listSubscriptions(), close: () => store.close() };
}

/** A tiny in-memory SubscriptionService: the real SQLite one is tested on its own. */
export class MemorySubscriptions implements SubscriptionService {
  readonly subscriptions: Subscription[] = [];
  readonly requests: SubscribeRequest[] = [];

  async subscribe(request: SubscribeRequest) {
    this.requests.push(request);
    const existing = this.subscriptions.find((s) => same(s, request));
    if (existing) return { ok: true as const, created: false, subscription: existing };
    const subscription: Subscription = {
      platform: request.platform,
      workspaceId: request.workspaceId,
      channelId: request.channelId,
      id: this.subscriptions.length + 1,
      time: request.time ?? "09:00",
      timezone: request.timezone ?? "UTC",
    };
    this.subscriptions.push(subscription);
    return { ok: true as const, created: true, subscription };
  }

  async unsubscribe(channel: ChannelRef) {
    const index = this.subscriptions.findIndex((s) => same(s, channel));
    if (index >= 0) this.subscriptions.splice(index, 1);
    return { removed: index >= 0 };
  }
}

function same(a: ChannelRef, b: ChannelRef): boolean {
  return (
    a.platform === b.platform && a.workspaceId === b.workspaceId && a.channelId === b.channelId
  );
}

/** The form body Slack posts for `/hotline <text>`. */
export function slashBody(
  text: string,
  user: string,
  responseUrl: string,
  channel = "C0001",
): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: FAKE_BOT.teamId,
    team_domain: "fake",
    channel_id: channel,
    channel_name: "general",
    user_id: user,
    user_name: user.toLowerCase(),
    command: "/hotline",
    text,
    api_app_id: "A0001",
    response_url: responseUrl,
    trigger_id: "1.2.3",
  }).toString();
}

let eventCounter = 0;

/** An `event_callback` envelope around `event`, with a fresh or given `event_id`. */
export function eventBody(
  event: Record<string, unknown>,
  eventId?: string,
): Record<string, unknown> {
  eventCounter += 1;
  return {
    token: "legacy-verification-token",
    team_id: FAKE_BOT.teamId,
    api_app_id: "A0001",
    type: "event_callback",
    event_id: eventId ?? `Ev${String(eventCounter).padStart(6, "0")}`,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: FAKE_BOT.teamId, user_id: FAKE_BOT.userId, is_bot: true }],
    event: { event_ts: event.ts, ...event },
  };
}

/** An `app_mention` event from `user` saying `<@bot> text`. */
export function mention(
  text: string,
  user: string,
  ts: string,
  threadTs?: string,
): Record<string, unknown> {
  return {
    type: "app_mention",
    user,
    team: FAKE_BOT.teamId,
    channel: "C0001",
    text: `<@${FAKE_BOT.userId}> ${text}`,
    ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
}

/** The form body of a `block_actions` click on a button. */
export function buttonBody(
  actionId: string,
  value: string,
  user: string,
  responseUrl: string,
): string {
  const payload = {
    type: "block_actions",
    api_app_id: "A0001",
    token: "legacy-verification-token",
    team: { id: FAKE_BOT.teamId, domain: "fake" },
    user: { id: user, username: user.toLowerCase(), team_id: FAKE_BOT.teamId },
    channel: { id: "C0001", name: "general" },
    container: {
      type: "message",
      message_ts: "1700000000.000100",
      channel_id: "C0001",
      is_ephemeral: true,
    },
    trigger_id: "1.2.3",
    response_url: responseUrl,
    actions: [
      {
        type: "button",
        action_id: actionId,
        block_id: actionId,
        value,
        text: { type: "plain_text", text: "Share with channel" },
        action_ts: "1700000001.000000",
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
