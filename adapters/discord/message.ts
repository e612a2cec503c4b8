/**
 * Discord's message primitives: the documented limits, escaping, and {@link discordMessage}, the
 * one reply helper every message leaves through. It turns off all pings (`allowed_mentions:
 * { parse: [] }`, no replied-user ping), suppresses link previews on plain-text messages and
 * checks every Discord limit, so quoted corpus text or an echoed question can never ping
 * `@everyone` or break a send. Text is split at paragraph, line, sentence or word boundaries
 * and nothing is dropped.
 */

import { type APIEmbed, escapeMarkdown, MessageFlags } from "discord.js";
import { HotlineError } from "../../src/errors.js";
import { cutText, splitText } from "../../src/present/split.js";

/** Discord's documented message limits (characters). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  embeds: 10,
  /** Title, description, field names and values, footer and author of all embeds of one message. */
  embedTotal: 6000,
  threadName: 100,
} as const;

/** The accent colour of hotline embeds (a muted telephone red). */
const COLOUR = 0xb03a2e;

/** A message ready for discord.js `reply`, `followUp`, `editReply` or `channel.send`. */
export interface DiscordMessage {
  content?: string;
  embeds?: APIEmbed[];
  /** `MessageFlags` bits: Ephemeral for private interaction replies, SuppressEmbeds for text. */
  flags: number;
  /** Always "nobody": discord.js sends it as `allowed_mentions: { parse: [], replied_user: false }`. */
  allowedMentions: { parse: []; repliedUser: false };
}

