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
  subscribe(request: SubscribeRequest): Promise<SubscribeOutcome>;
  unsubscribe(channel: ChannelRef): Promise<{ removed: boolean }>;
}

/**
 * Names one part (message) of one post across retries, resumes and restarts, so the platform can
 * recognise a repeat: Discord takes it as the message `nonce` (with `enforce_nonce`), Slack as
 * message `metadata` that `conversations.history` can find later.
 */
export interface PartKey {
  subscriptionId: number;
  /** The subscription's local date of the post, `YYYY-MM-DD`. */
  localDate: string;
  /** 0-based position of the part in the post. */
  index: number;
  /** How many parts the post has. */
  count: number;
}

/**
 * Whether part {@link PartKey} of an interrupted post needs sending again: `delivered` (the
 * platform has it; skip it), `resend` (not there, or the platform drops a repeat of it, so
 * sending is safe), `unknown` (cannot tell: the post is left interrupted, never doubled).
 */
export type PartCheck = "delivered" | "resend" | "unknown";

/**
 * What a platform adapter gives the scheduler so it can deliver on-this-day posts. The scheduler
 * claims a post before sending, then sends its parts in order, recording each accepted part, so
 * a retry resumes at the first part not yet delivered and a sender never deduplicates itself.
 */
export interface PostSender {
  readonly platform: Platform;
  /**
   * False when this process must not post to `channel` (e.g. another Discord shard holds the
   * server). The scheduler then neither claims nor sends, leaving the post to the owner.
   */
  owns(channel: ChannelRef): boolean;
  /**
   * The messages of the post for `digest` (its `events` are non-empty), in order, at least one.
   * Deterministic: the same digest gives the same parts, so a retry resumes at the right one.
   */
  renderParts(digest: DayDigest): unknown[];
  /**
   * Sends one part. Resolves once the platform accepted it; throws on any failure (the scheduler
   * retries from this part).
   */
  sendPart(channel: ChannelRef, part: unknown, key: PartKey): Promise<void>;
  /**
   * Before resuming an interrupted post: whether its part `key` (in flight when the sending
   * process stopped, at or after `since`) reached `channel`. See {@link PartCheck}.
   */
  checkPart(channel: ChannelRef, key: PartKey, since: Date): Promise<PartCheck>;
}
