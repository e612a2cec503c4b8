/**
 * Delivers on-this-day digests to Discord channels for the scheduler: fetches the channel, then
 * sends the rendered digest messages in order.
 */

import type { Client } from "discord.js";
import { HotlineError } from "../../src/errors.js";
import type { PostSender } from "../../src/schedule/types.js";
import { holdsGuild } from "./guild-shard.js";
import { renderDigest } from "./render.js";
import { asChannelMessage } from "./send.js";

/**
 * A {@link PostSender} over a connected client. It owns the Discord channels of guilds whose
 * shard (`(guildId >> 22) % shardCount`) is one of the client's shards, so when shards are
 * split across processes or machines each server's post is claimed only by a process that
 * holds it; a process with every shard owns every guild (a guild the bot has left then fails
 * to send, is retried and logged, instead of being skipped silently). Throws a
 * `platform_failed` HotlineError when the channel cannot be fetched or cannot receive messages.
 */
export function createDiscordSender(client: Client): PostSender {
  return {
    platform: "discord",
    owns(channel) {
      // Read at each call: discord.js fills in the shard ids and count at login.
      const { shards, shardCount } = client.options;
      return (
        channel.platform === "discord" &&
        Array.isArray(shards) &&
        holdsGuild(channel.workspaceId, shards, shardCount ?? 1)
      );
    },
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
