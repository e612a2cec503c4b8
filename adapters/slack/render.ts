/**
 * Turns a platform-neutral {@link CommandResult} into Slack messages: Block Kit blocks plus a
 * plain-text fallback, built from the core's presentation parts with the primitives of
 * `message.ts` (escaping, sections, packing within Slack's limits).
 */

import type { CommandResult } from "../../src/commands/run.js";
import type { DayDigest, Quote, SourceRef, TimelineEvent } from "../../src/model.js";
import { type CitationParts, citationParts } from "../../src/present/citation.js";
import { digestView } from "../../src/present/digest.js";
import { eventDate, formatDate, formatIso } from "../../src/present/format.js";
import { cutText } from "../../src/present/split.js";
import {
  COMMAND_MENTION,
  NO_EVENTS_MESSAGE,
  NOTE_LABEL,
  noAnswerText,
  rejectionText,
} from "../../src/present/texts.js";
import {
  asQuote,
  type Block,
  blockChars,
  context,
  escapeSlack,
  linesToSections,
  MESSAGE_BLOCK_CHARS,
  pack,
  SLACK_LIMITS,
  SLACK_SPLIT,
  type SlackMessage,
  section,
  sections,
} from "./message.js";

/** The `action_id` of the "Share with channel" button on private answers. */
export const SHARE_ACTION_ID = "hotline_share";

