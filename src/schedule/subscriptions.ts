/**
 * The {@link SubscriptionService} behind `/hotline subscribe` and `/hotline unsubscribe`, and the
 * `ONTHISDAY_CHANNELS` parser. Validation lives here (times, timezones); storage lives in the
 * {@link ScheduleStore}. Bad admin input is a returned `{ ok: false, message }`; a bad
 * configuration string is a thrown `config_invalid` HotlineError, so the bot refuses to start.
 */
import type { Config } from "../config.js";
import { HotlineError } from "../errors.js";
import { normaliseTime, normaliseTimezone } from "./local-time.js";
import { channelKey, type ScheduleStore, type StoredSubscription } from "./store.js";
import type {
  ChannelRef,
  Platform,
  SubscribeOutcome,
  SubscribeRequest,
  Subscription,
  SubscriptionService,
} from "./types.js";

/** One entry of `ONTHISDAY_CHANNELS`, validated and with defaults applied. */
export interface ConfiguredChannel extends ChannelRef {
  time: string;
  timezone: string;
}

/** Defaults applied when an admin or a configuration entry gives no time or timezone. */
export interface SubscriptionDefaults {
  /** `HH:MM`; config `ONTHISDAY_TIME`, default 09:00. */
  time: string;
  /** IANA name; config `HOTLINE_TIMEZONE`, default UTC. */
  timezone: string;
}

const PLATFORMS: readonly Platform[] = ["discord", "slack", "console"];
const ENTRY = /^([a-z]+):([^\s/@]+)\/([^\s/@]+)(?:@(\S+))?(?:\s+(\S+))?$/i;

/**
 * Parses `ONTHISDAY_CHANNELS`: entries separated by commas, semicolons or newlines, each
 * `platform:WORKSPACE/CHANNEL[@HH:MM][ TIMEZONE]`, e.g.
 * `discord:123456789/987654321@09:00 Europe/London, slack:T0123/C0456`. Platform is `discord`
 * (guild id / channel id), `slack` (team id / channel id) or `console` (`local/NAME`). Missing
 * time or timezone take `defaults`. Empty or undefined input gives no entries.
 *
 * Throws a `config_invalid` HotlineError naming the entry for a malformed entry, an unknown
 * platform, a bad time or timezone, or the same channel listed twice.
 */
export function parseConfiguredChannels(
  text: string | undefined,
  defaults: SubscriptionDefaults,
): ConfiguredChannel[] {
  const entries: ConfiguredChannel[] = [];
  const seen = new Set<string>();
  const pieces = (text ?? "")
    .split(/[,;\n]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== "");
  for (const piece of pieces) {
    const fail = (problem: string): never => {
      throw new HotlineError(
        "config_invalid",
        `schedule: ONTHISDAY_CHANNELS entry "${piece}" ${problem}; expected platform:WORKSPACE/CHANNEL[@HH:MM][ TIMEZONE], e.g. discord:123/456@09:00 Europe/London`,
      );
    };
    const match = ENTRY.exec(piece);
    if (!match) fail("is malformed");
    const [, platformText = "", workspaceId = "", channelId = "", timeText, zoneText] =
      match as RegExpExecArray;
    const platform = platformText.toLowerCase() as Platform;
    if (!PLATFORMS.includes(platform)) fail(`names unknown platform "${platformText}"`);
    const time = timeText === undefined ? defaults.time : normaliseTime(timeText);
    if (time === null) fail(`has time "${timeText}", which is not HH:MM, 24-hour`);
    const timezone = zoneText === undefined ? defaults.timezone : normaliseTimezone(zoneText);
    if (timezone === null) fail(`has unknown timezone "${zoneText}"`);
    const entry = {
      platform,
      workspaceId,
      channelId,
      time: time as string,
      timezone: timezone as string,
    };
    if (seen.has(channelKey(entry))) fail("repeats a channel listed earlier");
    seen.add(channelKey(entry));
    entries.push(entry);
  }
  return entries;
}

/** Options of {@link createSubscriptionService}. */
export interface SubscriptionServiceOptions {
  store: ScheduleStore;
  /** Defaults and `ONTHISDAY_CHANNELS`, from the parsed {@link Config}. */
  config: Pick<Config, "onThisDayTime" | "timezone" | "onThisDayChannels">;
  /** The current time (for the audit columns and "active since"); default `() => new Date()`. */
  clock?: () => Date;
}

