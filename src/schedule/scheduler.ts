/**
 * The on-this-day scheduler. Every minute (and once at start, which is the catch-up after
 * downtime) it walks the subscriptions, works out each one's local date and time, and posts the
 * day's events once the subscribed time has come. A post is claimed in the store before it is
 * sent, so restarts, crashes, several processes and Discord shards never post twice; failed
 * sends are retried with exponential backoff and every outcome is recorded and logged.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { Cron } from "croner";
import type { Logger } from "pino";
import { describeError } from "../errors.js";
import type { Hotline } from "../hotline-api.js";
import type { DayDigest } from "../model.js";
import { localDateTime } from "./local-time.js";
import { channelKey, type ScheduleStore, type StoredSubscription } from "./store.js";
import type { ChannelRef, PostSender } from "./types.js";

/**
 * Starts calling `run` periodically and returns how to stop it. The default fires at second 0
 * of every minute with croner; tests pass a driver that never fires and call
 * {@link Scheduler.runOnce} themselves.
 */
export type TickDriver = (run: () => void) => { stop(): void };

/** Retry policy for failed sends. */
export interface RetryPolicy {
  /**
   * Delay before the first retry, in milliseconds; each further retry doubles it. Default
   * 60_000. Retries start on the first tick after the delay, so the real delay is rounded up to
   * the tick interval (a minute by default).
   */
  baseMs?: number;
  /** Total send attempts, the first included, before giving up (logged as an error). Default 5. */
  maxAttempts?: number;
}

/** Options of {@link createScheduler}. */
export interface SchedulerOptions {
  /** Subscriptions and post claims; may be shared with other processes. */
  store: ScheduleStore;
  /** Only `today(monthDay)` is used, and only its `events`. */
  hotline: Pick<Hotline, "today">;
  /**
   * One sender per connected platform. A post goes to the first sender whose `platform` matches
   * and whose `owns(channel)` is true; when none does, the post is neither claimed nor sent
   * (another process, e.g. another Discord shard, owns that channel).
   */
  senders: PostSender[];
  /** The current time; default `() => new Date()`. Injected so tests control time. */
  clock?: () => Date;
  /** Where outcomes are logged (a pino logger or anything with the same four methods). */
  logger: Pick<Logger, "debug" | "info" | "warn" | "error">;
  /** Retry policy; defaults as documented on {@link RetryPolicy}. */
  retry?: RetryPolicy;
  /** Default: croner, every minute. */
  tick?: TickDriver;
  /**
   * How long {@link Scheduler.stop} waits for sends in flight before returning anyway, in
   * milliseconds. Default 10_000.
   */
  stopTimeoutMs?: number;
  /**
   * A claim still `sending` after this many milliseconds belongs to a process that died
   * mid-send; it is marked `interrupted` and logged, never retried (the platform may have got
   * the post). Default 600_000 (ten minutes).
   */
  interruptedAfterMs?: number;
  /** Names this process in claim rows and logs; default `hostname:pid:random`. */
  processId?: string;
}

/** A running scheduler. */
export interface Scheduler {
  /**
   * Starts the tick driver and runs a first tick at once, so posts missed while the process was
   * down are made if it is still the same local day. Resolves when that tick's sends settle.
   */
  start(): Promise<void>;
  /** Runs one tick now; resolves when the sends it started have settled. A no-op after stop. */
  runOnce(): Promise<void>;
  /**
   * Stops the driver and waits (up to `stopTimeoutMs`) for sends in flight, so their outcome is
   * recorded before the caller closes the store. Safe to call twice.
   */
  stop(): Promise<void>;
}

const defaultTick: TickDriver = (run) => {
  const job = new Cron("* * * * *", () => run());
  return { stop: () => job.stop() };
};

