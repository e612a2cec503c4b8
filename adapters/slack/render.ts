/**
 * Turns a platform-neutral {@link CommandResult} into Slack messages: Block Kit blocks plus a
 * plain-text fallback. This is the Slack adapter's one reply helper: every text that reaches Slack
 * goes through {@link escapeSlack}, and every message fits Slack's limits
 * ({@link SLACK_LIMITS}); long content is split across blocks and messages, never dropped.
 */

import type { types } from "@slack/bolt";
import type { CommandResult } from "../../src/commands/run.js";
import type { DayDigest, Quote, SourceRef, TimelineEvent } from "../../src/model.js";
import { type CitationParts, citationParts } from "../../src/present/citation.js";
import { digestView } from "../../src/present/digest.js";
import { formatDate, formatIso } from "../../src/present/format.js";
import { cutText, type SplitOptions, splitText } from "../../src/present/split.js";
import {
  COMMAND_MENTION,
  NO_EVENTS_MESSAGE,
  noAnswerText,
  rejectionText,
  SOURCES_DIFFER_LABEL,
} from "../../src/present/texts.js";

type Block = types.KnownBlock;

/** One Slack message: what `chat.postMessage` or a `response_url` receives (minus channel). */
export interface SlackMessage {
  /** Notification and accessibility fallback, mrkdwn, already escaped (at most `fallbackChars`). */
  text: string;
  blocks: Block[];
}

/** Slack's documented limits, and the practical per-message budget we keep under. */
export const SLACK_LIMITS = {
  /** Characters in one section block's text (Slack rejects more). */
  sectionChars: 3000,
  /** Blocks in one message (Slack rejects more). */
  blocksPerMessage: 50,
  /** Characters per message, blocks and fallback together: Slack truncates or rejects beyond ~12k. */
  messageChars: 12_000,
  /** Characters of the fallback `text`; the full content is always in the blocks. */
  fallbackChars: 1000,
  /** Characters in a header block's plain text. */
  headerChars: 150,
  /** Elements in one context block. */
  contextElements: 10,
  /** Messages one `response_url` accepts (Slack allows five responses per URL). */
  responsesPerUrl: 5,
} as const;

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

// Zero-width space: Slack mrkdwn has no escape character, so a ZWSP before a formatting
// character keeps it from pairing into bold, italic, strike or code while rendering unchanged.
const ZWSP = "\u200B";

/**
 * The one escaping function of the Slack adapter. Replaces `&`, `<` and `>` with `&amp;`, `&lt;`
 * and `&gt;` (Slack's three control characters), so echoed or quoted text can never become
 * `<!channel>`, `<!here>`, `<@U…>` or a link. Nothing else is entity-encoded: `&lt;` typed by a
 * user comes out as the visible text `&lt;`.
 *
 * With `formatting: true` (the default) it also puts a zero-width space before `*`, `_`, `~` and
 * `` ` `` so quoted text cannot turn into bold, italics, strike-through or code, and after the `@`
 * of `@channel`, `@here` and `@everyone` so no parser can read them as broadcasts. Use
 * `formatting: false` only for URLs inside `<url|title>`, where a ZWSP would break the address.
 */
