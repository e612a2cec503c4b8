import { describe, expect, it } from "vitest";
import type { Query, QueryTerm } from "../../src/answer/query.js";
import type { Ranked } from "../../src/answer/rank.js";
import { asksWhere, sayingWhere, whereTold } from "../../src/answer/where.js";
import { loadHotline } from "../../src/hotline.js";
import type { Sentence } from "../../src/text/passages.js";

const hotline = loadHotline();

describe("asksWhere", () => {
  it("GIVEN where near the start, after filler or markup THEN a where-question", () => {
    expect(asksWhere("Where did China sign the agreement?")).toBe(true);
    expect(asksWhere("ok so where is the terminal")).toBe(true);
    expect(asksWhere("** where ** is it")).toBe(true);
  });

  it("GIVEN where later in the question or not at all THEN not", () => {
    expect(asksWhere("when did the line open")).toBe(false);
    expect(asksWhere("what did they say about the place where it was signed")).toBe(false);
  });
});

describe("where-questions through the engine", () => {
  it("GIVEN a passage that says where ('in Shanghai') THEN it answers", () => {
    const reply = hotline.ask("Where did China sign the hotline agreement with the US?");
    expect(reply.status).toBe("answered");
    expect(reply.status === "answered" && reply.quotes[0]?.text).toMatch(/in Shanghai/);
  });

  it("GIVEN passages about the event that name no place THEN declined: the sources do not say where", () => {
    const reply = hotline.ask("where was the 2007 sco joint military exercise held");
    expect(reply.status).toBe("no_answer");
    expect(reply.status === "no_answer" && reply.note).toBe("The sources do not say where.");
  });

  it("GIVEN a place only the question names ('where in moscow') THEN it does not count as the answer", () => {
    expect(hotline.ask("where in moscow is the russian end of the hotline").status).toBe(
      "no_answer",
    );
  });
});

describe("sayingWhere", () => {
  const ranked = (text: string, score: number) =>
    ({ sentence: { text } as Sentence, score, support: 1, coverage: 1 }) satisfies Ranked;

  it("GIVEN two sentences about the thing asked THEN the one naming more places leads", () => {
    const vague = ranked("The line runs near the Euphrates.", 1.0);
    const precise = ranked(
      "The line connects a center at Al Udeid in Qatar with one at Hmeimim.",
      0.9,
    );
    const out = sayingWhere("where are the ends of the line", [vague, precise]);
    expect(out.map((r) => r.sentence.text)).toEqual([precise.sentence.text, vague.sentence.text]);
  });

  it("GIVEN a sentence naming only the place the question names THEN it is left out", () => {
    const out = sayingWhere("where in Moscow is the end", [ranked("A line to Moscow.", 1)]);
    expect(out).toEqual([]);
  });

  it("GIVEN one place each THEN the scores and order stay as ranked", () => {
    const first = ranked("It was signed in Geneva.", 1.0);
    const second = ranked("It was signed in Vienna.", 0.9);
    const out = sayingWhere("where was it signed", [first, second]);
    expect(out.map((r) => r.score)).toEqual([1.0, 0.9]);
  });
});

describe("whereTold", () => {
  const termsOf = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];
  const ranked = (text: string, score: number): Ranked =>
    ({
      sentence: {
        text,
        termSet: new Set(termsOf(text)),
        paragraph: { doc: { meta: { title: "The Fishing at Sea agreement explained" } } },
      },
      score,
      support: 1,
      coverage: 1,
    }) as unknown as Ranked;
  const term = (t: string) => ({ term: t, expansions: [], implied: false }) as unknown as QueryTerm;
  const query = { terms: ["fishing", "sea", "annual", "review"].map(term) } as unknown as Query;
  const supported = () => true;

  it("GIVEN the best match says only the title's words ('fishing', 'sea') THEN a close sentence saying 'review' leads", () => {
    const top = ranked("In April 2016, fishing boats clashed in the Baltic Sea.", 1);
    const review = ranked(
      "Once a year, the navies meet to review it, in Lima and Quito by turns.",
      0.75,
    );
    expect(whereTold([top, review], top, query, termsOf, supported)).toBe(review);
  });

  it("GIVEN the best match says a word beyond the title THEN it keeps the lead", () => {
    const top = ranked("The annual fishing talks are held in the Baltic Sea.", 1);
    const review = ranked(
      "Once a year, the navies meet to review it, in Lima and Quito by turns.",
      0.75,
    );
    expect(whereTold([top, review], top, query, termsOf, supported)).toBe(top);
  });

  it("GIVEN the sentence saying more ranks far below THEN the best match keeps the lead", () => {
    const top = ranked("In April 2016, fishing boats clashed in the Baltic Sea.", 1);
    const review = ranked(
      "Once a year, the navies meet to review it, in Lima and Quito by turns.",
      0.5,
    );
    expect(whereTold([top, review], top, query, termsOf, supported)).toBe(top);
  });
});
