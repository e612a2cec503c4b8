import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { loadHotline } from "../../src/hotline.js";
import type { Answer, Reply } from "../../src/model.js";
import { comparable } from "../../src/text/normalize.js";
import { hotlineOf } from "./one-document.js";

const hotline = loadHotline();
const bodies = new Map(
  loadCorpus("corpus").documents.map((d) => [
    d.meta.id,
    comparable(d.blocks.map((b) => b.text).join("\n")),
  ]),
);

function answered(reply: Reply): Answer {
  if (reply.status !== "answered") throw new Error(`expected an answer, got ${reply.status}`);
  return reply;
}

function expectVerbatim(answer: Answer): void {
  for (const quote of answer.quotes)
    expect(bodies.get(quote.source.id)).toContain(comparable(quote.text));
}

describe("hotline.when", () => {
  it("GIVEN two agreements years apart that share their words THEN no note says the sources differ", () => {
    const answer = answered(hotline.when("when was the agreement signed"));
    expect(answer.note ?? "").not.toMatch(/Sources differ/);
  });

  it("GIVEN a line the sources say was not set up yet THEN it is answered with no date, the saying quote and an as-of note", () => {
    const answer = answered(hotline.when("when did the US-China military hotline open"));
    expect(answer.date).toBeNull();
    expect(answer.quotes[0]?.text).toMatch(/still no hotline|still waits|appears to have stalled/);
    expect(answer.note).toMatch(
      /^The sources give no date for this: (as of \d+ \w+ \d{4} )?(BBC News|Chinascope) reported it had not happened\.$/,
    );
    expectVerbatim(answer);
  });

  it("GIVEN a sentence that dates a deal and says what followed has stalled WHEN asked about the deal THEN the deal's date answers", () => {
    const answer = answered(
      hotline.when("When was the defence departments' hotline deal signed according to the BBC?"),
    );
    expect(answer.date?.iso).toMatch(/^2008-02/);
  });

  it("GIVEN the Beijing-Moscow line THEN 14 March 2008 leads, at day precision, with the dating sentence", () => {
    const answer = answered(hotline.when("When was the Sino-Russian hotline set up?"));
    expect(answer.date).toEqual({ iso: "2008-03-14", precision: "day", approximate: false });
    expect(answer.quotes[0]?.text).toContain("On March 14");
    expect(answer.quotes[0]?.location).toMatch(/^¶\d+$/);
    expectVerbatim(answer);
  });

  it("GIVEN the first use of the line THEN both sources are quoted and the note says who says what", () => {
    const answer = answered(hotline.when("When was the Beijing-Moscow hotline first used?"));
    const sources = answer.quotes.map((q) => q.source.id);
    expect(sources).toContain("chinascope-sino-russia-military-hotline");
    expect(sources).toContain("bbc-army-phone-links-china-and-russia");
    expect(answer.note).toMatch(/14 March 2008/);
    expect(answer.note).toMatch(/29 December 2008/);
    expectVerbatim(answer);
  });

  it("GIVEN a relative date THEN it is resolved at year precision", () => {
    expect(answered(hotline.when("what year did yeltsin make his trip to china")).date).toEqual({
      iso: "1992",
      precision: "year",
      approximate: false,
    });
    const approx = answered(
      hotline.when("When did the presidents of China and the US first agree to set up a hotline?"),
    );
    expect(approx.date).toEqual({ iso: "2006", precision: "year", approximate: true });
  });

  it("GIVEN a month-only date THEN month precision, never an invented day", () => {
    const answer = answered(
      hotline.when("When did the five neighbouring states agree to cut troops along the border?"),
    );
    expect(answer.date).toEqual({ iso: "1990-04", precision: "month", approximate: false });
  });

  it("GIVEN an ask that is a when-question THEN the date leads too", () => {
    expect(
      answered(hotline.ask("When was the US-China military hotline deal signed?")).date?.iso,
    ).toBe("2008-02-29");
  });
});