/** Options for {@link renderResult}. */
export interface RenderOptions {
  /**
   * When set, the last message gets a "Share with channel" button carrying this value (at most
   * 2000 characters, Slack's limit for button values; longer values get no button).
   */
  shareValue?: string | undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `<url|title>` for http(s) URLs; otherwise the escaped title alone, so no odd scheme is linked. */
function link(url: string, title: string): string {
  const label = escapeSlack(title);
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return label;
  // `|` ends the URL part of Slack's link syntax, so it must not appear inside the address.
  return `<${escapeSlack(url, { formatting: false }).replace(/\|/g, "%7C")}|${label}>`;
}

/**
 * "<url|Title> — Publisher, Author, 14 March 2008, ¶5" from the core's citation parts; a
 * translation adds its original in parentheses, since the original's date is the one readers
 * can check.
 */
function citation(source: SourceRef, location?: string): string {
  const parts = citationParts(source, location);
  let text = `${link(parts.url, parts.title)} — ${parts.facts.map((f) => escapeSlack(f)).join(", ")}`;
  if (parts.original) text += ` (${translationOf(parts.original)})`;
  return text;
}

function translationOf(original: NonNullable<CitationParts["original"]>): string {
  return `translation of ${[link(original.url, original.title), ...original.facts.map((f) => escapeSlack(f))].join(", ")}`;
}

function quoteGroup(quote: Quote): Block[] {
  return [
    ...sections(escapeSlack(quote.text), true),
    context(citation(quote.source, quote.location)),
  ];
}

/** Command names in a core text as code spans. */
function markCommands(text: string): string {
  return escapeSlack(text).replace(COMMAND_MENTION, (c) => `\`${c}\``);
}

function renderAnswer(result: Extract<CommandResult, { kind: "answer" }>): Block[][] {
  const reply = result.reply;
  if (reply.status === "rejected")
    return [[section(`:warning: ${escapeSlack(rejectionText(reply))}`)]];
  const groups: Block[][] = [];
  // The echo is a reminder of the question, not content: cutting a very long one is harmless.
  const echo = cutText(escapeSlack(reply.question), 2000, SLACK_SPLIT);
  const asked = context(`${result.command === "when" ? "When" : "Asked"}: ${echo}`);
  if (reply.status === "no_answer") {
    return [[asked, section(markCommands(noAnswerText(reply.note)))]];
  }
  if (reply.date) {
    groups.push([
      {
        type: "header",
        text: { type: "plain_text", text: capitalise(formatDate(reply.date)), emoji: false },
      },
      asked,
    ]);
  } else {
    groups.push([asked]);
  }
  for (const quote of reply.quotes) groups.push(quoteGroup(quote));
  if (reply.note)
    groups.push(sections(`:information_source: *${NOTE_LABEL}:* ${escapeSlack(reply.note)}`));
  return groups;
}

function timelineLine(event: TimelineEvent): string {
  return (
    `• *${escapeSlack(eventDate(event))}* — ${escapeSlack(event.quote.text)} ` +
    // The timeline lists many events: a short citation keeps it readable (`sources` has the rest).
    `(${link(event.quote.source.url, event.quote.source.title)}, ${escapeSlack(event.quote.location)})`
  );
}

function renderTimeline(events: TimelineEvent[]): Block[][] {
  if (events.length === 0) return [[section(NO_EVENTS_MESSAGE)]];
  return [
    [
      section(
        `*Timeline* — ${events.length} dated event${events.length === 1 ? "" : "s"}, oldest first`,
      ),
    ],
    ...linesToSections(events.map(timelineLine)).map((b) => [b]),
  ];
}

function dayEventGroup(event: TimelineEvent, heading: string): Block[] {
  return [
    ...sections(`*${escapeSlack(heading)}*\n${asQuote(escapeSlack(event.quote.text))}`),
    context(citation(event.quote.source, event.quote.location)),
  ];
}

function renderToday(digest: DayDigest): Block[][] {
  const view = digestView(digest);
  const title: Block[] =
    digest.events.length > 0
      ? [{ type: "header", text: { type: "plain_text", text: view.title, emoji: false } }]
      : [section(escapeSlack(view.title))];
  return [title, ...view.items.map(({ heading, event }) => dayEventGroup(event, heading))];
}

function renderSources(result: Extract<CommandResult, { kind: "sources" }>): Block[][] {
  const lines = result.sources.map((s) => {
    const by = s.author ? ` by ${escapeSlack(s.author)}` : "";
    const date = s.published ? `, ${escapeSlack(formatIso(s.published))}` : "";
    let line =
      `• *${link(s.url, s.title)}*${by} — ${escapeSlack(s.publisher)}${date}. ` +
      `${s.paragraphs} paragraphs, ${s.events} dated events.`;
    const { original } = citationParts(s);
    if (original) line += ` A ${translationOf(original)}.`;
    return line;
  });
  return [
    [section(`*Sources* — ${result.sources.length} documents`)],
    ...linesToSections(lines).map((b) => [b]),
  ];
}

function renderHelp(lines: string[]): Block[][] {
  const [intro = "", ...rest] = lines;
  const usage = rest.map((line) => {
    // Spec lines are `/hotline usage — description`; show the usage as code.
    const [cmd, ...desc] = line.split(" — ");
    return desc.length > 0 && cmd?.startsWith("/")
      ? `• \`${escapeSlack(cmd, { formatting: false })}\` — ${escapeSlack(desc.join(" — "))}`
      : `• ${escapeSlack(line)}`;
  });
  usage.push(
    "• Add `--hide` to see an answer alone, or `--public` to show it to the channel. " +
      "A bare `/hotline &lt;question&gt;` asks.",
  );
  return [[section(escapeSlack(intro))], linesToSections(usage)];
}

/**
 * Renders a command result as one or more Slack messages, in order. Every message satisfies
 * {@link SLACK_LIMITS}; long content is split at paragraph, sentence or word boundaries.
 * Visibility is not decided here: the caller posts according to `result.visibility`.
 */
export function renderResult(result: CommandResult, options: RenderOptions = {}): SlackMessage[] {
  let groups: Block[][];
  switch (result.kind) {
    case "answer":
      groups = renderAnswer(result);
      break;
    case "timeline":
      groups = renderTimeline(result.events);
      break;
    case "today":
      groups = renderToday(result.digest);
      break;
    case "sources":
      groups = renderSources(result);
      break;
    case "help":
      groups = renderHelp(result.lines);
      break;
    case "notice":
      groups = [
        sections(`${result.tone === "error" ? ":warning: " : ""}${escapeSlack(result.message)}`),
      ];
      break;
  }
  const messages = pack(groups);
  const last = messages.at(-1);
  if (last && options.shareValue !== undefined && options.shareValue.length <= 2000) {
    const button: Block = {
      type: "actions",
      block_id: SHARE_ACTION_ID,
      elements: [
        {
          type: "button",
          action_id: SHARE_ACTION_ID,
          text: { type: "plain_text", text: "Share with channel", emoji: false },
          value: options.shareValue,
        },
      ],
    };
    const size = last.blocks.reduce((n, b) => n + blockChars(b), 0) + blockChars(button);
    if (last.blocks.length < SLACK_LIMITS.blocksPerMessage && size <= MESSAGE_BLOCK_CHARS) {
      last.blocks.push(button);
    } else {
      messages.push({ blocks: [button], text: "Share this answer with the channel" });
    }
  }
  return messages;
}

/** Renders the daily on-this-day post for a subscribed channel (the `today` digest). */
export function renderOnThisDay(digest: DayDigest): SlackMessage[] {
  return renderResult({ kind: "today", digest, visibility: "public" });
}

/**
 * Fits messages into what one `response_url` accepts (five responses): when there are more,
 * the first four are kept and the fifth says how many parts are left and how to get them all
 * (a mention answers in a thread, where there is no such limit). Nothing disappears silently.
 */
export function fitResponseUrl(messages: SlackMessage[], mentionHint: string): SlackMessage[] {
  if (messages.length <= SLACK_LIMITS.responsesPerUrl) return messages;
  const kept = messages.slice(0, SLACK_LIMITS.responsesPerUrl - 1);
  const left = messages.length - kept.length;
  const text =
    `:warning: This answer has ${left} more part${left === 1 ? "" : "s"} than a slash command can show. ` +
    `Mention me in a thread for all of it: ${escapeSlack(mentionHint)}`;
  return [...kept, { text, blocks: [section(text)] }];
}