/** The service the command runner uses, plus a listing for the scheduler and the CLI. */
export interface ScheduleSubscriptions extends SubscriptionService {
  /** Every active subscription (stored and configured), in id order. */
  list(): Promise<StoredSubscription[]>;
}

/**
 * Creates the subscription service and writes the configured channels (`ONTHISDAY_CHANNELS`)
 * into the store, so every subscription has a stable id for post claims. Configured channels
 * win over an admin's earlier subscription of the same channel; channels removed from the
 * configuration stop getting posts. Rejects like {@link parseConfiguredChannels} on bad config,
 * and with the store's `store_failed` error when the configured channels cannot be written.
 *
 * Message contract (the runner words the replies):
 * - subscribe on a new (or unsubscribed) channel: `{ ok: true, created: true }`.
 * - subscribe again: `{ ok: true, created: false }`; a time or timezone the admin gave replaces
 *   the stored one and the returned subscription shows the values now in force.
 * - subscribe with a bad time or timezone: `{ ok: false, message }` quoting the bad value.
 * - a configured channel cannot be changed by command: a different time or timezone gives
 *   `{ ok: false, message }` pointing at `ONTHISDAY_CHANNELS`; `unsubscribe` gives
 *   `{ removed: false }` (edit the configuration instead).
 */
export async function createSubscriptionService(
  options: SubscriptionServiceOptions,
): Promise<ScheduleSubscriptions> {
  const { store, config } = options;
  const clock = options.clock ?? (() => new Date());
  const defaults: SubscriptionDefaults = { time: config.onThisDayTime, timezone: config.timezone };
  const configured = parseConfiguredChannels(config.onThisDayChannels, defaults);
  const now = clock();
  for (const entry of configured) {
    await store.saveSubscription({ ...entry, source: "config", requestedBy: null }, now);
  }
  await store.pruneConfigSubscriptions(configured, now);

  return {
    async subscribe(request: SubscribeRequest): Promise<SubscribeOutcome> {
      const time = request.time === undefined ? undefined : normaliseTime(request.time);
      if (time === null) {
        return {
          ok: false,
          message: `"${request.time}" is not a time of day. Use HH:MM, 24-hour, e.g. 09:00 or 17:30.`,
        };
      }
      const timezone =
        request.timezone === undefined ? undefined : normaliseTimezone(request.timezone);
      if (timezone === null) {
        return {
          ok: false,
          message: `"${request.timezone}" is not a timezone I know. Use an IANA name such as Europe/London or America/New_York.`,
        };
      }
      const existing = await store.findSubscription(request);
      if (existing?.source === "config") {
        const differs =
          (time !== undefined && time !== existing.time) ||
          (timezone !== undefined && timezone !== existing.timezone);
        if (differs) {
          return {
            ok: false,
            message: `This channel's posts are set in the bot's configuration (ONTHISDAY_CHANNELS) at ${existing.time} (${existing.timezone}); change them there.`,
          };
        }
        return { ok: true, created: false, subscription: plain(existing) };
      }
      const saved = await store.saveSubscription(
        {
          platform: request.platform,
          workspaceId: request.workspaceId,
          channelId: request.channelId,
          // Re-subscribing without a time keeps the stored one rather than resetting it.
          time: time ?? existing?.time ?? defaults.time,
          timezone: timezone ?? existing?.timezone ?? defaults.timezone,
          source: "command",
          requestedBy: request.requestedBy,
        },
        clock(),
      );
      return { ok: true, created: saved.created, subscription: plain(saved.subscription) };
    },

    async unsubscribe(channel: ChannelRef): Promise<{ removed: boolean }> {
      return { removed: await store.deactivateSubscription(channel, "command", clock()) };
    },

    list(): Promise<StoredSubscription[]> {
      return store.listSubscriptions();
    },
  };
}

/** The shared-contract shape, without the store's bookkeeping fields. */
function plain(subscription: StoredSubscription): Subscription {
  const { id, platform, workspaceId, channelId, time, timezone } = subscription;
  return { id, platform, workspaceId, channelId, time, timezone };
}