describe("hotline.ask", () => {
  it("GIVEN a yes/no question about a line the sources say is not set up THEN the sentence that says so leads", () => {
    const answer = answered(hotline.ask("do china and america have a military hotline"));
    expect(answer.quotes[0]?.text).toMatch(/still no hotline|still waits to be finalized/);
    expectVerbatim(answer);
  });

  it("GIVEN a who question THEN the quote names the person, verbatim, with a citation", () => {
    const answer = answered(
      hotline.ask("Who was on the other end of the line when Cao made the first call?"),
    );
    expect(answer.quotes[0]?.text).toContain("Serdyukov");
    expect(answer.quotes[0]?.source).toMatchObject({
      title: "Sino-Russia Military Hotline",
      publisher: "Chinascope",
    });
    expect(answer.quotes.length).toBeLessThanOrEqual(3);
    expectVerbatim(answer);
  });

  it("GIVEN a misspelled name THEN fuzzy matching still finds it", () => {
    expect(answered(hotline.ask("what did serdukov do")).quotes[0]?.text).toContain("Serdyukov");
  });

  it.each([
    "How tall is the Eiffel Tower?",
    "recommend a good pizza place",
    "How do I make sourdough?",
    "What is the weather in Beijing today?",
    "When was the Moscow-Washington hotline set up in 1963?",
    "What does the Japan-China hotline do?",
  ])("GIVEN an out-of-scope question (%s) THEN no_answer with no quotes", (question) => {
    const reply = hotline.ask(question);
    expect(reply.status).toBe("no_answer");
    if (reply.status === "no_answer") expect(reply.quotes).toEqual([]);
  });

  it("GIVEN empty or whitespace input THEN a rejection, not a search", () => {
    expect(hotline.ask("   \u200b\n")).toMatchObject({ status: "rejected", code: "empty" });
  });

  it("GIVEN input over the limit THEN a rejection that says the limit", () => {
    const reply = hotline.ask("why ".repeat(200));
    expect(reply).toMatchObject({ status: "rejected", code: "too_long", length: 799, limit: 500 });
  });

  it("GIVEN control characters THEN they are removed from the echoed question", () => {
    const reply = hotline.ask("who is\u0000 Luo\u202e Yuan?");
    expect(reply.status).not.toBe("rejected");
    if (reply.status !== "rejected") expect(reply.question).toBe("who is Luo Yuan?");
  });
});

describe("hotline.timeline / today / sources / suggest", () => {
  it("GIVEN the corpus THEN the timeline is in date order with verbatim sentences", () => {
    const events = hotline.timeline();
    const isos = events.map((e) => e.date.iso);
    expect([...isos].sort()).toEqual(isos);
    expect(isos).toEqual(
      expect.arrayContaining([
        "1990-04",
        "1992",
        "1993",
        "1994",
        "2007",
        "2008-02-29",
        "2008-03-14",
      ]),
    );
    for (const e of events)
      expect(bodies.get(e.quote.source.id)).toContain(comparable(e.quote.text));
  });

  it("GIVEN a day with events THEN today lists them; GIVEN none THEN the next anniversary", () => {
    expect(hotline.today("03-14").events.map((e) => e.date.iso)).toEqual(["2008-03-14"]);
    const empty = hotline.today("11-22");
    expect(empty.events).toEqual([]);
    expect(empty.next?.monthDay).toBe("12-29");
    expect(hotline.today("12-30").next?.monthDay).toBe("02-29");
  });

  it("GIVEN the corpus THEN sources list citation facts and counts", () => {
    const bbc = hotline.sources().find((s) => s.publisher === "BBC News");
    expect(bbc).toMatchObject({ author: "Chris Hogg", published: "2008-12-29", original: null });
    expect(bbc?.paragraphs).toBeGreaterThan(10);
    const translation = hotline.sources().find((s) => s.publisher === "Chinascope");
    expect(translation?.published).toBeNull();
    expect(translation?.original?.published).toBe("2008-03-18");
  });

  it("GIVEN partial input THEN suggestions are ranked events of at most 100 characters", () => {
    const suggestions = hotline.suggest("yelts");
    expect(suggestions[0]?.label).toContain("Yeltsin");
    for (const s of hotline.suggest("")) expect(s.value.length).toBeLessThanOrEqual(100);
    expect(hotline.suggest("", 3)).toHaveLength(3);
    expect(hotline.suggest("zzzz")).toEqual([]);
  });

  it("GIVEN a suggestion picked as the event THEN when answers that event", () => {
    const picked = hotline.suggest("Shanghai Cooperation")[0];
    expect(picked).toBeDefined();
    expect(answered(hotline.when(picked?.value ?? "")).date?.iso).toBe("2007");
  });
});

describe("answers never paraphrase", () => {
  it("GIVEN every eval question THEN every quote is a verbatim substring of its source", () => {
    const cases = JSON.parse(readFileSync("test/eval/cases.json", "utf8")).cases as {
      q: string;
      cmd: string;
    }[];
    for (const c of cases) {
      const reply = c.cmd === "when" ? hotline.when(c.q) : hotline.ask(c.q);
      if (reply.status === "answered") expectVerbatim(reply);
    }
  });
});

describe("hotline.ask: a status question typed as keywords", () => {
  it("GIVEN 'us china hotline status' THEN the account saying the line is not there yet leads", () => {
    const answer = answered(hotline.ask("us china hotline status"));
    expect(answer.quotes[0]?.text).toMatch(/still no hotline|still waits|appears? to have stalled/);
    expectVerbatim(answer);
  });
});

describe("hotline: acronyms of the names in headings", () => {
  it("GIVEN a name only a heading spells out ('Incidents at Sea') THEN its syllable acronym ('incsea') finds the document", () => {
    const engine = hotlineOf(
      [
        "## The Incidents at Sea agreement",
        "The agreement was signed in Moscow on 25 May 1972.",
        "Under the incidents at sea rules, ships must keep well clear of each other.",
      ],
      "2017-05-25",
    );
    const reply = answered(engine.when("when was incsea signed"));
    expect(reply.quotes[0]?.text).toBe("The agreement was signed in Moscow on 25 May 1972.");
  });
});
