/**
 * The per-user and per-channel rate limits of `rate-limit.ts`, kept in a {@link SharedState} so
 * that several processes behind one load balancer enforce one limit between them (with
 * PostgreSQL, `DATABASE_URL`). Same options, decisions and notices as the in-memory limiter;
 * what differs is the window: a fixed window per minute (one counter row per key and window,
 * an atomic increment) instead of a sliding one, because a sliding window would need every
 * event's time in the database. At a window's edge a user may therefore get up to twice the
 * limit within a minute; never more than the limit within one window.
 */
import type { SharedState } from "../schedule/store.js";
import type { RateDecision, RateGate, RateKey } from "./rate-limit.js";

/** Options of {@link createSharedRateLimiter}. */
export interface SharedRateLimitOptions {
  /** Where the windows are counted: the PostgreSQL store, or an in-memory one in tests. */
  state: Pick<SharedState, "hit" | "firstSeen">;
  /** Allowed events per user per window (`RATE_LIMIT_USER_PER_MINUTE`). At least 1. */
  userPerMinute: number;
  /** Allowed events per channel per window (`RATE_LIMIT_CHANNEL_PER_MINUTE`). At least 1. */
  channelPerMinute: number;
  /** Window length in milliseconds; default 60_000. */
  windowMs?: number;
  /** Milliseconds since the epoch; default `Date.now`. Injected so tests control time. */
  now?: () => number;
}

/**
 * Creates a limiter whose decisions resolve once the store has counted the event. The user's
 * window is counted first and a refused user is not counted against the channel; an event the
 * channel refuses still counts against its user's window (the counters only go up), which can
 * only make a later refusal come sooner. The notice is sent at most once per user per window
 * across all processes (a seen key `rate-notice:<user>`). Rejects when the store does (the
 * request then fails and is logged, never let through unlimited). Throws a RangeError naming
 * the option when a limit is not a positive whole number.
 */
export function createSharedRateLimiter(options: SharedRateLimitOptions): RateGate {
  for (const name of ["userPerMinute", "channelPerMinute"] as const) {
    const value = options[name];
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`rate-limit: ${name} must be a positive whole number (got ${value})`);
    }
  }
  const { state } = options;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;

  const refuse = async (
    scope: "user" | "channel",
    userId: string,
    time: number,
  ): Promise<RateDecision> => {
    // The window ends where the store's fixed window ends: `hit` aligns windows on multiples.
    const ends = (Math.floor(time / windowMs) + 1) * windowMs;
    const retryAfterSeconds = Math.max(1, Math.ceil((ends - time) / 1000));
    const notify = await state.firstSeen(`rate-notice:${userId}`, windowMs, new Date(time));
    return { allowed: false, scope, retryAfterSeconds, notify };
  };

  return {
    async check({ userId, channelId }: RateKey): Promise<RateDecision> {
      const time = now();
      const at = new Date(time);
      if ((await state.hit(`rate-user:${userId}`, windowMs, at)) > options.userPerMinute) {
        return refuse("user", userId, time);
      }
      if ((await state.hit(`rate-channel:${channelId}`, windowMs, at)) > options.channelPerMinute) {
        return refuse("channel", userId, time);
      }
      return { allowed: true };
    },
  };
}
