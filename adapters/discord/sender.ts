/**
 * Delivers on-this-day digests to Discord channels for the scheduler: fetches the channel, then
 * sends the rendered digest messages in order.
 */

import type { Client } from "discord.js";
import { HotlineError } from "../../src/errors.js";
import type { PostSender } from "../../src/schedule/types.js";
import { renderDigest } from "./render.js";
import { asChannelMessage } from "./send.js";

/**
 * A {@link PostSender} over a connected client. It owns Discord channels of guilds the client
 * is in (so each shard posts only to its own guilds). Throws a `platform_failed` HotlineError
 * when the channel cannot be fetched or cannot receive messages.
 */
export function createDiscordSender(client: Client): PostSender {
  return {
    platform: "discord",
    owns: (channel) =>
      channel.platform === "discord" && client.guilds.cache.has(channel.workspaceId),
    async sendOnThisDay(channel, digest) {
      let target: Awaited<ReturnType<typeof client.channels.fetch>>;
      try {
        target = await client.channels.fetch(channel.channelId);
      } catch (error) {
        throw new HotlineError(
          "platform_failed",
          `discord: cannot fetch channel ${channel.channelId}`,
          { cause: error },
        );
      }
      if (!target?.isSendable()) {
        throw new HotlineError(
          "platform_failed",
          `discord: channel ${channel.channelId} cannot receive messages`,
        );
      }
      for (const message of renderDigest(digest)) await target.send(asChannelMessage(message));
    },
  };
}
