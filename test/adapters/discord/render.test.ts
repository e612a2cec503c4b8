import type { APIEmbed } from "discord.js";
import { escapeMarkdown, MessageFlags } from "discord.js";
import { describe, expect, test } from "vitest";
import {
  DISCORD_LIMITS,
  type DiscordMessage,
  discordMessage,
} from "../../../adapters/discord/message.js";
import { renderDigest, renderResult, threadName } from "../../../adapters/discord/render.js";
import type { CommandResult } from "../../../src/commands/run.js";
import { helpLines } from "../../../src/commands/spec.js";
import type { Quote, SourceRef, TimelineEvent } from "../../../src/model.js";

const source: SourceRef = {
  id: "doc",
  title: "Army phone links [China] and Russia",
  publisher: "BBC News",
  author: "Chris Hogg",
  published: "2008-12-29",
  url: "http://news.bbc.co.uk/2/hi/asia-pacific/7803028.stm",
  original: null,
};

function quote(text: string, location = "¶5"): Quote {
  return { text, location, source };
}

/** An independent check of Discord's limits (not the renderer's own). */
function assertWithinLimits(message: DiscordMessage): void {
  expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
  expect((message.content ?? "").length).toBeLessThanOrEqual(2000);
  const embeds: APIEmbed[] = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of embeds) {
    expect((embed.title ?? "").length).toBeLessThanOrEqual(256);
    expect((embed.description ?? "").length).toBeLessThanOrEqual(4096);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeLessThanOrEqual(1024);
    }
    total +=
      (embed.title ?? "").length +
      (embed.description ?? "").length +
      (embed.footer?.text ?? "").length;
    total += (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(6000);
  if (embeds.length === 0)
    expect(message.flags & MessageFlags.SuppressEmbeds).toBe(MessageFlags.SuppressEmbeds);
}

/** All visible text of the messages, with block-quote markers removed. */
function visibleText(messages: DiscordMessage[]): string {
  return messages
    .flatMap((m) => [
      m.content ?? "",
      ...(m.embeds ?? []).flatMap((e) => [e.title ?? "", e.description ?? ""]),
    ])
    .join("\n")
    .replace(/^> /gm, "");
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

function sentence(n: number): string {
  return `Sentence number ${n} says that the hotline between Beijing and Moscow carried a call about matters of state.`;
}

describe("renderResult", () => {
  test("GIVEN a when answer THEN the date is the title, quotes are block quotes with linked citations and the note follows", () => {
    const q = quote("On March 14, the line was used for the first time.");
    const [message, ...rest] = renderResult({
      kind: "answer",
      command: "when",
      reply: {
        status: "answered",
        question: "first use",
        date: { iso: "2008-03-14", precision: "day", approximate: false },
        quotes: [q],
        note: "Another source says 2009.",
      },
      visibility: "public",
    });
    expect(rest).toEqual([]);
    const embed = message?.embeds?.[0];
    expect(embed?.title).toBe("14 March 2008");
    expect(embed?.description).toContain(`> ${escapeMarkdown(q.text)}`);
    expect(embed?.description).toContain(
      "[Army phone links \\[China\\] and Russia](http://news.bbc.co.uk/2/hi/asia-pacific/7803028.stm), BBC News, Chris Hogg, 29 December 2008, ¶5",
    );
    expect(embed?.description).toContain("Another source says 2009.");
    expect(embed?.footer?.text).toBe("Event: first use");
    expect(message?.flags).toBe(0);
  });

  test("GIVEN a question with markdown and mentions THEN the echo is escaped and nobody is pinged", () => {
    const question = "**who** pays for the _hotline_ @everyone <@&700000000000000001>?";
    const messages = renderResult({
      kind: "answer",
      command: "ask",
      reply: { status: "no_answer", question, date: null, quotes: [], note: null },
      visibility: "public",
    });
    const title = messages[0]?.embeds?.[0]?.title ?? "";
    expect(title).toContain("\\*\\*who\\*\\*");
    expect(title).toContain("\\_hotline\\_");
    expect(messages[0]?.embeds?.[0]?.description).toContain("/hotline timeline");
    expect(messages[0]?.embeds?.[0]?.description).toContain("/hotline sources");
    for (const m of messages) assertWithinLimits(m);
  });

  test("GIVEN three very long quotes and a long note THEN every message fits and no word is lost", () => {
    const long = (n: number) =>
      Array.from({ length: 60 }, (_, i) => sentence(n * 100 + i)).join(" ");
    const quotes = [quote(long(1), "¶1"), quote(long(2), "¶2"), quote(long(3), "¶3")];
    const note = "The sources disagree. ".repeat(250).trim();
    const messages = renderResult({
      kind: "answer",
      command: "ask",
      reply: { status: "answered", question: "what was said?", date: null, quotes, note },
      visibility: "public",
    });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) assertWithinLimits(m);
    const text = visibleText(messages);
    const expected = [...quotes.map((q) => q.text), note].flatMap(words);
    // Every word of every quote and the note appears, in order.
    let at = 0;
    const seen = words(text);
    for (const word of expected) {
      at = seen.indexOf(word, at);
      expect(at).toBeGreaterThanOrEqual(0);
      at += 1;
    }
    for (const location of ["¶1", "¶2", "¶3"]) expect(text).toContain(location);
  });

  test("GIVEN a rejection THEN it is a private plain-text notice", () => {
    const [message] = renderResult({
      kind: "answer",
      command: "ask",
      reply: {
        status: "rejected",
        code: "too_long",
        length: 812,
        limit: 500,
      },
      visibility: "private",
    });
    expect(message?.content).toBe(
      "Your question is 812 characters; the limit is 500. Please shorten it.",
    );
    expect(message?.flags).toBe(MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds);
  });

  test("GIVEN a private result outside an interaction THEN no message is ephemeral", () => {
    const messages = renderResult(
      { kind: "help", lines: helpLines(), visibility: "private" },
      { ephemeral: false },
    );
    for (const m of messages) expect(m.flags & MessageFlags.Ephemeral).toBe(0);
  });

  test("GIVEN help THEN every usage line is shown within limits", () => {
    const messages = renderResult({ kind: "help", lines: helpLines(), visibility: "private" });
    for (const m of messages) assertWithinLimits(m);
    const text = visibleText(messages);
    for (const line of helpLines().slice(1)) expect(text).toContain(line);
  });

  test("GIVEN a timeline of 300 events THEN it spans several messages within limits and lists each event", () => {
    const events: TimelineEvent[] = Array.from({ length: 300 }, (_, i) => ({
      id: `doc#${i}.1`,
      date: { iso: `${1900 + (i % 100)}-01-0${(i % 9) + 1}`, precision: "day", approximate: false },
      basis: "stated",
      label: `Event ${i} happened on the line…`,
      quote: quote(sentence(i)),
    }));
    const messages = renderResult({ kind: "timeline", events, visibility: "public" });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) assertWithinLimits(m);
    const text = visibleText(messages);
    for (const event of events)
      expect(text).toContain(`Event ${event.id.split("#")[1]?.split(".")[0]} happened`);
  });

  test("GIVEN a notice THEN it is plain text without link previews", () => {
    const result: CommandResult = {
      kind: "notice",
      tone: "info",
      message: "See https://example.org",
      visibility: "public",
    };
    const [message] = renderResult(result);
    expect(message?.content).toBe("See https://example.org");
    expect(message?.flags).toBe(MessageFlags.SuppressEmbeds);
  });
});

