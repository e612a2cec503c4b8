/**
 * Posts on-this-day digests to Slack channels for the scheduler with `chat.postMessage`.
 */

import type { webApi } from "@slack/bolt";
import { describeError, HotlineError } from "../../src/errors.js";
import type { PostSender } from "../../src/schedule/types.js";
import { renderOnThisDay } from "./render.js";

/**
 * A {@link PostSender} over a Slack Web API client; it owns every Slack channel. Throws a
 * `platform_failed` HotlineError naming the channel when a post fails (earlier messages of the
 * same digest stay posted).
 */
export function createSlackSender(client: webApi.WebClient): PostSender {
  return {
    platform: "slack",
    owns: (channel) => channel.platform === "slack",
    async sendOnThisDay(channel, digest) {
      for (const message of renderOnThisDay(digest)) {
        try {
          await client.chat.postMessage({
            channel: channel.channelId,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            unfurl_media: false,
          });
        } catch (error) {
          throw new HotlineError(
            "platform_failed",
            `slack: chat.postMessage to channel ${channel.channelId} failed: ${describeError(error).message}`,
            { cause: error },
          );
        }
      }
    },
  };
}
