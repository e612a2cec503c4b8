/**
 * The storage contract of the on-this-day feature: subscriptions, and one claim row per
 * (subscription, local date) with its delivered parts, which makes posting exactly-once where the
 * platform allows (at-most-once otherwise) across restarts, crashes, processes and Discord
 * shards; plus the {@link SharedState} that several processes serving one bot share.
 * `sqlite-store.ts` is the embedded implementation, `pg-store.ts` the PostgreSQL one.
 */
import type { ChannelRef, Subscription } from "./types.js";

/** Where a subscription came from: an admin command, or `ONTHISDAY_CHANNELS` in configuration. */
export type SubscriptionSource = "command" | "config";

/** A subscription as stored, with the bookkeeping the scheduler and the service need. */
export interface StoredSubscription extends Subscription {
  source: SubscriptionSource;
  /** Platform user id of whoever subscribed it last; null for configuration. */
  requestedBy: string | null;
  /** ISO instant since which the subscription has been active (creation or re-subscription). */
  activeSince: string;
}

/** What to write for a subscription; `time` is `HH:MM` and `timezone` an IANA name, both validated. */
export interface SubscriptionWrite extends ChannelRef {
  time: string;
  timezone: string;
  source: SubscriptionSource;
  requestedBy: string | null;
}

/** The outcome of {@link ScheduleStore.saveSubscription}. */
export interface SaveResult {
  subscription: StoredSubscription;
  /** True when the channel was not actively subscribed before (new row or re-activation). */
  created: boolean;
  /** True when an already-active subscription got a new time, timezone or source. */
  changed: boolean;
}

/**
 * The life of one post: `sending` once claimed (and during a retry or a resume), then `sent`, or
 * `failed` (retried while `nextAttemptAt` is set), or `interrupted` when the process sending it
 * stopped holding its lease (it died or hung mid-send). An interrupted post is resumed at its
 * first undelivered part when the platform can tell whether the part in flight arrived (Slack
 * message metadata, a Discord nonce still inside its window); otherwise it stays `interrupted`
 * and is logged as an error, so a post is never doubled.
 */
export type ClaimStatus = "sending" | "sent" | "failed" | "interrupted";

/** One claim row: the single owner of the post for (subscription, local date). */
export interface PostClaim {
  subscriptionId: number;
  /** The subscription's local date the post is for, `YYYY-MM-DD`. */
  localDate: string;
  status: ClaimStatus;
  /** Send attempts started so far (1 after the first claim; a retry or a resume adds one). */
  attempts: number;
  /**
   * How many parts (messages) of the post the platform has accepted, counted from the first:
   * a retry or a resume starts at part `partsSent`, so a delivered part is never sent again.
   */
  partsSent: number;
  /** Identifies the process that claimed (or last retried or resumed) the post, for logs. */
  claimedBy: string;
  /** ISO instant of the claim or of the latest retry or resume. */
  claimedAt: string;
  /**
   * ISO instant until which `claimedBy` holds the post while `sending`; the sender renews it as
   * parts go out. A `sending` claim whose lease has passed is interrupted. Null once settled.
   */
  leaseUntil: string | null;
  sentAt: string | null;
  lastError: string | null;
  /** ISO instant after which a failed post may be retried; null when no retry is planned. */
  nextAttemptAt: string | null;
}

/**
 * Subscriptions CRUD and post claims, shared by every process that posts. Every method is atomic
 * and asynchronous (SQLite answers at once; PostgreSQL over the network); implementations reject
 * with a `store_failed` HotlineError on storage errors.
 */
export interface ScheduleStore {
  /**
   * Creates, re-activates or updates the subscription of `write`'s channel (one per channel).
   * Re-activation keeps the row id, so the claims of an earlier subscription still count and an
   * unsubscribe/subscribe on the same day cannot post twice.
   */
  saveSubscription(write: SubscriptionWrite, at: Date): Promise<SaveResult>;
  /** The active subscription of `channel`, or undefined. */
  findSubscription(channel: ChannelRef): Promise<StoredSubscription | undefined>;
  /** Every active subscription, in id order. */
  listSubscriptions(): Promise<StoredSubscription[]>;
  /** Deactivates `channel`'s subscription if it is active and comes from `source`; true if it did. */
  deactivateSubscription(
    channel: ChannelRef,
    source: SubscriptionSource,
    at: Date,
  ): Promise<boolean>;
  /**
   * Deactivates configuration subscriptions whose channel is not in `keep` (the current
   * `ONTHISDAY_CHANNELS`); returns how many were deactivated.
   */
  pruneConfigSubscriptions(keep: ChannelRef[], at: Date): Promise<number>;

