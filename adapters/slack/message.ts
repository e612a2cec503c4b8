/**
 * Slack's message primitives, the adapter's one reply helper: {@link escapeSlack}, which every
 * text that reaches Slack goes through, Block Kit sections and {@link pack}, which fits every
 * message within Slack's limits ({@link SLACK_LIMITS}); long content is split across blocks and
 * messages, never dropped.
 */

import type { types } from "@slack/bolt";
import { cutText, type SplitOptions, splitText } from "../../src/present/split.js";

export type Block = types.KnownBlock;

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

/** Prefixes every line with `>` so Slack shows it as a block quote. */
export function asQuote(escaped: string): string {
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
export function section(text: string): Block {
  return { type: "section", text: { type: "mrkdwn", text, verbatim: true } };
}

export function context(text: string): Block {
  return { type: "context", elements: [{ type: "mrkdwn", text, verbatim: true }] };
}

/** Section blocks for a (possibly long) escaped mrkdwn text, each within the section limit. */
export function sections(escaped: string, quote = false): Block[] {
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
export function linesToSections(lines: string[]): Block[] {
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
export function blockChars(block: Block): number {
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

export const MESSAGE_BLOCK_CHARS = SLACK_LIMITS.messageChars - SLACK_LIMITS.fallbackChars;

/**
 * Packs groups of blocks into messages within the block and character limits. A group (e.g. a
 * quote and its citation) stays in one message when it fits in one; otherwise its blocks are
 * packed one by one. Order is kept and nothing is dropped.
 */
export function pack(groups: Block[][]): SlackMessage[] {
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
