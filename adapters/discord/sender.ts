/**
 * Delivers on-this-day posts to Discord channels for the scheduler, one message (part) at a
 * time. Every part carries a `nonce` derived from its {@link PartKey} with `enforce_nonce`, so
 * Discord drops a repeat of a part it already took within its nonce window: a resumed post
 * never doubles a part whose send was in flight when the process stopped.
 */
import { createHash } from "node:crypto";
import type { Client } from "discord.js";
import { HotlineError } from "../../src/errors.js";
import type { DayDigest } from "../../src/model.js";
import type { ChannelRef, PartKey, PostSender } from "../../src/schedule/types.js";
import { holdsGuild } from "./guild-shard.js";
import type { DiscordMessage } from "./message.js";
import { renderDigest } from "./render.js";
import { asChannelMessage } from "./send.js";

/**
 * How long after a first send Discord is assumed to drop a repeat of its nonce. Discord only
 * says "a few minutes"; 2 minutes is the conservative reading. Beyond it a part whose outcome
 * is unknown is not resent (at most once).
 */
export const DISCORD_NONCE_WINDOW_MS = 2 * 60_000;

/** Options of {@link createDiscordSender}. */
export interface DiscordSenderOptions {
  /** The current time, to judge the nonce window; default `() => new Date()`. */
  clock?: () => Date;
  /** Default {@link DISCORD_NONCE_WINDOW_MS}. */
  nonceWindowMs?: number;
}

/**
 * The message nonce of one part: deterministic (the same part always gets the same nonce, in
 * any process) and 25 characters, Discord's limit: `otd` and 22 base64url characters of a
 * SHA-256 of the key, so two parts never share one.
 */
export function partNonce(key: PartKey): string {
  const digest = createHash("sha256")
    .update(`${key.subscriptionId}/${key.localDate}/${key.index}/${key.count}`)
    .digest("base64url");
  return `otd${digest.slice(0, 22)}`;
}

/**
 * A {@link PostSender} over a connected client. It owns the Discord channels of guilds whose
 * shard (`(guildId >> 22) % shardCount`) is one of the client's shards, so when shards are split
 * across processes or machines each server's post is claimed only by a process that holds it; a
 * process with every shard owns every guild (a guild the bot has left then fails to send, is
 * retried and logged, instead of being skipped silently). `sendPart` rejects with a
 * `platform_failed` HotlineError when the channel cannot be fetched or cannot receive messages.
 * `checkPart` answers `resend` while the part's nonce window may still be open (the repeat is
 * then dropped if the first send arrived) and `unknown` after it.
 */
export function createDiscordSender(
  client: Client,
  options: DiscordSenderOptions = {},
): PostSender {
  const clock = options.clock ?? (() => new Date());
  const windowMs = options.nonceWindowMs ?? DISCORD_NONCE_WINDOW_MS;
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
    renderParts: (digest: DayDigest) => renderDigest(digest),
    async sendPart(channel: ChannelRef, part: unknown, key: PartKey) {
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
      await target.send({
        ...asChannelMessage(part as DiscordMessage),
        nonce: partNonce(key),
        enforceNonce: true,
      });
    },
    async checkPart(_channel: ChannelRef, _key: PartKey, since: Date) {
      // `since` is no later than the part's first send, so inside the window here means inside
      // it for the first send too.
      return clock().getTime() - since.getTime() <= windowMs ? "resend" : "unknown";
    },
  };
}
