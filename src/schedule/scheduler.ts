/**
 * The on-this-day scheduler. Every minute (and once at start, which is the catch-up after
 * downtime) it walks the subscriptions, works out each one's local date and time, and posts the
 * day's events once the subscribed time has come. A post is claimed in the store before it is
 * sent, so restarts, crashes, several processes and Discord shards never post twice. A post is
 * sent part by part (one platform message each), each accepted part recorded, under a lease
 * renewed as it goes: a failed send is retried with exponential backoff from the first
 * undelivered part, and a send whose process stopped (its lease passed) is resumed there when
 * the platform can tell whether the part in flight arrived, or else left `interrupted` and
 * logged as an error. Every outcome is recorded and logged.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { Cron } from "croner";
import type { Logger } from "pino";
import { describeError } from "../errors.js";
import type { Hotline } from "../hotline-api.js";
import type { DayDigest } from "../model.js";
import { localDateTime } from "./local-time.js";
import {
  channelKey,
  type PostClaim,
  type ScheduleStore,
  type StoredSubscription,
} from "./store.js";
import type { ChannelRef, PartCheck, PartKey, PostSender } from "./types.js";

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
   * How long a claim's lease lasts, in milliseconds, renewed right before each part is sent; a
   * `sending` claim whose lease has passed belongs to a process that died or hung, and the next
   * tick (in any process) resolves it. Default 60_000. It must be shorter than Discord's nonce
   * window (2 minutes assumed) so a prompt restart can still resume a Discord post, and it is
   * not extended while a part is in flight: the renewal time is then exactly when the part in
   * flight started, which is what the nonce window is measured from. A part that takes longer
   * than the lease (a Slack call retried for minutes) may therefore be resumed by another
   * process while it is still in flight; see docs/security.md.
   */
  leaseMs?: number;
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
 * Empty days are skipped without a claim. Every tick (the first included) starts by sweeping
 * `sending` claims whose lease passed, whatever their age, and resolves today's (see
 * {@link PostSender.checkPart}).
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, hotline, senders, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const baseMs = options.retry?.baseMs ?? 60_000;
  const maxAttempts = Math.max(1, options.retry?.maxAttempts ?? 5);
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const leaseMs = Math.max(1, options.leaseMs ?? 60_000);
  const processId =
    options.processId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const inFlight = new Set<Promise<void>>();
  /** Claims this process is sending now (`id/date`): its own sweep never resumes them. */
  const sendingHere = new Set<string>();
  /** Interrupted claims already judged unresolvable and logged, so each is logged once. */
  const leftInterrupted = new Set<string>();
  let driver: { stop(): void } | undefined;
  let stopped = false;

  const leaseFrom = (at: Date) => new Date(at.getTime() + leaseMs);
  const claimId = (subscriptionId: number, localDate: string) => `${subscriptionId}/${localDate}`;

  const senderFor = (channel: ChannelRef): PostSender | undefined =>
    senders.find((sender) => sender.platform === channel.platform && sender.owns(channel));

  const track = (started: Promise<void>): Promise<void> => {
    // A store error outside the recorded paths (e.g. taking over a claim) is logged, never an
    // unhandled rejection; the claim's lease then decides what the next tick does.
    const work = started.catch((error: unknown) => {
      logger.error({ err: describeError(error) }, "on-this-day: send stopped by a store error");
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    return work;
  };

  /**
   * Runs `write` up to three times, 100 ms then 500 ms apart: a failed send is only retried if
   * its failure is recorded, so a brief database hiccup must not lose the post.
   */
  async function recordWithRetries(write: () => Promise<void>): Promise<unknown> {
    let lastError: unknown;
    for (const delayMs of [0, 100, 500]) {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      try {
        await write();
        return undefined;
      } catch (error) {
        lastError = error;
      }
    }
    return lastError ?? new Error("unknown store error");
  }

  async function recordFailure(
    subscription: StoredSubscription,
    localDate: string,
    attempt: number,
    part: number,
    error: unknown,
  ): Promise<void> {
    const context = { channel: channelKey(subscription), localDate, attempt, part };
    const { message } = describeError(error);
    // markFailed changes any `sending` claim: if this part outlived the lease, another process
    // may hold the post now, and its send must not be marked failed under it. (When the store
    // cannot say, record anyway: the lease is most likely still ours.)
    const ours = await store
      .renewLease(subscription.id, localDate, processId, leaseFrom(clock()))
      .catch(() => true);
    if (!ours) {
      logger.warn(
        { ...context, error: message },
        "on-this-day: post failed after losing its lease; the interrupted-send check takes over",
      );
      return;
    }
    const giveUp = attempt >= maxAttempts;
    const retryAt = giveUp ? null : new Date(clock().getTime() + baseMs * 2 ** (attempt - 1));
    const storeError = await recordWithRetries(() =>
      store.markFailed(subscription.id, localDate, { attempts: attempt, error: message, retryAt }),
    );
    if (storeError !== undefined) {
      // Without a `failed` row no retry comes. The claim stays `sending` until its lease passes;
      // then the interrupted-send check resumes it only if the platform can tell the part is
      // missing, and logs it as possibly incomplete otherwise.
      logger.error(
        { ...context, error: message, err: describeError(storeError) },
        "on-this-day: post failed and the failure cannot be recorded; no retry is scheduled",
      );
      return;
    }
    if (giveUp) {
      logger.error({ ...context, error: message }, "on-this-day: post failed; giving up");
    } else {
      logger.warn(
        { ...context, error: message, retryAt: retryAt?.toISOString() },
        "on-this-day: post failed; will retry",
      );
    }
  }

  /**
   * Sends parts `from`… of the post (the claim is this process's, `sending`), recording each
   * accepted part, then marks the post sent. Stops without recording a failure when the lease
   * is lost or the store cannot record a delivered part: the claim then goes through the
   * interrupted-send check, which knows what arrived where the platform can tell.
   */
  async function deliver(
    sender: PostSender,
    subscription: StoredSubscription,
    localDate: string,
    digest: DayDigest,
    attempt: number,
    from: number,
  ): Promise<void> {
    const id = claimId(subscription.id, localDate);
    const channel = channelOf(subscription);
    const context = { channel: channelKey(subscription), localDate, attempt };
    sendingHere.add(id);
    try {
      const parts = sender.renderParts(digest);
      for (let index = from; index < parts.length; index++) {
        const key: PartKey = {
          subscriptionId: subscription.id,
          localDate,
          index,
          count: parts.length,
        };
        let held: boolean;
        try {
          held = await store.renewLease(subscription.id, localDate, processId, leaseFrom(clock()));
        } catch (error) {
          logger.error(
            { ...context, part: index, err: describeError(error) },
            "on-this-day: cannot renew the post's lease; stopped sending until the lease passes",
          );
          return;
        }
        if (!held) {
          // Not a loss: the claim was swept as interrupted (a part outlived the lease) and the
          // interrupted-send check, here or in another process, resolves it.
          logger.warn(
            { ...context, part: index },
            "on-this-day: lost the post's lease; stopped, the interrupted-send check takes over",
          );
          return;
        }
        try {
          await sender.sendPart(channel, parts[index], key);
        } catch (error) {
          await recordFailure(subscription, localDate, attempt, index, error);
          return;
        }
        try {
          if (!(await store.markPartSent(subscription.id, localDate, processId, index))) {
            logger.warn(
              { ...context, part: index },
              "on-this-day: lost the post's lease; stopped, the interrupted-send check takes over",
            );
            return;
          }
        } catch (error) {
          logger.error(
            { ...context, part: index, err: describeError(error) },
            "on-this-day: part sent but not recorded; stopped until the lease passes",
          );
          return;
        }
      }
      try {
        await store.markSent(subscription.id, localDate, clock());
        logger.info(
          { ...context, events: digest.events.length, parts: parts.length, from },
          "on-this-day: posted",
        );
      } catch (error) {
        // Every part is recorded; after the lease the interrupted check marks the post sent.
        logger.error(
          { ...context, err: describeError(error) },
          "on-this-day: posted but not recorded",
        );
      }
    } finally {
      sendingHere.delete(id);
    }
  }

  /**
   * An interrupted claim of today's post on a channel this process owns: asks the platform about
   * the part that was in flight, then resumes after it (`delivered`) or at it (`resend`), or
   * leaves the claim `interrupted` with one error line (`unknown`).
   */
  async function resume(
    sender: PostSender,
    subscription: StoredSubscription,
    claim: PostClaim,
    now: Date,
  ): Promise<void> {
    const id = claimId(claim.subscriptionId, claim.localDate);
    if (sendingHere.has(id) || leftInterrupted.has(id)) return;
    const context = {
      channel: channelKey(subscription),
      localDate: claim.localDate,
      claimedBy: claim.claimedBy,
      partsSent: claim.partsSent,
    };
    const digest = hotline.today(claim.localDate);
    const parts = digest.events.length > 0 ? sender.renderParts(digest) : [];
    const leaveInterrupted = (reason: string, check?: PartCheck) => {
      leftInterrupted.add(id);
      logger.error(
        { ...context, reason, check },
        "on-this-day: post interrupted mid-send; it may be incomplete and is not retried",
      );
    };
    if (parts.length === 0) return leaveInterrupted("the day no longer has events");
    let check: PartCheck = "delivered";
    if (claim.partsSent < parts.length) {
      // The part in flight went out after the lease's last renewal (or the claim, for rows
      // without a lease), so that is the earliest it can have arrived.
      const since = claim.leaseUntil
        ? new Date(Date.parse(claim.leaseUntil) - leaseMs)
        : new Date(claim.claimedAt);
      const key: PartKey = {
        subscriptionId: claim.subscriptionId,
        localDate: claim.localDate,
        index: claim.partsSent,
        count: parts.length,
      };
      try {
        check = await sender.checkPart(channelOf(subscription), key, since);
      } catch {
        check = "unknown";
      }
      if (check === "unknown") {
        return leaveInterrupted(
          "the platform cannot tell whether the part in flight arrived",
          check,
        );
      }
    }
    const taken = await store.takeInterrupted(
      claim.subscriptionId,
      claim.localDate,
      now,
      processId,
      leaseFrom(now),
    );
    if (!taken) return;
    let from = claim.partsSent;
    if (check === "delivered" && from < parts.length) {
      await store.markPartSent(claim.subscriptionId, claim.localDate, processId, from);
      from++;
    }
    logger.warn({ ...context, check, from }, "on-this-day: resuming an interrupted post");
    await deliver(sender, subscription, claim.localDate, digest, claim.attempts + 1, from);
  }

  /**
   * Marks every `sending` claim whose lease passed as interrupted. Today's posts on channels
   * this process owns are resumed by {@link planScheduled} in the same tick (and by the owning
   * process on its own tick otherwise); those that can no longer be resumed are logged here.
   */
  async function sweep(now: Date, byId: Map<number, StoredSubscription>): Promise<void> {
    for (const claim of await store.sweepInterrupted(now)) {
      const subscription = byId.get(claim.subscriptionId);
      const context = {
        subscriptionId: claim.subscriptionId,
        localDate: claim.localDate,
        claimedBy: claim.claimedBy,
        partsSent: claim.partsSent,
      };
      const today = subscription && localDateTime(now, subscription.timezone).date;
      if (today === claim.localDate) {
        logger.warn(
          context,
          "on-this-day: a send stopped holding its lease; checking what arrived",
        );
        continue;
      }
      leftInterrupted.add(claimId(claim.subscriptionId, claim.localDate));
      logger.error(
        { ...context, reason: subscription ? "the local day ended" : "channel unsubscribed" },
        "on-this-day: post interrupted mid-send; it may be incomplete and is not retried",
      );
    }
  }

  async function planScheduled(
    now: Date,
    subscriptions: StoredSubscription[],
    sends: Promise<void>[],
  ): Promise<void> {
    for (const subscription of subscriptions) {
      const local = localDateTime(now, subscription.timezone);
      if (local.time < subscription.time) continue;
      const since = localDateTime(new Date(subscription.activeSince), subscription.timezone);
      if (since.date === local.date && since.time > subscription.time) continue;
      const existing = await store.getClaim(subscription.id, local.date);
      const sender = senderFor(subscription);
      if (existing?.status === "interrupted" && sender) {
        sends.push(track(resume(sender, subscription, existing, now)));
      }
      if (existing) continue;
      if (!sender) {
        logger.debug({ channel: channelKey(subscription) }, "on-this-day: channel not owned here");
        continue;
      }
      const digest = hotline.today(local.date);
      if (digest.events.length === 0) continue;
      if (!(await store.claim(subscription.id, local.date, now, processId, leaseFrom(now)))) {
        continue;
      }
      sends.push(track(deliver(sender, subscription, local.date, digest, 1, 0)));
    }
  }

  async function planRetries(
    now: Date,
    byId: Map<number, StoredSubscription>,
    sends: Promise<void>[],
  ): Promise<void> {
    const due = await store.listDueRetries(now);
    for (const claim of due) {
      const subscription = byId.get(claim.subscriptionId);
      const take = () =>
        store.takeRetry(
          claim.subscriptionId,
          claim.localDate,
          claim.attempts,
          now,
          processId,
          leaseFrom(now),
        );
      const giveUp = (reason: string) =>
        store.markFailed(claim.subscriptionId, claim.localDate, {
          attempts: claim.attempts,
          error: `${claim.lastError ?? "failed"}; ${reason}`,
          retryAt: null,
        });
      if (!subscription) {
        // markFailed only touches `sending` claims; take the retry first so the reason is kept.
        if (await take()) {
          await giveUp("channel unsubscribed");
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
        if (await take()) {
          await giveUp("the local day ended before a retry succeeded");
          logger.error({ ...context, error: claim.lastError }, "on-this-day: post lost, day ended");
        }
        continue;
      }
      const digest = hotline.today(claim.localDate);
      if (!(await take())) continue;
      if (digest.events.length === 0) {
        await giveUp("the day no longer has events");
        continue;
      }
      sends.push(
        track(
          deliver(
            sender,
            subscription,
            claim.localDate,
            digest,
            claim.attempts + 1,
            claim.partsSent,
          ),
        ),
      );
    }
  }

  async function runOnce(): Promise<void> {
    if (stopped) return;
    const sends: Promise<void>[] = [];
    try {
      const now = clock();
      const subscriptions = await store.listSubscriptions();
      const byId = new Map(subscriptions.map((s) => [s.id, s]));
      await sweep(now, byId);
      await planRetries(now, byId, sends);
      await planScheduled(now, subscriptions, sends);
    } catch (error) {
      // A store outage must not kill the timer; the next tick tries again.
      logger.error({ err: describeError(error) }, "on-this-day: tick failed");
    }
    await Promise.allSettled(sends);
  }

  return {
    async start(): Promise<void> {
      if (stopped || driver) return;
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
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), stopTimeoutMs);
        });
        const settled = Promise.allSettled([...inFlight]).then(() => false);
        const late = await Promise.race([settled, timedOut]);
        clearTimeout(timer);
        if (late) {
          logger.warn(
            { pending: inFlight.size },
            "on-this-day: stopped with sends still in flight; their leases will lapse",
          );
        }
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
