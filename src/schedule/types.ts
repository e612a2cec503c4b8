/**
 * The contract between the command runner and the on-this-day scheduler. The runner only needs
 * to subscribe and unsubscribe a channel; storage and timing live behind this interface.
 */
import type { DayDigest } from "../model.js";

/** Which chat platform a channel lives on. */
export type Platform = "discord" | "slack" | "console";

/** A channel that can receive posts: platform, server/workspace id and channel id. */
export interface ChannelRef {
  platform: Platform;
  /** Discord guild id, Slack team id, or "local" for the console. */
  workspaceId: string;
  channelId: string;
}

/** A subscribe request as typed by an admin; time and timezone are optional and unvalidated. */
export interface SubscribeRequest extends ChannelRef {
  /** `HH:MM`, 24-hour; default from configuration (09:00). */
  time?: string | undefined;
  /** IANA timezone name; default from configuration. */
  timezone?: string | undefined;
  /** Platform user id of the admin, kept for the audit trail. */
  requestedBy: string;
}

/** A stored subscription. */
export interface Subscription extends ChannelRef {
  id: number;
  time: string;
  timezone: string;
}

/** Expected outcomes are values: a bad time or timezone is `{ ok: false, message }`. */
export type SubscribeOutcome =
  | { ok: true; created: boolean; subscription: Subscription }
  | { ok: false; message: string };

/** What the command runner calls for `/hotline subscribe` and `/hotline unsubscribe`. */
export interface SubscriptionService {
  subscribe(request: SubscribeRequest): SubscribeOutcome;
  unsubscribe(channel: ChannelRef): { removed: boolean };
}

/**
 * What a platform adapter gives the scheduler so it can deliver on-this-day posts.
 * The scheduler claims a post before calling {@link PostSender.sendOnThisDay}, so a sender never
 * needs to deduplicate; it only needs to throw when the platform did not take the message.
 */
export interface PostSender {
  readonly platform: Platform;
  /**
   * False when this process must not post to `channel` (e.g. another Discord shard holds the
   * server). The scheduler then neither claims nor sends, leaving the post to the owner.
   */
  owns(channel: ChannelRef): boolean;
  /**
   * Sends the post for `digest.monthDay` (its `events` are non-empty). Resolves once the
   * platform accepted the message; throws on any failure so the scheduler can retry.
   */
  sendOnThisDay(channel: ChannelRef, digest: DayDigest): Promise<void>;
}
