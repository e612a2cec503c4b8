/**
 * Turns a platform-neutral {@link CommandResult} into Discord messages (mostly embeds): answers,
 * timelines, digests, sources and help, built from the core's presentation parts. Long answers
 * become several messages (the caller sends the first as the reply and the rest as follow-ups).
 * Every message is made by the primitives in `message.ts`.
 */

import { MessageFlags } from "discord.js";
import type { CommandResult } from "../../src/commands/run.js";
import type { DayDigest, Quote, Reply, SourceSummary, TimelineEvent } from "../../src/model.js";
import { type CitationParts, citationParts } from "../../src/present/citation.js";
import { digestView } from "../../src/present/digest.js";
import { eventDate, formatDate } from "../../src/present/format.js";
import { cutText, splitText } from "../../src/present/split.js";
import {
  COMMAND_MENTION,
  NO_EVENTS_MESSAGE,
  NOTE_LABEL,
  noAnswerText,
  rejectionText,
} from "../../src/present/texts.js";
import {
  DISCORD_LIMITS,
  type DiscordMessage,
  embedMessages,
  escapeText,
  link,
  textMessages,
} from "./message.js";

/** Options of {@link renderResult}. */
export interface RenderOptions {
  /**
   * Whether private results become ephemeral messages. Default true; pass false outside
   * interactions (a message in a channel or thread cannot be ephemeral).
   */
  ephemeral?: boolean;
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
  if (reply.note) items.push(`**${NOTE_LABEL}:** ${escapeText(reply.note)}`);
  return embedMessages(head, items, ephemeral);
}

function shortCitation(quote: Quote): string {
  return `${link(quote.source.publisher, quote.source.url)} ${quote.location}`;
}

function timelineMessages(events: TimelineEvent[], ephemeral: boolean): DiscordMessage[] {
  if (events.length === 0) return textMessages(NO_EVENTS_MESSAGE, ephemeral);
  const items = events.map(
    (event) =>
      `**${eventDate(event, true)}** — ${escapeText(event.label)} (${shortCitation(event.quote)})`,
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
