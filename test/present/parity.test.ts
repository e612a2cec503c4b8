/**
 * One answer and one digest rendered through Discord, Slack and the terminal carry the same
 * quotes, citations, dates and notes: the platforms differ only in markup and limits.
 */
import { describe, expect, it } from "vitest";
import { renderResult as terminal } from "../../adapters/cli/render.js";
import { renderResult as discord } from "../../adapters/discord/render.js";
import { renderResult as slack } from "../../adapters/slack/render.js";
import type { CommandResult } from "../../src/commands/run.js";
import { loadHotline } from "../../src/hotline.js";
import { eventHeading } from "../../src/present/digest.js";
import { formatDate } from "../../src/present/format.js";
import { NOTE_LABEL, noAnswerText } from "../../src/present/texts.js";

const hotline = loadHotline();

/** Every platform's output as plain words: markup, escapes and quote markers removed. */
const PLATFORMS: Record<string, (result: CommandResult) => string> = {
  discord: (result) =>
    plain(
      discord(result)
        .flatMap((m) => [
          m.content ?? "",
          ...(m.embeds ?? []).flatMap((e) => [
            e.title ?? "",
            e.description ?? "",
            e.footer?.text ?? "",
            ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
          ]),
        ])
        .join("\n"),
    ),
  slack: (result) =>
    plain(
      slack(result)
        .flatMap((m) =>
          m.blocks.flatMap((b) => {
            const block = b as {
              text?: { text: string };
              elements?: { text?: string }[];
            };
            return [block.text?.text ?? "", ...(block.elements ?? []).map((e) => e.text ?? "")];
          }),
        )
        .join("\n"),
    ),
  terminal: (result) => plain(terminal(result)),
};

function plain(text: string): string {
  return text
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, "$2 $1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\u200B/g, "")
    .replace(/\\([\\`*_~|>#.\-+[\]()!])/g, "$1")
    .replace(/^\s*>\s?/gm, "")
    .replace(/[*_`]/g, "")
    .replace(/\s+/g, " ");
}

const words = (text: string) => text.replace(/\s+/g, " ").trim();

describe("GIVEN one dated answer with a note", () => {
  const reply = hotline.when("the Sino-Russian hotline was set up");
  if (reply.status !== "answered")
    throw new Error(`test setup: expected an answer, got ${reply.status}`);
  const noted = { ...reply, note: "One source dates it 14 March, another 18 March 2008." };
  const result: CommandResult = {
    kind: "answer",
    command: "when",
    reply: noted,
    visibility: "public",
  };

  for (const [name, render] of Object.entries(PLATFORMS)) {
    it(`THEN ${name} shows every quote, its citation, the date and the note`, () => {
      const text = render(result);
      expect(reply.date?.approximate).toBe(false);
      expect(text).toContain(formatDate(reply.date ?? { iso: "missing date" }));
      for (const quote of reply.quotes) {
        expect(text).toContain(words(quote.text));
        expect(text).toContain(quote.source.publisher);
        expect(text).toContain(quote.source.title);
        expect(text).toContain(quote.location);
        // Every platform names the author when the source does (citationParts).
        expect(text).toContain(quote.source.author ?? quote.source.publisher);
      }
      expect(text).toContain(`${NOTE_LABEL}:`);
      expect(text).toContain(noted.note);
    });
  }
});

describe("GIVEN a question the sources do not answer", () => {
  const reply = hotline.ask("How tall is the Eiffel Tower?");
  const result: CommandResult = { kind: "answer", command: "ask", reply, visibility: "public" };
  for (const [name, render] of Object.entries(PLATFORMS)) {
    it(`THEN ${name} shows the one no-answer text, with the core's reason`, () => {
      expect(reply.status).toBe("no_answer");
      const note = reply.status === "no_answer" ? reply.note : null;
      expect(note).toMatch(/^The sources never mention/);
      expect(render(result)).toContain(words(noAnswerText(note)));
    });
  }
});

describe("GIVEN the digest of 28 February 2027 (with the 29 February 2008 event)", () => {
  const digest = hotline.today("2027-02-28");
  const result: CommandResult = { kind: "today", digest, visibility: "public" };
  for (const [name, render] of Object.entries(PLATFORMS)) {
    it(`THEN ${name} shows each event's heading, quote and source`, () => {
      const text = render(result);
      expect(digest.events.length).toBeGreaterThan(0);
      for (const event of digest.events) {
        expect(text).toContain(eventHeading(event, digest.monthDay));
        expect(text).toContain(words(event.quote.text));
        expect(text).toContain(event.quote.source.publisher);
        expect(text).toContain(event.quote.location);
      }
    });
  }
});

describe("GIVEN the digest of 29 February 2028 (a leap year)", () => {
  const digest = hotline.today("2028-02-29");
  const result: CommandResult = { kind: "today", digest, visibility: "public" };
  for (const [name, render] of Object.entries(PLATFORMS)) {
    it(`THEN ${name} shows the 2008 event as 'On this day in 2008:'`, () => {
      const text = render(result);
      expect(text).toContain("On this day in 2008:");
      expect(text).not.toContain("On 29 February 2008:");
    });
  }
});