/** Escapes Discord markdown in text we did not write (questions, corpus text). */
export function escapeText(text: string): string {
  return escapeMarkdown(text, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
}

function linkText(text: string): string {
  // Brackets would end the masked link early.
  return escapeText(text).replace(/[[\]]/g, (c) => `\\${c}`);
}

function linkUrl(url: string): string {
  // A bare ")" would end the link target early.
  return url.replace(/[()\s]/g, (c) =>
    encodeURIComponent(c).replace("(", "%28").replace(")", "%29"),
  );
}

export function link(text: string, url: string): string {
  return `[${linkText(text)}](${linkUrl(url)})`;
}

function embedLength(embed: APIEmbed): number {
  let total = (embed.title ?? "").length + (embed.description ?? "").length;
  total += (embed.footer?.text ?? "").length + (embed.author?.name ?? "").length;
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

function checkLimits(message: Omit<DiscordMessage, "flags" | "allowedMentions">): void {
  const fail = (what: string, length: number, limit: number): never => {
    throw new HotlineError(
      "platform_failed",
      `discord: ${what} is ${length} characters; the limit is ${limit}`,
    );
  };
  const content = message.content ?? "";
  if (content.length > DISCORD_LIMITS.content)
    fail("message content", content.length, DISCORD_LIMITS.content);
  const embeds = message.embeds ?? [];
  if (embeds.length > DISCORD_LIMITS.embeds)
    fail("embed count", embeds.length, DISCORD_LIMITS.embeds);
  let total = 0;
  for (const embed of embeds) {
    const title = embed.title ?? "";
    if (title.length > DISCORD_LIMITS.embedTitle)
      fail("embed title", title.length, DISCORD_LIMITS.embedTitle);
    const description = embed.description ?? "";
    if (description.length > DISCORD_LIMITS.embedDescription) {
      fail("embed description", description.length, DISCORD_LIMITS.embedDescription);
    }
    const footer = embed.footer?.text ?? "";
    if (footer.length > DISCORD_LIMITS.footer)
      fail("embed footer", footer.length, DISCORD_LIMITS.footer);
    const fields = embed.fields ?? [];
    if (fields.length > DISCORD_LIMITS.fields)
      fail("embed field count", fields.length, DISCORD_LIMITS.fields);
    for (const field of fields) {
      if (field.name.length > DISCORD_LIMITS.fieldName) {
        fail("embed field name", field.name.length, DISCORD_LIMITS.fieldName);
      }
      if (field.value.length > DISCORD_LIMITS.fieldValue) {
        fail("embed field value", field.value.length, DISCORD_LIMITS.fieldValue);
      }
    }
    total += embedLength(embed);
  }
  if (total > DISCORD_LIMITS.embedTotal) fail("embed total", total, DISCORD_LIMITS.embedTotal);
  if (content === "" && embeds.length === 0) {
    throw new HotlineError("platform_failed", "discord: refusing to send an empty message");
  }
}

/**
 * The one reply helper: every message the bot sends is built here. Pings nobody, suppresses
 * link previews on text-only messages (our own embeds stay), marks private replies ephemeral,
 * and throws a `platform_failed` HotlineError if a Discord limit would be exceeded (a bug in a
 * renderer, never user input: renderers split first).
 */
export function discordMessage(
  body: { content?: string; embeds?: APIEmbed[] },
  options: { ephemeral?: boolean } = {},
): DiscordMessage {
  checkLimits(body);
  let flags = 0;
  if (options.ephemeral) flags |= MessageFlags.Ephemeral;
  if (!body.embeds || body.embeds.length === 0) flags |= MessageFlags.SuppressEmbeds;
  const message: DiscordMessage = { flags, allowedMentions: { parse: [], repliedUser: false } };
  if (body.content !== undefined) message.content = body.content;
  if (body.embeds && body.embeds.length > 0) message.embeds = body.embeds;
  return message;
}

/** Plain text, split into as many messages as the content limit needs. */
export function textMessages(text: string, ephemeral: boolean): DiscordMessage[] {
  return splitText(text, DISCORD_LIMITS.content).map((content) =>
    discordMessage({ content }, { ephemeral }),
  );
}

/** Joins items (each ≤ the description limit) into as few descriptions as fit. */
function packDescriptions(items: string[]): string[] {
  const descriptions: string[] = [];
  let current = "";
  for (const item of items) {
    for (const piece of splitText(item, DISCORD_LIMITS.embedDescription)) {
      if (current === "") current = piece;
      else if (current.length + 2 + piece.length <= DISCORD_LIMITS.embedDescription)
        current += `\n\n${piece}`;
      else {
        descriptions.push(current);
        current = piece;
      }
    }
  }
  if (current !== "") descriptions.push(current);
  return descriptions;
}

/**
 * Builds embeds (title on the first, footer on the last) from description items and packs
 * them into messages within the 10-embed and 6000-character limits.
 */
export function embedMessages(
  head: { title: string; url?: string; footer?: string },
  items: string[],
  ephemeral: boolean,
): DiscordMessage[] {
  const title = cutText(head.title, DISCORD_LIMITS.embedTitle);
  const footer =
    head.footer === undefined ? undefined : cutText(head.footer, DISCORD_LIMITS.footer);
  const descriptions = packDescriptions(items);
  if (descriptions.length === 0) descriptions.push("");
  const embeds: APIEmbed[] = descriptions.map((description, index) => {
    const embed: APIEmbed = { color: COLOUR };
    if (index === 0) embed.title = title;
    if (description !== "") embed.description = description;
    if (index === descriptions.length - 1 && footer) embed.footer = { text: footer };
    return embed;
  });
  const messages: DiscordMessage[] = [];
  let batch: APIEmbed[] = [];
  let batchLength = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (
      batch.length > 0 &&
      (batch.length === DISCORD_LIMITS.embeds || batchLength + length > DISCORD_LIMITS.embedTotal)
    ) {
      messages.push(discordMessage({ embeds: batch }, { ephemeral }));
      batch = [];
      batchLength = 0;
    }
    batch.push(embed);
    batchLength += length;
  }
  if (batch.length > 0) messages.push(discordMessage({ embeds: batch }, { ephemeral }));
  return messages;
}
