/**
 * Sending rendered {@link DiscordMessage}s: typed conversions to the option shapes of discord.js's
 * send methods, and the reply sequences (first message as the reply, the rest as follow-ups). discord.js types `flags` per method as the flags that method
 * accepts; ours only ever carry Ephemeral and SuppressEmbeds, so each helper names the flags it
 * may pass instead of casting.
 */

import {
  type ChatInputCommandInteraction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type Message,
  type MessageCreateOptions,
  MessageFlags,
  type MessageReplyOptions,
} from "discord.js";
import type { DiscordMessage } from "./message.js";

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
function asEdit(message: DiscordMessage): InteractionEditReplyOptions {
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

/** Whether the deferred reply is visible to everyone, only the asker, or there was none. */
export type Deferral = "public" | "private" | undefined;

/**
 * Sends messages as the interaction's response and follow-ups. When the deferral was public
 * but the first message is private (a rejection or a failure), the public placeholder is
 * deleted and the message follows up ephemerally, so only the asker sees it.
 */
export async function sendInteraction(
  interaction: ChatInputCommandInteraction,
  messages: DiscordMessage[],
  deferred: Deferral,
): Promise<void> {
  const [first, ...rest] = messages;
  if (!first) return;
  const firstPrivate = (first.flags & MessageFlags.Ephemeral) !== 0;
  if (deferred === undefined) {
    await interaction.reply(asReply(first));
  } else if (deferred === "public" && firstPrivate) {
    await interaction.deleteReply();
    await interaction.followUp(asReply(first));
  } else {
    await interaction.editReply(asEdit(first));
  }
  for (const message of rest) await interaction.followUp(asReply(message));
}

/** Replies to `message` with the first message and sends the rest to its channel. */
export async function replyInChannel(message: Message, messages: DiscordMessage[]): Promise<void> {
  const [first, ...rest] = messages;
  if (!first) return;
  await message.reply(asMessageReply(first));
  if (!message.channel.isSendable()) return;
  for (const m of rest) await message.channel.send(asChannelMessage(m));
}