/**
 * Creates a scheduler (not yet started). Due rule, per subscription with time `HH:MM` in zone
 * `Z`: a post for local date `D` is due when the wall clock in `Z` reads date `D` and a time at or
 * after `HH:MM`, the day has events (28 February also takes 29 February's in non-leap years), and
 * no claim exists for (subscription, `D`). Comparing wall-clock readings makes DST harmless: in a
 * spring-forward gap the clock jumps past `HH:MM` and the post goes out at once; in a fall-back
 * repeat the claim already exists. A channel subscribed after today's time first posts tomorrow.
 * Empty days are skipped without a claim.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, hotline, senders, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const baseMs = options.retry?.baseMs ?? 60_000;
  const maxAttempts = Math.max(1, options.retry?.maxAttempts ?? 5);
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const interruptedAfterMs = options.interruptedAfterMs ?? 600_000;
  const processId =
    options.processId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const inFlight = new Set<Promise<void>>();
  let driver: { stop(): void } | undefined;
  let stopped = false;

  const senderFor = (channel: ChannelRef): PostSender | undefined =>
    senders.find((sender) => sender.platform === channel.platform && sender.owns(channel));

  const track = (work: Promise<void>): Promise<void> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    return work;
  };

  async function send(
    sender: PostSender,
    subscription: StoredSubscription,
    localDate: string,
    digest: DayDigest,
    attempt: number,
  ): Promise<void> {
    const context = { channel: channelKey(subscription), localDate, attempt };
    try {
      await sender.sendOnThisDay(channelOf(subscription), digest);
    } catch (error) {
      const { message } = describeError(error);
      const giveUp = attempt >= maxAttempts;
      const retryAt = giveUp ? null : new Date(clock().getTime() + baseMs * 2 ** (attempt - 1));
      try {
        store.markFailed(subscription.id, localDate, {
          attempts: attempt,
          error: message,
          retryAt,
        });
      } catch (storeError) {
        logger.error(
          { ...context, err: describeError(storeError) },
          "on-this-day: cannot record failure",
        );
      }
      if (giveUp) {
        logger.error({ ...context, error: message }, "on-this-day: post failed; giving up");
      } else {
        logger.warn(
          { ...context, error: message, retryAt: retryAt?.toISOString() },
          "on-this-day: post failed; will retry",
        );
      }
      return;
    }
    try {
      store.markSent(subscription.id, localDate, clock());
      logger.info({ ...context, events: digest.events.length }, "on-this-day: posted");
    } catch (error) {
      // The platform has the post; the claim stays `sending`, so it is never sent again.
      logger.error(
        { ...context, err: describeError(error) },
        "on-this-day: posted but not recorded",
      );
    }
  }

  function planScheduled(now: Date, sends: Promise<void>[]): void {
    for (const subscription of store.listSubscriptions()) {
      const local = localDateTime(now, subscription.timezone);
      if (local.time < subscription.time) continue;
      const since = localDateTime(new Date(subscription.activeSince), subscription.timezone);
      if (since.date === local.date && since.time > subscription.time) continue;
      if (store.getClaim(subscription.id, local.date)) continue;
      const sender = senderFor(subscription);
      if (!sender) {
        logger.debug({ channel: channelKey(subscription) }, "on-this-day: channel not owned here");
        continue;
      }
      const digest = hotline.today(local.date);
      if (digest.events.length === 0) continue;
      if (!store.claim(subscription.id, local.date, now, processId)) continue;
      sends.push(track(send(sender, subscription, local.date, digest, 1)));
    }
  }

  function planRetries(now: Date, sends: Promise<void>[]): void {
    const due = store.listDueRetries(now);
    if (due.length === 0) return;
    const byId = new Map(store.listSubscriptions().map((s) => [s.id, s]));
    for (const claim of due) {
      const subscription = byId.get(claim.subscriptionId);
      const giveUp = (reason: string) => {
        store.markFailed(claim.subscriptionId, claim.localDate, {
          attempts: claim.attempts,
          error: `${claim.lastError ?? "failed"}; ${reason}`,
          retryAt: null,
        });
      };
      if (!subscription) {
        // markFailed only touches `sending` claims; take the retry first so the reason is kept.
        if (
          store.takeRetry(claim.subscriptionId, claim.localDate, claim.attempts, now, processId)
        ) {
          giveUp("channel unsubscribed");
          logger.warn(
            { subscriptionId: claim.subscriptionId },
            "on-this-day: retry dropped, unsubscribed",
          );
        }
        continue;
      }
      const context = { channel: channelKey(subscription), localDate: claim.localDate };
      const sender = senderFor(subscription);
      if (!sender) continue;
      if (localDateTime(now, subscription.timezone).date !== claim.localDate) {
        if (
          store.takeRetry(claim.subscriptionId, claim.localDate, claim.attempts, now, processId)
        ) {
          giveUp("the local day ended before a retry succeeded");
          logger.error({ ...context, error: claim.lastError }, "on-this-day: post lost, day ended");
        }
        continue;
      }
      const digest = hotline.today(claim.localDate);
      if (!store.takeRetry(claim.subscriptionId, claim.localDate, claim.attempts, now, processId)) {
        continue;
      }
      if (digest.events.length === 0) {
        giveUp("the day no longer has events");
        continue;
      }
      sends.push(track(send(sender, subscription, claim.localDate, digest, claim.attempts + 1)));
    }
  }

  async function runOnce(): Promise<void> {
    if (stopped) return;
    const sends: Promise<void>[] = [];
    try {
      const now = clock();
      planRetries(now, sends);
      planScheduled(now, sends);
    } catch (error) {
      // A store outage must not kill the timer; the next tick tries again.
      logger.error({ err: describeError(error) }, "on-this-day: tick failed");
    }
    await Promise.allSettled(sends);
  }

  return {
    async start(): Promise<void> {
      if (stopped || driver) return;
      try {
        const swept = store.sweepInterrupted(new Date(clock().getTime() - interruptedAfterMs));
        for (const claim of swept) {
          logger.error(
            {
              subscriptionId: claim.subscriptionId,
              localDate: claim.localDate,
              claimedBy: claim.claimedBy,
            },
            "on-this-day: a process stopped during this send; not retried so it cannot post twice",
          );
        }
      } catch (error) {
        logger.error({ err: describeError(error) }, "on-this-day: sweep failed");
      }
      driver = (options.tick ?? defaultTick)(() => {
        void runOnce();
      });
      await runOnce();
    },

    runOnce,

    async stop(): Promise<void> {
      stopped = true;
      driver?.stop();
      driver = undefined;
      if (inFlight.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), stopTimeoutMs);
      });
      const settled = Promise.allSettled([...inFlight]).then(() => false);
      const late = await Promise.race([settled, timedOut]);
      clearTimeout(timer);
      if (late) {
        logger.warn({ pending: inFlight.size }, "on-this-day: stopped with sends still in flight");
      }
    },
  };
}

function channelOf(channel: ChannelRef): ChannelRef {
  return {
    platform: channel.platform,
    workspaceId: channel.workspaceId,
    channelId: channel.channelId,
  };
}