describe("renderDigest", () => {
  test("GIVEN events on the day THEN each reads 'On this day in YEAR' (marked when only reported) with its quote", () => {
    const event: TimelineEvent = {
      id: "doc#5.1",
      date: { iso: "2008-12-29", precision: "day", approximate: false },
      basis: "reported",
      label: "A new hotline…",
      quote: quote("A new military hotline has been used for the first time."),
    };
    const [message] = renderDigest({ monthDay: "12-29", events: [event], next: null });
    expect(message?.embeds?.[0]?.title).toBe("On this day: 29 December");
    expect(message?.embeds?.[0]?.description).toContain("**On this day in 2008 (reported):**");
    expect(message?.embeds?.[0]?.description).toContain(event.quote.text);
  });

  test("GIVEN no events but a next anniversary THEN the title says so", () => {
    const event: TimelineEvent = {
      id: "doc#5.1",
      date: { iso: "2008-12-29", precision: "day", approximate: false },
      basis: "reported",
      label: "A new hotline…",
      quote: quote("A new military hotline has been used for the first time."),
    };
    const [message] = renderDigest({
      monthDay: "12-01",
      events: [],
      next: { monthDay: "12-29", events: [event] },
    });
    expect(message?.embeds?.[0]?.title).toBe("Nothing on 1 December. Next: 29 December.");
  });
});

describe("discordMessage", () => {
  test("GIVEN content over 2000 characters THEN it throws naming the limit", () => {
    expect(() => discordMessage({ content: "x".repeat(2001) })).toThrow(
      "discord: message content is 2001 characters; the limit is 2000",
    );
  });

  test("GIVEN embeds over 6000 characters in total THEN it throws", () => {
    const embed = { description: "x".repeat(4000) };
    expect(() => discordMessage({ embeds: [embed, embed] })).toThrow(
      "discord: embed total is 8000",
    );
  });
});

describe("threadName", () => {
  test("GIVEN a long question THEN the name is at most 100 characters, cut at a word", () => {
    const name = threadName(`why ${"hotline ".repeat(30)}`);
    expect(name.length).toBeLessThanOrEqual(DISCORD_LIMITS.threadName);
    expect(name).toMatch(/hotline…$/);
  });
});
