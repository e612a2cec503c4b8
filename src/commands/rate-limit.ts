/**
 * Per-user and per-channel rate limits on commands, shared by the Discord and Slack adapters
 * (the console is the operator's own terminal and is not limited). A sliding window: an event is
 * allowed when the user and the channel each had fewer than their limit of allowed events in the
 * last `windowMs`. Refused events are not counted, so a user who keeps hammering is let in again
 * as soon as their oldest allowed event leaves the window.
 *
 * To keep a flood from turning into a reply storm, the limit notice itself is limited: a refused
 * user gets at most one notice per window; further refusals are silent (`notify: false`).
 */

/** Options of {@link createRateLimiter}. */
export interface RateLimitOptions {
  /** Allowed events per user per window (`RATE_LIMIT_USER_PER_MINUTE`, default 6). At least 1. */
  userPerMinute: number;
  /** Allowed events per channel per window (`RATE_LIMIT_CHANNEL_PER_MINUTE`, default 20). At least 1. */
  channelPerMinute: number;
  /** Window length in milliseconds; default 60_000 (the limits are "per minute"). */
  windowMs?: number;
  /** Milliseconds since the epoch; default `Date.now`. Injected so tests control time. */
  now?: () => number;
  /**
   * Keys tracked before expired ones are swept (bounds memory under a flood of distinct users).
   * Default 50_000. When every tracked key is still live the oldest are dropped, which can only
   * ever let an event through, never refuse one wrongly.
   */
  maxKeys?: number;
}

/** Who is asking, and where. Keys are opaque; adapters prefix them with the platform. */
export interface RateKey {
  userId: string;
  channelId: string;
}

/** The outcome of {@link RateLimiter.check}. */
export type RateDecision =
  | { allowed: true }
  | {
      allowed: false;
      /** Which limit was hit (the user's is checked first). */
      scope: "user" | "channel";
      /** Whole seconds until the next event would be allowed (at least 1). */
      retryAfterSeconds: number;
      /** True at most once per user per window: send the notice; otherwise drop silently. */
      notify: boolean;
    };

/**
 * What the request skeleton (`handle.ts`) needs of a limiter: one decision per event, now
 * (in-memory, {@link createRateLimiter}) or later (shared by several processes through the
 * store, `shared-rate-limit.ts`). A rejected promise fails the request like any other error.
 */
export interface RateGate {
  /** Checks one event and, when allowed, counts it against the user and the channel. */
  check(key: RateKey): RateDecision | Promise<RateDecision>;
}

/** A rate limiter; see {@link createRateLimiter}. */
export interface RateLimiter extends RateGate {
  /** Checks one event and, when allowed, counts it against the user and the channel. */
  check(key: RateKey): RateDecision;
  /**
   * How many keys each table holds now (users, channels, users sent a notice): what the
   * limiter's memory grows with. Each stays at most `maxKeys` after any `check`.
   */
  size(): { users: number; channels: number; notified: number };
}

/** The polite notice for a refused event, e.g. "You're asking quickly — try again in 12 s." */
export function rateLimitMessage(decision: {
  scope: "user" | "channel";
  retryAfterSeconds: number;
}): string {
  return decision.scope === "user"
    ? `You're asking quickly — try again in ${decision.retryAfterSeconds} s.`
    : `This channel is asking quickly — try again in ${decision.retryAfterSeconds} s.`;
}

/**
 * Creates a sliding-window limiter. Throws a RangeError naming the option when a limit is not a
 * positive whole number (config parsing already guarantees that for the environment).
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  for (const name of ["userPerMinute", "channelPerMinute"] as const) {
    const value = options[name];
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`rate-limit: ${name} must be a positive whole number (got ${value})`);
    }
  }
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 50_000;
  // Timestamps of allowed events per key, oldest first.
  const users = new Map<string, number[]>();
  const channels = new Map<string, number[]>();
  // When each user was last sent a notice.
  const notified = new Map<string, number>();

  const live = (map: Map<string, number[]>, key: string, time: number): number[] => {
    const times = map.get(key) ?? [];
    while (times.length > 0 && (times[0] as number) <= time - windowMs) times.shift();
    return times;
  };

  const sweep = (time: number) => {
    for (const map of [users, channels]) {
      if (map.size <= maxKeys) continue;
      for (const [key, times] of map) {
        if ((times.at(-1) ?? 0) <= time - windowMs) map.delete(key);
      }
      // Still too many live keys: drop the oldest inserted (Map keeps insertion order).
      for (const key of map.keys()) {
        if (map.size <= maxKeys) break;
        map.delete(key);
      }
    }
    if (notified.size > maxKeys) {
      for (const [key, at] of notified) if (at <= time - windowMs) notified.delete(key);
      for (const key of notified.keys()) {
        if (notified.size <= maxKeys) break;
        notified.delete(key);
      }
    }
  };

  return {
    check({ userId, channelId }) {
      const time = now();
      const userTimes = live(users, userId, time);
      const channelTimes = live(channels, channelId, time);
      const refuse = (scope: "user" | "channel", times: number[]): RateDecision => {
        const oldest = times[0] ?? time;
        const retryAfterSeconds = Math.max(1, Math.ceil((oldest + windowMs - time) / 1000));
        const last = notified.get(userId);
        const notify = last === undefined || last <= time - windowMs;
        if (notify) notified.set(userId, time);
        // A flood of distinct users in a full channel is all refusals: sweep here too, or the
        // notice table would grow without bound.
        sweep(time);
        return { allowed: false, scope, retryAfterSeconds, notify };
      };
      if (userTimes.length >= options.userPerMinute) return refuse("user", userTimes);
      if (channelTimes.length >= options.channelPerMinute) return refuse("channel", channelTimes);
      userTimes.push(time);
      channelTimes.push(time);
      users.set(userId, userTimes);
      channels.set(channelId, channelTimes);
      sweep(time);
      return { allowed: true };
    },
    size: () => ({ users: users.size, channels: channels.size, notified: notified.size }),
  };
}