export function escapeSlack(text: string, options: { formatting?: boolean } = {}): string {
  const escaped = text.replace(/[&<>]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;",
  );
  if (options.formatting === false) return escaped;
  return escaped
    .replace(/[*_~`]/g, `${ZWSP}$&`)
    .replace(/@(channel|here|everyone)\b/gi, `@${ZWSP}$1`);
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

/** Prefixes every line with `>` so Slack shows it as a block quote. */
function asQuote(escaped: string): string {
  return escaped
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");
}

/**
 * Cuts in Slack's escaped mrkdwn must not leave half an entity (`&am`) or half a link
 * (`<http://…|title`) at the end of a piece.
 */
export const SLACK_SPLIT: SplitOptions = {
  unsafeTail(text, end) {
    let cut = -1;
    const amp = text.lastIndexOf("&", end);
    if (amp > 0 && amp > end - 5 && !text.slice(amp, end).includes(";")) cut = amp;
    const open = text.lastIndexOf("<", cut > 0 ? cut : end);
    if (open > 0 && open > text.lastIndexOf(">", cut > 0 ? cut : end)) cut = open;
    return cut;
  },
};

// `verbatim: true` stops Slack from auto-linking bare URLs, channel names and mentions in our
// text; the explicit `<url|title>` links we write still work.
function section(text: string): Block {
  return { type: "section", text: { type: "mrkdwn", text, verbatim: true } };
}

function context(text: string): Block {
  return { type: "context", elements: [{ type: "mrkdwn", text, verbatim: true }] };
}

/** Section blocks for a (possibly long) escaped mrkdwn text, each within the section limit. */
function sections(escaped: string, quote = false): Block[] {
  // Leave room for the `>` added to each line of a quoted chunk.
  const max = SLACK_LIMITS.sectionChars - (quote ? 200 : 0);
  const out: Block[] = [];
  for (const chunk of splitText(escaped, max, SLACK_SPLIT)) {
    const text = quote ? asQuote(chunk) : chunk;
    if (text.length <= SLACK_LIMITS.sectionChars) out.push(section(text));
    else out.push(...sections(chunk.replace(/\n+/g, " "), quote));
  }
  return out;
}

/** Packs lines into as few sections as the section limit allows, in order. */
function linesToSections(lines: string[]): Block[] {
  const out: Block[] = [];
  let current = "";
  const flush = () => {
    if (current !== "") out.push(section(current));
    current = "";
  };
  for (const line of lines) {
    if (line.length > SLACK_LIMITS.sectionChars) {
      flush();
      out.push(...sections(line));
    } else if (current.length + 1 + line.length > SLACK_LIMITS.sectionChars) {
      flush();
      current = line;
    } else {
      current = current === "" ? line : `${current}\n${line}`;
    }
  }
  flush();
  return out;
}

/** The characters of a block that count towards a message's size. */
function blockChars(block: Block): number {
  switch (block.type) {
    case "section":
    case "header":
      return block.text?.text.length ?? 0;
    case "context":
      return block.elements.reduce((n, e) => n + ("text" in e ? e.text.length : 0), 0);
    case "actions":
      return block.elements.reduce(
        (n, e) =>
          n +
          ("text" in e && e.text ? e.text.text.length : 0) +
          ("value" in e ? (e.value?.length ?? 0) : 0),
        0,
      );
    default:
      return 0;
  }
}

function blockPlainText(block: Block): string {
  switch (block.type) {
    case "section":
    case "header":
      return block.text?.text ?? "";
    case "context":
      return block.elements.map((e) => ("text" in e ? e.text : "")).join(" ");
    default:
      return "";
  }
}

function fallbackFor(blocks: Block[]): string {
  const plain = blocks
    .map(blockPlainText)
    .filter((t) => t !== "")
    .join("\n");
  return cutText(plain, SLACK_LIMITS.fallbackChars, SLACK_SPLIT) || "hotline";
}

const MESSAGE_BLOCK_CHARS = SLACK_LIMITS.messageChars - SLACK_LIMITS.fallbackChars;

/**
 * Packs groups of blocks into messages within the block and character limits. A group (e.g. a
 * quote and its citation) stays in one message when it fits in one; otherwise its blocks are
 * packed one by one. Order is kept and nothing is dropped.
 */
function pack(groups: Block[][]): SlackMessage[] {
  const messages: Block[][] = [];
  let current: Block[] = [];
  let chars = 0;
  const fits = (count: number, size: number) =>
    current.length + count <= SLACK_LIMITS.blocksPerMessage && chars + size <= MESSAGE_BLOCK_CHARS;
  const flush = () => {
    if (current.length > 0) messages.push(current);
    current = [];
    chars = 0;
  };
  const add = (blocks: Block[], size: number) => {
    current.push(...blocks);
    chars += size;
  };
  for (const group of groups) {
    const size = group.reduce((n, b) => n + blockChars(b), 0);
    if (fits(group.length, size)) {
      add(group, size);
      continue;
    }
    flush();
    if (fits(group.length, size)) {
      add(group, size);
      continue;
    }
    for (const block of group) {
      const blockSize = blockChars(block);
      if (!fits(1, blockSize)) flush();
      add([block], blockSize);
    }
  }
  flush();
  return messages.map((blocks) => ({ blocks, text: fallbackFor(blocks) }));
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
    groups.push(sections(`:warning: *${SOURCES_DIFFER_LABEL}:* ${escapeSlack(reply.note)}`));
  return groups;
}

function timelineLine(event: TimelineEvent): string {
  return (
    `• *${escapeSlack(formatDate(event.date))}* — ${escapeSlack(event.quote.text)} ` +
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
