/**
 * Turns a platform-neutral {@link CommandResult} into Discord messages (mostly embeds).
 *
 * Every message leaves through {@link discordMessage}, the one reply helper: it turns off all
 * pings (`allowed_mentions: { parse: [] }`, no replied-user ping), suppresses link previews on
 * plain-text messages and checks every Discord limit, so quoted corpus text or an echoed
 * question can never ping `@everyone` or break a send. Long answers become several messages
 * (the caller sends the first as the reply and the rest as follow-ups); text is split at
 * paragraph, line, sentence or word boundaries and nothing is dropped.
 */

import { type APIEmbed, escapeMarkdown, MessageFlags } from "discord.js";
import type { CommandResult } from "../../src/commands/run.js";
import { HotlineError } from "../../src/errors.js";
import type { DayDigest, Quote, Reply, SourceSummary, TimelineEvent } from "../../src/model.js";
import { type CitationParts, citationParts } from "../../src/present/citation.js";
import { digestView } from "../../src/present/digest.js";
import { formatDate } from "../../src/present/format.js";
import { cutText, splitText } from "../../src/present/split.js";
import {
  COMMAND_MENTION,
  NO_EVENTS_MESSAGE,
  noAnswerText,
  rejectionText,
  SOURCES_DIFFER_LABEL,
} from "../../src/present/texts.js";

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

