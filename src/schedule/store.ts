/**
 * The storage contract of the on-this-day feature: subscriptions, and one claim row per
 * (subscription, local date) that makes posting at-most-once across restarts, crashes, processes
 * and Discord shards. `sqlite-store.ts` is the embedded implementation; a server database can
 * replace it by implementing {@link ScheduleStore}.
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
 * The life of one post: `sending` once claimed (and during a retry), then `sent`, or `failed`
 * (retried while `nextAttemptAt` is set), or `interrupted` when a process died mid-send and the
 * outcome is unknown (never retried, so a post is never doubled).
 */
export type ClaimStatus = "sending" | "sent" | "failed" | "interrupted";

/** One claim row: the single owner of the post for (subscription, local date). */
export interface PostClaim {
  subscriptionId: number;
  /** The subscription's local date the post is for, `YYYY-MM-DD`. */
  localDate: string;
  status: ClaimStatus;
  /** Send attempts started so far (1 after the first claim). */
  attempts: number;
  /** Identifies the process that claimed (or last retried) the post, for logs. */
  claimedBy: string;
  /** ISO instant of the claim or of the latest retry. */
  claimedAt: string;
  sentAt: string | null;
  lastError: string | null;
  /** ISO instant after which a failed post may be retried; null when no retry is planned. */
  nextAttemptAt: string | null;
}

/**
 * Subscriptions CRUD and post claims. Every method is synchronous (an embedded database) and
 * atomic; implementations throw a `store_failed` HotlineError on storage errors.
 */
export interface ScheduleStore {
  /**
   * Creates, re-activates or updates the subscription of `write`'s channel (one per channel).
   * Re-activation keeps the row id, so the claims of an earlier subscription still count and an
   * unsubscribe/subscribe on the same day cannot post twice.
   */
  saveSubscription(write: SubscriptionWrite, at: Date): SaveResult;
  /** The active subscription of `channel`, or undefined. */
  findSubscription(channel: ChannelRef): StoredSubscription | undefined;
  /** Every active subscription, in id order. */
  listSubscriptions(): StoredSubscription[];
  /** Deactivates `channel`'s subscription if it is active and comes from `source`; true if it did. */
  deactivateSubscription(channel: ChannelRef, source: SubscriptionSource, at: Date): boolean;
  /**
   * Deactivates configuration subscriptions whose channel is not in `keep` (the current
   * `ONTHISDAY_CHANNELS`); returns how many were deactivated.
   */
  pruneConfigSubscriptions(keep: ChannelRef[], at: Date): number;

  /**
   * Claims the post of `subscriptionId` for `localDate`. True only for the one caller whose
   * insert created the row; everyone else (another process, a restart, a second tick) gets false.
   */
  claim(subscriptionId: number, localDate: string, at: Date, claimedBy: string): boolean;
  /** The claim row, or undefined when the post was never claimed. */
  getClaim(subscriptionId: number, localDate: string): PostClaim | undefined;
  /** Records that the platform accepted the post (also after a sweep marked it interrupted). */
  markSent(subscriptionId: number, localDate: string, at: Date): void;
  /**
   * Records a failed attempt: `attempts` is the number made so far and `retryAt` when the next
   * may start, or null to give up. Only a claim in `sending` changes, so a send that outlived a
   * sweep stays `interrupted` instead of becoming retryable.
   */
  markFailed(
    subscriptionId: number,
    localDate: string,
    failure: { attempts: number; error: string; retryAt: Date | null },
  ): void;
  /** Failed claims whose retry time has come (`nextAttemptAt <= at`), oldest first. */
  listDueRetries(at: Date): PostClaim[];
  /**
   * Takes over a due retry: moves the claim from `failed` with exactly `attempts` attempts to
   * `sending` with one more. True only for the one caller that made the change, so two
   * processes never retry the same post at once.
   */
  takeRetry(
    subscriptionId: number,
    localDate: string,
    attempts: number,
    at: Date,
    claimedBy: string,
  ): boolean;
  /**
   * Marks claims stuck in `sending` since before `olderThan` as `interrupted` (their process
   * died mid-send, so whether the platform got the post is unknown) and returns them.
   */
  sweepInterrupted(olderThan: Date): PostClaim[];
  /** Closes the underlying connection; later calls throw. */
  close(): void;
}

/** A channel's identity as one string (`discord:GUILD/CHANNEL`), for sets, maps and logs. */
export function channelKey(channel: ChannelRef): string {
  return `${channel.platform}:${channel.workspaceId}/${channel.channelId}`;
}
