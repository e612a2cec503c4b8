/**
 * Posts on-this-day digests to Slack channels for the scheduler with `chat.postMessage`, one
 * message (part) at a time. Every part carries message metadata naming the post and the part,
 * so after a crash `conversations.history` tells whether the part in flight arrived: a resumed
 * post neither doubles nor drops a part.
 */

import type { webApi } from "@slack/bolt";
import { describeError, HotlineError } from "../../src/errors.js";
import type { DayDigest } from "../../src/model.js";
import type { ChannelRef, PartCheck, PartKey, PostSender } from "../../src/schedule/types.js";
import type { SlackMessage } from "./message.js";
import { renderOnThisDay } from "./render.js";

/** The metadata `event_type` of on-this-day posts. */
export const POST_EVENT_TYPE = "hotline_post";

/**
 * How far before `since` the history lookup starts, in milliseconds: Slack stamps a message
 * with its own clock, which may lag this host's. Default 5 minutes.
 */
export const HISTORY_MARGIN_MS = 5 * 60_000;

/** Pages of 200 messages read at most per lookup, so a busy channel cannot stall a tick. */
const HISTORY_PAGES = 5;

/** The metadata of one part, as `chat.postMessage` sends it and `conversations.history` returns it. */
export function partMetadata(key: PartKey) {
  return {
    event_type: POST_EVENT_TYPE,
    event_payload: { subscription: key.subscriptionId, date: key.localDate, part: key.index },
  };
}

interface HistoryMessage {
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

function isPart(message: HistoryMessage, key: PartKey): boolean {
  const payload = message.metadata?.event_payload;
  return (
    message.metadata?.event_type === POST_EVENT_TYPE &&
    payload?.subscription === key.subscriptionId &&
    payload?.date === key.localDate &&
    payload?.part === key.index
  );
}

/**
 * A {@link PostSender} over a Slack Web API client; it owns every Slack channel. `sendPart`
 * rejects with a `platform_failed` HotlineError naming the channel when a post fails (earlier
 * parts stay posted and are not sent again). `checkPart` reads the channel's history from
 * `since` minus {@link HISTORY_MARGIN_MS}: `delivered` when the part's metadata is there,
 * `resend` when it is not, `unknown` when the lookup fails (e.g. the bot is not in the channel,
 * or lacks the `channels:history` scope), so the post is left alone rather than doubled.
 */
export function createSlackSender(client: webApi.WebClient): PostSender {
  return {
    platform: "slack",
    owns: (channel) => channel.platform === "slack",
    renderParts: (digest: DayDigest) => renderOnThisDay(digest),
    async sendPart(channel: ChannelRef, part: unknown, key: PartKey) {
      const message = part as SlackMessage;
      try {
        await client.chat.postMessage({
          channel: channel.channelId,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          metadata: partMetadata(key),
        });
      } catch (error) {
        throw new HotlineError(
          "platform_failed",
          `slack: chat.postMessage to channel ${channel.channelId} failed: ${describeError(error).message}`,
          { cause: error },
        );
      }
    },
    async checkPart(channel: ChannelRef, key: PartKey, since: Date): Promise<PartCheck> {
      const oldest = ((since.getTime() - HISTORY_MARGIN_MS) / 1000).toFixed(6);
      let cursor: string | undefined;
      try {
        for (let page = 0; page < HISTORY_PAGES; page++) {
          const result = await client.conversations.history({
            channel: channel.channelId,
            oldest,
            include_all_metadata: true,
            limit: 200,
            ...(cursor ? { cursor } : {}),
          });
          const messages = (result.messages ?? []) as HistoryMessage[];
          if (messages.some((message) => isPart(message, key))) return "delivered";
          cursor = result.response_metadata?.next_cursor || undefined;
          if (!result.has_more || !cursor) return "resend";
        }
      } catch {
        return "unknown";
      }
      // More history than a lookup reads: the part may be further back.
      return "unknown";
    },
  };
}
