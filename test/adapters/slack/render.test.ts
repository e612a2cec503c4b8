import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeSlack, SLACK_LIMITS, type SlackMessage } from "../../../adapters/slack/message.js";
import { fitResponseUrl, renderResult, SHARE_ACTION_ID } from "../../../adapters/slack/render.js";
import type { CommandResult } from "../../../src/commands/run.js";
import type { Quote, SourceRef, TimelineEvent } from "../../../src/model.js";

const source: SourceRef = {
  id: "doc",
  title: "A <b>title</b> & more",
  publisher: "Pub & Co",
  author: null,
  published: "2008-12-29",
  url: "http://example.test/a?x=1&y=2",
  original: null,
};

function quote(text: string, location = "¶5"): Quote {
  return { text, location, source };
}

/** Every text a message carries, for escaping checks. */
function allText(message: SlackMessage): string {
  return JSON.stringify(message.blocks) + message.text;
}

function blockChars(message: SlackMessage): number {
  let n = 0;
  for (const block of message.blocks) {
    if ((block.type === "section" || block.type === "header") && block.text)
      n += block.text.text.length;
    if (block.type === "context")
      for (const e of block.elements) n += "text" in e ? e.text.length : 0;
  }
  return n;
}

function expectWithinLimits(messages: SlackMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    expect(message.blocks.length).toBeGreaterThan(0);
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackChars);
    expect(blockChars(message) + message.text.length).toBeLessThanOrEqual(
      SLACK_LIMITS.messageChars,
    );
    const limitOf = { section: SLACK_LIMITS.sectionChars, header: SLACK_LIMITS.headerChars };
    const titled = message.blocks.flatMap((block) =>
      block.type === "section" || block.type === "header"
        ? [{ chars: block.text?.text.length ?? 0, limit: limitOf[block.type] }]
        : [],
    );
    for (const { chars, limit } of titled) expect(chars).toBeLessThanOrEqual(limit);
  }
}

/** Undoes escapeSlack: drop the zero-width spaces, then decode the three entities. */
function unescapeSlack(text: string): string {
  return text
    .replace(/\u200B/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The words of all section texts, with quote markers and escaping removed. */
function words(messages: SlackMessage[]): string[] {
  return messages
    .flatMap((m) => m.blocks)
    .flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []))
    .join("\n")
    .replace(/^>/gm, "")
    .split(/\s+/)
    .filter(Boolean)
    .map(unescape);
}

describe("escapeSlack", () => {
  it("GIVEN control characters THEN only &, < and > become entities", () => {
    expect(
      escapeSlack("<!channel> <@U123> <http://x|y> &lt; \"quotes\" 'single'", {
        formatting: false,
      }),
    ).toBe("&lt;!channel&gt; &lt;@U123&gt; &lt;http://x|y&gt; &amp;lt; \"quotes\" 'single'");
  });

  it("GIVEN mrkdwn formatting characters THEN a zero-width space keeps them from pairing", () => {
    expect(escapeSlack("*bold* _it_ ~s~ `c`")).toBe(
      "\u200B*bold\u200B* \u200B_it\u200B_ \u200B~s\u200B~ \u200B`c\u200B`",
    );
  });

  it("GIVEN @channel, @here or @everyone as plain words THEN a zero-width space keeps them inert", () => {
    expect(escapeSlack("ping @channel and @Here, @everyone")).toBe(
      "ping @\u200Bchannel and @\u200BHere, @\u200Beveryone",
    );
  });

  it("GIVEN any text THEN the output has no raw < or >, every & starts an entity, and it round-trips", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii" }), (text) => {
        const out = escapeSlack(text);
        expect(out).not.toMatch(/[<>]/);
        expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
        expect(unescapeSlack(out)).toBe(text);
      }),
    );
  });
});

