import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  comparedEvents,
  type EventTime,
  eventQuestions,
  orderNote,
} from "../../src/answer/compare.js";
import { loadHotline } from "../../src/hotline.js";
import type { Answer, Reply } from "../../src/model.js";

describe("comparedEvents", () => {
  it.each([
    ["which came first, the treaty or the line", { events: ["the treaty", "the line"], frame: "" }],
    [
      "did the american line come before the russian one for china?",
      { events: ["the american line", "the russian one"], frame: "for china" },
    ],
    [
      "my prof said china had a line with the US before it had one with russia. which one came first?",
      { events: ["china had a line with the US", "it had one with russia"], frame: "" },
    ],
    [
      "which came first for the PLA, a hotline with washington or with moscow?",
      { events: ["a hotline with washington", "a hotline with moscow"], frame: "for the PLA" },
    ],
  ])("GIVEN %j THEN it compares %j", (question, compared) => {
    expect(comparedEvents(question)).toEqual(compared);
  });

  it.each([
    ["did the us warn russia before the strike?", "'before' without an order verb"],
    ["when was the line set up before the crisis", "a when-question"],
    ["was the first call about a crisis", "no order asked"],
    ["is the line working now or still planned", "'or' without 'which came first'"],
  ])("GIVEN %j (%s) THEN it compares nothing", (question) => {
    expect(comparedEvents(question)).toBeNull();
  });
});

describe("eventQuestions", () => {
  /** Offsets of the given lower-case place words in `text`, as the gazetteer reports them. */
  const placesOf =
    (...names: string[]) =>
    (text: string) =>
      names.flatMap((name) => {
        const at = new RegExp(`\\b${name}\\b`, "i").exec(text);
        return at ? [{ from: at.index, to: at.index + name.length }] : [];
      });

  it("GIVEN an event said with a pro-form THEN it borrows the other's words less the place its own replaces", () => {
    expect(
      eventQuestions(
        { events: ["china had a line with the US", "it had one with russia"], frame: "" },
        placesOf("china", "us", "russia"),
      ),
    ).toEqual([
      "when china had a line with the US",
      "when it had one with russia china had a line with the",
    ]);
  });

  it("GIVEN an event said with a pro-form and two places of its own THEN both of the other's places are replaced", () => {
    expect(
      eventQuestions(
        { events: ["the brazil argentina line", "the china russia one"], frame: "" },
        placesOf("brazil", "argentina", "china", "russia"),
      ),
    ).toEqual(["when the brazil argentina line", "when the china russia one the line"]);
  });

  it("GIVEN two events named in full and a framing phrase THEN each is asked on its own, with the frame", () => {
    expect(
      eventQuestions({ events: ["the treaty", "the line"], frame: "for china" }, placesOf("china")),
    ).toEqual(["when the treaty for china", "when the line for china"]);
  });
});

describe("orderNote", () => {
  const at = (iso: string, precision: "day" | "month" | "year"): EventTime => ({
    date: { iso, precision, approximate: false },
    pendingAsOf: null,
  });
  const events: [string, string] = ["the treaty", "the line"];

  it("GIVEN two dates THEN the earlier came first, whichever was asked first", () => {
    expect(orderNote(events, [at("2017-04", "month"), at("1988", "year")])).toBe(
      "“the line” (1988) came before “the treaty” (April 2017), by the dates the sources give.",
    );
  });

  it("GIVEN two dates in the same year, one only a year THEN no order is claimed", () => {
    expect(orderNote(events, [at("2008-03-14", "day"), at("2008", "year")])).toBeNull();
  });

  it("GIVEN one event dated before a source reported the other had not happened THEN the dated one came first", () => {
    const pending: EventTime = { date: null, pendingAsOf: "2008-12-29" };
    expect(orderNote(events, [pending, at("2008-03-14", "day")])).toBe(
      "“the line” came first: it is dated 14 March 2008, and as of 29 December 2008 a source reported “the treaty” had not happened.",
    );
  });

  it("GIVEN one event dated after the report that the other had not happened THEN no order is claimed", () => {
    const pending: EventTime = { date: null, pendingAsOf: "2008-12-29" };
    expect(orderNote(events, [pending, at("2010", "year")])).toBeNull();
  });

  it("GIVEN an undated event THEN no order is claimed", () => {
    expect(orderNote(events, [{ date: null, pendingAsOf: null }, at("2010", "year")])).toBeNull();
  });
});

describe("hotline: questions comparing two events", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A corpus of one document with `paragraphs`, and the repo's synonyms. */
  function hotlineOf(paragraphs: string[]) {
    const dir = mkdtempSync(join(tmpdir(), "hotline-compare-"));
    dirs.push(dir);
    copyFileSync("corpus/synonyms.json", join(dir, "synonyms.json"));
    writeFileSync(
      join(dir, "lines.md"),
      `---\nid: lines\ntitle: Two hotlines\npublisher: A publisher\npublished: 2012-05-01\nurl: http://example.org/lines\n---\n\n${paragraphs.join("\n\n")}\n`,
    );
    return loadHotline({ corpusDir: dir });
  }

  function answered(reply: Reply): Answer {
    if (reply.status !== "answered") throw new Error(`expected an answer, got ${reply.status}`);
    return reply;
  }

  const hotline = hotlineOf([
    "Ruritania and France opened a military hotline in March 2004.",
    "Ruritania and Germany set up their own military hotline in June 2009.",
  ]);

  it.each([
    ["ask", "which came first, the german hotline or the french one?"],
    ["when", "did the german hotline come before the french one?"],
  ] as const)(
    "GIVEN each line dated WHEN %s %j THEN both dating passages, the earlier first, and a note computed from the dates",
    (command, question) => {
      const answer = answered(hotline[command](question));
      expect(answer.quotes.map((q) => q.text)).toEqual([
        "Ruritania and France opened a military hotline in March 2004.",
        "Ruritania and Germany set up their own military hotline in June 2009.",
      ]);
      expect(answer.note).toMatch(
        /^“the french (?:one|hotline)” \(March 2004\) came before “the german (?:hotline|one)” \(June 2009\)/,
      );
      expect(answer.date).toBeNull();
    },
  );

  it("GIVEN only one line dated THEN both passages, and a note that says the order is not given", () => {
    const undated = hotlineOf([
      "Ruritania and France opened a military hotline in March 2004.",
      "Ruritania and Germany also have a military hotline.",
    ]);
    const answer = answered(undated.ask("which came first, the german hotline or the french one?"));
    expect(answer.quotes.map((q) => q.text)).toContain(
      "Ruritania and France opened a military hotline in March 2004.",
    );
    expect(answer.note).toMatch(/The sources do not say which came first\.$/);
  });
});