/** Options of {@link renderResult}. */
export interface RenderOptions {
  /**
   * Whether private results become ephemeral messages. Default true; pass false outside
   * interactions (a message in a channel or thread cannot be ephemeral).
   */
  ephemeral?: boolean;
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

function link(text: string, url: string): string {
  return `[${linkText(text)}](${linkUrl(url)})`;
}

/** "[Original](url), Publisher, 3 March 2008": a translation's original, for citations. */
function originalCitation(original: NonNullable<CitationParts["original"]>): string {
  return [link(original.title, original.url), ...original.facts.map(escapeText)].join(", ");
}

/**
 * "— [Title](url), Publisher, Author, 29 December 2008, ¶5" from the core's citation parts, and
 * "(translation of …)" for a translation.
 */
function citation(quote: Quote): string {
  const parts = citationParts(quote.source, quote.location);
  const translated = parts.original ? ` (translation of ${originalCitation(parts.original)})` : "";
  return `— ${[link(parts.title, parts.url), ...parts.facts.map(escapeText)].join(", ")}${translated}`;
}

function blockQuote(text: string): string {
  return text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
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
function textMessages(text: string, ephemeral: boolean): DiscordMessage[] {
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
function embedMessages(
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

/** A quote as block-quote items (split when longer than a description) with its citation. */
function quoteItems(quote: Quote, lead?: string): string[] {
  const cite = citation(quote);
  const prefix = lead ? `${lead}\n` : "";
  const budget = Math.max(DISCORD_LIMITS.embedDescription - cite.length - prefix.length - 3, 500);
  const pieces = splitText(blockQuote(escapeText(quote.text)), budget).map((piece) =>
    // A cut inside a line leaves the continuation without its "> ".
    piece.startsWith(">") ? piece : `> ${piece}`,
  );
  if (pieces.length === 0) return [`${prefix}${cite}`];
  pieces[0] = `${prefix}${pieces[0]}`;
  pieces[pieces.length - 1] = `${pieces[pieces.length - 1]}\n${cite}`;
  return pieces;
}

/** Command names in a core text as code spans. */
function markCommands(text: string): string {
  return escapeText(text).replace(COMMAND_MENTION, (c) => `\`${c}\``);
}

function answerMessages(
  command: "ask" | "when",
  reply: Reply,
  ephemeral: boolean,
): DiscordMessage[] {
  if (reply.status === "rejected") return textMessages(rejectionText(reply), true);
  const question = escapeText(reply.question);
  if (reply.status === "no_answer") {
    const title = command === "when" ? `When: ${question}` : question;
    return embedMessages({ title }, [markCommands(noAnswerText(reply.note))], ephemeral);
  }
  const items: string[] = [];
  let head: { title: string; footer?: string };
  if (command === "when" && reply.date) {
    // Footers render no markdown, so the raw event text is shown as typed.
    head = { title: formatDate(reply.date, true), footer: `Event: ${reply.question}` };
  } else {
    const title = cutText(question, DISCORD_LIMITS.embedTitle);
    head = { title };
    // A long question loses its end in the title; show it whole once.
    if (title !== question) items.push(`**Question:** ${question}`);
  }
  for (const quote of reply.quotes) items.push(...quoteItems(quote));
  if (reply.note) items.push(`**${SOURCES_DIFFER_LABEL}:** ${escapeText(reply.note)}`);
  return embedMessages(head, items, ephemeral);
}

function shortCitation(quote: Quote): string {
  return `${link(quote.source.publisher, quote.source.url)} ${quote.location}`;
}

function timelineMessages(events: TimelineEvent[], ephemeral: boolean): DiscordMessage[] {
  if (events.length === 0) return textMessages(NO_EVENTS_MESSAGE, ephemeral);
  const items = events.map(
    (event) =>
      `**${formatDate(event.date, true)}** — ${escapeText(event.label)} (${shortCitation(event.quote)})`,
  );
  // One line per event: join lines (not paragraphs) so more fit per embed.
  const lines: string[] = [];
  let current = "";
  for (const item of items) {
    if (current !== "" && current.length + 1 + item.length > DISCORD_LIMITS.embedDescription) {
      lines.push(current);
      current = item;
    } else current = current === "" ? item : `${current}\n${item}`;
  }
  if (current !== "") lines.push(current);
  return embedMessages(
    {
      title: `Timeline: ${events.length} dated event${events.length === 1 ? "" : "s"}`,
      footer: "Ask /hotline when <event> for the quoted sentence behind a date.",
    },
    lines,
    ephemeral,
  );
}

/**
 * Renders an on-this-day digest from the core's {@link digestView}: its title, then each event's
 * heading and quoted sentence. Public (used for scheduled posts too).
 */
export function renderDigest(digest: DayDigest, options: RenderOptions = {}): DiscordMessage[] {
  const ephemeral = options.ephemeral ?? false;
  const view = digestView(digest);
  if (view.items.length === 0) return textMessages(view.title, ephemeral);
  return embedMessages(
    { title: view.title },
    view.items.map(({ heading, event }) => quoteItems(event.quote, `**${heading}**`).join("\n\n")),
    ephemeral,
  );
}

function sourceItem(source: SourceSummary): string {
  const facts = [escapeText(source.publisher)];
  if (source.author) facts.push(escapeText(source.author));
  if (source.published) facts.push(formatDate({ iso: source.published }));
  facts.push(`${source.paragraphs} paragraph${source.paragraphs === 1 ? "" : "s"}`);
  facts.push(`${source.events} dated event${source.events === 1 ? "" : "s"}`);
  let item = `**${link(source.title, source.url)}**\n${facts.join(" · ")}`;
  const { original } = citationParts(source);
  if (original) item += `\nTranslation of ${originalCitation(original)}`;
  return item;
}

function sourcesMessages(sources: SourceSummary[], ephemeral: boolean): DiscordMessage[] {
  if (sources.length === 0) return textMessages("The corpus has no documents.", ephemeral);
  return embedMessages(
    { title: `Sources (${sources.length})` },
    sources.map(sourceItem),
    ephemeral,
  );
}

/** Help lines as one embed: the first line introduces, the rest are bullets. */
function helpMessages(lines: string[], ephemeral: boolean): DiscordMessage[] {
  const [intro = "", ...rest] = lines;
  const body = [intro, "", ...rest.map((line) => `• ${line}`)].join("\n");
  return embedMessages({ title: "hotline: help" }, [body], ephemeral);
}

/**
 * Renders a command result as one or more messages, in order: send the first as the reply and
 * the rest as follow-ups. Rejections and notices are plain text; everything else is embeds.
 * Private results are ephemeral unless `options.ephemeral` is false; rejections and errors are
 * always private in interactions.
 */
export function renderResult(result: CommandResult, options: RenderOptions = {}): DiscordMessage[] {
  const allowEphemeral = options.ephemeral ?? true;
  const ephemeral = allowEphemeral && result.visibility === "private";
  let messages: DiscordMessage[];
  switch (result.kind) {
    case "answer":
      messages = answerMessages(result.command, result.reply, ephemeral);
      break;
    case "timeline":
      messages = timelineMessages(result.events, ephemeral);
      break;
    case "today":
      messages = renderDigest(result.digest, { ephemeral });
      break;
    case "sources":
      messages = sourcesMessages(result.sources, ephemeral);
      break;
    case "help":
      messages = helpMessages(result.lines, ephemeral);
      break;
    case "notice":
      messages = textMessages(result.message, ephemeral);
      break;
  }
  if (allowEphemeral) return messages;
  return messages.map((m) => ({ ...m, flags: m.flags & ~MessageFlags.Ephemeral }));
}

/** A thread name from a question: ≤ 100 characters, cut at a word, never empty. */
export function threadName(question: string): string {
  const clean = question.replace(/\s+/g, " ").trim();
  return cutText(clean === "" ? "hotline" : clean, DISCORD_LIMITS.threadName);
}