describe("renderResult", () => {
  it("GIVEN a when answer THEN the date leads as a header, quotes are block quotes with linked citations, and the note follows", () => {
    const result: CommandResult = {
      kind: "answer",
      command: "when",
      visibility: "public",
      reply: {
        status: "answered",
        question: "the line opened",
        date: { iso: "2008-03", precision: "month", approximate: true },
        quotes: [quote("On March 14, the ministers talked.")],
        note: "Source A says March; source B says December.",
      },
    };
    const [message, ...rest] = renderResult(result);
    expect(rest).toEqual([]);
    const blocks = message?.blocks ?? [];
    expect(blocks[0]).toMatchObject({
      type: "header",
      text: { type: "plain_text", text: "About March 2008" },
    });
    const texts = JSON.stringify(blocks);
    expect(texts).toContain(">On March 14, the ministers talked.");
    expect(texts).toContain(
      "<http://example.test/a?x=1&amp;y=2|A &lt;b&gt;title&lt;/b&gt; &amp; more> — Pub &amp; Co, 29 December 2008, ¶5",
    );
    expect(texts).toContain("*Note:*");
    expect(message?.text).toContain("About March 2008");
  });

  it("GIVEN a question with <!channel> and &lt; THEN the echo is escaped and no live mention remains", () => {
    const result: CommandResult = {
      kind: "answer",
      command: "ask",
      visibility: "public",
      reply: {
        status: "no_answer",
        question: "<!channel> what is &lt;b&gt;?",
        date: null,
        quotes: [],
        note: null,
      },
    };
    const messages = renderResult(result);
    const text = messages.map(allText).join("");
    expect(text).toContain("&lt;!channel&gt; what is &amp;lt;b&amp;gt;?");
    expect(text).not.toContain("<!channel>");
    expect(text).toContain("/hotline timeline");
    expect(text).toContain("/hotline sources");
  });

  it("GIVEN a very long quote THEN it is split across sections and messages within every limit, word for word", () => {
    const long = Array.from(
      { length: 900 },
      (_, i) => `Sentence number ${i} says the line is open.`,
    ).join(" ");
    const result: CommandResult = {
      kind: "answer",
      command: "ask",
      visibility: "public",
      reply: { status: "answered", question: "q", date: null, quotes: [quote(long)], note: null },
    };
    const messages = renderResult(result);
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    const all = words(messages);
    const start = all.indexOf("Sentence");
    expect(all.slice(start, start + long.split(" ").length)).toEqual(long.split(" "));
  });

  it("GIVEN a long timeline THEN every event appears once, packed within the limits", () => {
    const events: TimelineEvent[] = Array.from({ length: 300 }, (_, i) => ({
      id: `doc#${i}.1`,
      date: { iso: `${1900 + (i % 100)}-01-02`, precision: "day", approximate: false },
      basis: "stated",
      label: `Event ${i}`,
      quote: quote(
        `Event marker-${i}-end happened with a long description of what the officers said.`,
        `¶${i}`,
      ),
    }));
    const messages = renderResult({ kind: "timeline", events, visibility: "public" });
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    const text = messages.map((m) => JSON.stringify(m.blocks)).join("");
    for (let i = 0; i < 300; i += 1) expect(text.split(`marker-${i}-end`).length - 1).toBe(1);
  });

  it("GIVEN a private answer with a share value THEN the last message carries the Share with channel button", () => {
    const messages = renderResult(
      { kind: "sources", sources: [], visibility: "private" },
      { shareValue: '{"name":"sources"}' },
    );
    const last = messages.at(-1)?.blocks.at(-1);
    expect(last).toMatchObject({
      type: "actions",
      elements: [{ type: "button", action_id: SHARE_ACTION_ID, value: '{"name":"sources"}' }],
    });
  });

  it("GIVEN an on-this-day digest THEN each event reads 'On this day in YEAR'", () => {
    const event: TimelineEvent = {
      id: "doc#1.1",
      date: { iso: "2008-03-14", precision: "day", approximate: false },
      basis: "stated",
      label: "x",
      quote: quote("On March 14, they talked."),
    };
    const [message] = renderResult({
      kind: "today",
      digest: { monthDay: "03-14", events: [event], next: null },
      visibility: "public",
    });
    expect(JSON.stringify(message?.blocks)).toContain("On this day in 2008:");
  });

  it("GIVEN help THEN usage placeholders are escaped and the flags are explained", () => {
    const [message] = renderResult({
      kind: "help",
      lines: ["Intro.", "/hotline when <event> — When did it happen?"],
      visibility: "private",
    });
    const text = JSON.stringify(message?.blocks);
    expect(text).toContain("/hotline when &lt;event&gt;");
    expect(text).toContain("--hide");
    expect(text).not.toMatch(/<event>/);
  });
});

describe("fitResponseUrl", () => {
  it("GIVEN more messages than a response URL takes THEN four are kept and the fifth says what is left", () => {
    const messages = Array.from({ length: 8 }, (_, i) => ({ text: `m${i}`, blocks: [] }));
    const fitted = fitResponseUrl(messages, "@hotline <question>");
    expect(fitted).toHaveLength(5);
    expect(fitted[4]?.text).toContain("4 more parts");
    expect(fitted[4]?.text).toContain("&lt;question&gt;");
  });
});