  /**
   * Claims the post of `subscriptionId` for `localDate` (status `sending`, 1 attempt, 0 parts,
   * lease until `leaseUntil`). True only for the one caller whose insert created the row;
   * everyone else (another process, a restart, a second tick) gets false.
   */
  claim(
    subscriptionId: number,
    localDate: string,
    at: Date,
    claimedBy: string,
    leaseUntil: Date,
  ): Promise<boolean>;
  /** The claim row, or undefined when the post was never claimed. */
  getClaim(subscriptionId: number, localDate: string): Promise<PostClaim | undefined>;
  /**
   * Extends the lease of a `sending` claim held by `claimedBy`. False when the claim is no
   * longer this process's (it was interrupted by another process after the lease passed): the
   * caller must then stop sending.
   */
  renewLease(
    subscriptionId: number,
    localDate: string,
    claimedBy: string,
    leaseUntil: Date,
  ): Promise<boolean>;
  /**
   * Records that the platform accepted part `partIndex` (0-based) of a `sending` post held by
   * `claimedBy`: `partsSent` becomes `partIndex + 1` if that is more. False when the claim is no
   * longer this process's.
   */
  markPartSent(
    subscriptionId: number,
    localDate: string,
    claimedBy: string,
    partIndex: number,
  ): Promise<boolean>;
  /** Records that the platform accepted the whole post (also after it was marked interrupted). */
  markSent(subscriptionId: number, localDate: string, at: Date): Promise<void>;
  /**
   * Records a failed attempt: `attempts` is the number made so far and `retryAt` when the next
   * may start, or null to give up. Only a claim in `sending` changes, so a send that outlived
   * its lease stays `interrupted` instead of becoming retryable.
   */
  markFailed(
    subscriptionId: number,
    localDate: string,
    failure: { attempts: number; error: string; retryAt: Date | null },
  ): Promise<void>;
  /** Failed claims whose retry time has come (`nextAttemptAt <= at`), oldest first. */
  listDueRetries(at: Date): Promise<PostClaim[]>;
  /**
   * Takes over a due retry: moves the claim from `failed` with exactly `attempts` attempts to
   * `sending` with one more and a new lease. True only for the one caller that made the change,
   * so two processes never retry the same post at once.
   */
  takeRetry(
    subscriptionId: number,
    localDate: string,
    attempts: number,
    at: Date,
    claimedBy: string,
    leaseUntil: Date,
  ): Promise<boolean>;
  /**
   * Marks every `sending` claim whose lease ended before `at` as `interrupted` (its process died
   * or hung mid-send, whatever the claim's age) and returns them, each returned to one caller
   * only. Called at start and on every tick.
   */
  sweepInterrupted(at: Date): Promise<PostClaim[]>;
  /**
   * Takes over an interrupted claim to resume it: `interrupted` → `sending` with one more
   * attempt, a new owner and lease, `partsSent` kept. True only for the one caller that made
   * the change.
   */
  takeInterrupted(
    subscriptionId: number,
    localDate: string,
    at: Date,
    claimedBy: string,
    leaseUntil: Date,
  ): Promise<boolean>;
  /** Resolves when the store can read and write now (a health check); rejects otherwise. */
  ping(): Promise<void>;
  /** Closes the underlying connection; later calls reject. */
  close(): Promise<void>;
}

/**
 * State that several processes serving one bot must share when they run behind a load balancer:
 * "seen" keys (Slack `event_id` dedupe, signed-request replay) and rate-limit windows. The
 * in-memory implementation serves one process; a PostgreSQL one serves many.
 */
export interface SharedState {
  /**
   * Records `key` for `ttlMs`; true only for the first caller to record it while it is live
   * (atomic across processes), false for a repeat.
   */
  firstSeen(key: string, ttlMs: number, at: Date): Promise<boolean>;
  /**
   * Counts one hit for `key` in the fixed window of `windowMs` containing `at`, and returns the
   * window's count including this hit (atomic across processes).
   */
  hit(key: string, windowMs: number, at: Date): Promise<number>;
  /** Deletes expired keys and windows; returns how many rows went. Called periodically. */
  cleanup(at: Date): Promise<number>;
}

/** A channel's identity as one string (`discord:GUILD/CHANNEL`), for sets, maps and logs. */
export function channelKey(channel: ChannelRef): string {
  return `${channel.platform}:${channel.workspaceId}/${channel.channelId}`;
}
