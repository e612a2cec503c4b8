/**
 * Typed conversions from the renderer's {@link DiscordMessage} to the option shapes of
 * discord.js's send methods. discord.js types `flags` per method as the flags that method
 * accepts; ours only ever carry Ephemeral and SuppressEmbeds, so each helper names the flags it
 * may pass instead of casting.
 */

import {
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type MessageCreateOptions,
  MessageFlags,
  type MessageReplyOptions,
} from "discord.js";
import type { DiscordMessage } from "./render.js";

function body(message: DiscordMessage) {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    ...(message.embeds !== undefined ? { embeds: message.embeds } : {}),
    allowedMentions: message.allowedMentions,
  };
}

function suppressed(message: DiscordMessage): "SuppressEmbeds"[] {
  return (message.flags & MessageFlags.SuppressEmbeds) !== 0 ? ["SuppressEmbeds"] : [];
}

/** The message as an interaction reply or follow-up (ephemeral when its flags say so). */
export function asReply(message: DiscordMessage): InteractionReplyOptions {
  const ephemeral = (message.flags & MessageFlags.Ephemeral) !== 0;
  return {
    ...body(message),
    flags: [...(ephemeral ? (["Ephemeral"] as const) : []), ...suppressed(message)],
  };
}

/**
 * The message as an edit of a deferred reply. The original response's visibility was fixed by
 * the deferral; edits may not carry Ephemeral, so it is dropped.
 */
export function asEdit(message: DiscordMessage): InteractionEditReplyOptions {
  return { ...body(message), flags: suppressed(message) };
}

/** The message for `channel.send` (a channel message cannot be ephemeral: the flag is dropped). */
export function asChannelMessage(message: DiscordMessage): MessageCreateOptions {
  return { ...body(message), flags: suppressed(message) };
}

/** The message as a reply to a user's message (never ephemeral). */
export function asMessageReply(message: DiscordMessage): MessageReplyOptions {
  return { ...body(message), flags: suppressed(message) };
}
