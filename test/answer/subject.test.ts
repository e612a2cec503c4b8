import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { createHotline } from "../../src/hotline.js";
import { hotlineOf } from "./one-document.js";

const seeds = createHotline(loadCorpus("corpus"));

// The seed corpus plus the generalisation fixtures: documents about other pairs of countries.
const fixtures = join("test", "eval", "generalisation", "corpus");
const dir = mkdtempSync(join(tmpdir(), "hotline-subject-"));
cpSync("corpus", dir, { recursive: true, filter: (src) => !src.includes(".hotline-cache") });
for (const name of readdirSync(fixtures)) cpSync(join(fixtures, name), join(dir, name));
const wider = createHotline(loadCorpus(dir));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("document subjects", () => {
  it.each([
    "When did the Moscow-Washington hotline open?",
    "when was the india pakistan hotline set up",
    "Tokyo and Seoul military line, when was it agreed?",
    "is there a hotline between Greece and Turkey",
  ])("GIVEN the seed corpus and %j (a pair no document covers) THEN no answer", (question) => {
    expect(seeds.ask(question).status).toBe("no_answer");
  });

  it.each([
    "When did the Moscow-Washington hotline open?",
    "is there a hotline between Russia and the United States",
    "when did the russian and american militaries open a hotline",
    "Moscow Washington hotline when",
    "US Russia military hotline date",
    "Did Russia and America set up a military hotline",
  ])(
    "GIVEN the seed corpus and %j (both sides named by the documents, never together) THEN declined by the pair rule",
    (question) => {
      const reply = seeds.ask(question);
      expect(reply.status).toBe("no_answer");
      expect(reply.status === "no_answer" && reply.note).toBe(
        "The sources do not cover a hotline between those two sides.",
      );
    },
  );

  it("GIVEN a pair named together with a third place named apart ('turkey and russia … over syria') and no document naming that pair THEN declined by the pair rule; a pair it names THEN answered", () => {
    const hotline = hotlineOf(
      [
        "Israel and Russia set up a deconfliction line over Syria on 7 October 2015.",
        "Officers of Israel and Russia speak on the line before flights over Syria.",
        "On 24 November 2015, Turkish jets shot down a Russian bomber near the Syrian border.",
      ],
      "2019-03-04",
    );
    const reply = hotline.when(
      "when did turkey and russia set up a deconfliction hotline over syria",
    );
    expect(reply.status === "no_answer" && reply.note).toBe(
      "The sources do not cover a hotline between those two sides.",
    );
    const told = hotline.when("when did israel and russia set up a deconfliction line over syria");
    expect(told.status === "answered" && told.date?.iso).toBe("2015-10-07");
  });

  it("GIVEN 'does X have a line with Y' for a pair no document covers THEN declined by the pair rule; 'deliver missiles to Y' names no pair", () => {
    const hotline = hotlineOf(
      [
        "In 2005 Chile and Peru set up a telephone line between their air force commands.",
        "Chile also delivered missiles to Brazil in 2006, and the Brazilian navy visited Peru.",
      ],
      "2007-01-01",
    );
    const reply = hotline.ask("does chile have a military phone line with brazil");
    expect(reply.status).toBe("no_answer");
    expect(reply.status === "no_answer" && reply.note).toMatch(/those two sides/);
    expect(hotline.ask("does chile have a military phone line with peru").status).toBe("answered");
    expect(hotline.when("when did chile deliver missiles to brazil").status).toBe("answered");
  });

  it("GIVEN 'Chile had signed a similar agreement with Lima in 1998' (one side's deed with the other) THEN the pair is covered and 'chile peru deal when' is answered 1998; a pair told only apart ('Brazil sold radars to Chile') is not", () => {
    const hotline = hotlineOf(
      [
        "Argentina and Brazil signed an agreement on air incidents in 1995. Chile had signed a similar agreement with Lima in 1998.",
        "Brazil sold radars to Chile in 2001.",
      ],
      "2007-01-01",
    );
    const told = hotline.when("chile peru air incidents deal when");
    expect(told.status === "answered" && told.date?.iso).toBe("1998");
    expect(hotline.when("chile brazil air incidents deal when").status).toBe("no_answer");
  });

  it("GIVEN a question listing three sides ('kazakhstan china and russia') that the document lists in another order THEN no two of them are a pair the sources must cover: answered", () => {
    const hotline = hotlineOf(
      [
        "China, Russia and Kazakhstan signed the border agreement on 26 April 1996.",
        "Kazakhstan later opened talks with its neighbours.",
      ],
      "2001-01-01",
    );
    const reply = hotline.when("when did kazakhstan china and russia sign the border agreement");
    expect(reply.status === "answered" && reply.date?.iso).toBe("1996-04-26");
  });

  it("GIVEN a place no document names THEN the answer says the sources say nothing about it", () => {
    const reply = seeds.ask("when did Brazil open its military hotline with China?");
    expect(reply.status).toBe("no_answer");
    expect(reply.status === "no_answer" && reply.note).toContain("Brazil");
  });

  it("GIVEN a list of several countries a document names together THEN it is answered", () => {
    const reply = seeds.when(
      "When did China, Russia, Kazakhstan, Kyrgyzstan and Tajikistan agree to reduce border forces?",
    );
    expect(reply.status === "answered" && reply.date?.iso).toBe("1990-04");
  });

  it("GIVEN a when-question 'before' an event THEN the answer is the earlier date, not the event's own", () => {
    const reply = wider.when(
      "when did the DGMOs speak on the hotline before the February 2021 joint statement",
    );
    expect(reply.status === "answered" && reply.date?.iso).toBe("2021-02-22");
  });

  it("GIVEN a rare verb only a document about other sides uses ('installed', the Korean lines) THEN a question about the Beijing-Moscow line is declined, saying so", () => {
    const reply = wider.ask("who installed the hotline between beijing and moscow");
    expect(reply.status).toBe("no_answer");
    expect(reply.status === "no_answer" && reply.note).toBe(
      "The sources about those sides never use the word “installed”.",
    );
  });

  it("GIVEN an acronym the document spells out ('loc' for Line of Control) THEN the question is answered from the name's sentence", () => {
    const reply = wider.when("when did the loc ceasefire start");
    expect(reply.status === "answered" && reply.date?.iso).toBe("2003-11");
  });

  it("GIVEN demonyms the document never uses ('pakistani and indian') THEN the document's answer, its places supporting it", () => {
    const reply = wider.ask("do the pakistani and indian dgmos themselves talk every week?");
    expect(reply.status === "answered" && reply.quotes[0]?.text).toContain("DGMOs themselves");
  });

  it("GIVEN the document's line named only by its sides' subject ('the hotline' in the Japan-China article) THEN a status question about it is answered", () => {
    const reply = wider.ask(
      "has the chinese defence minister called his japanese counterpart on the new hotline yet?",
    );
    expect(reply.status === "answered" && reply.quotes[0]?.text).toMatch(/have not yet spoken/);
  });

  it("GIVEN a document about another pair THEN a question naming that pair is answered from it", () => {
    const reply = wider.when("when was the hotline between delhi and islamabad set up");
    expect(reply.status).toBe("answered");
    expect(reply.status === "answered" && reply.quotes[0]?.source.id).toBe(
      "example-india-pakistan-dgmo-hotline",
    );
  });

  it("GIVEN the fixtures loaded THEN the Moscow-Washington pair is covered and answered from its document", () => {
    const reply = wider.ask("what route did the moscow washington hotline cable take");
    expect(reply.status === "answered" && reply.quotes[0]?.source.id).toBe(
      "example-moscow-washington-hotline",
    );
  });
});

describe("questions not in English", () => {
  it.each([
    "中俄军事热线是什么时候开通的？",
    "Когда открылась горячая линия между Россией и Китаем?",
  ])(
    "GIVEN %j THEN a no-answer that says the bot answers English questions, with an example",
    (question) => {
      const reply = seeds.ask(question);
      expect(reply.status).toBe("no_answer");
      expect(reply.status === "no_answer" && reply.note).toMatch(
        /in English, e\.g\. \/hotline ask/,
      );
    },
  );

  it("GIVEN an English question naming a Chinese name in Latin letters THEN it is answered", () => {
    expect(seeds.ask("who is Cao Gangchuan?").status).toBe("answered");
  });
});

describe("chat markup and the length limit", () => {
  it("GIVEN a message of only mentions, longer than the limit THEN it is rejected as too long", () => {
    const reply = seeds.ask(" @channel".repeat(1200));
    expect(reply).toMatchObject({ status: "rejected", code: "too_long" });
  });

  it("GIVEN only mentions and emoji THEN it is rejected as empty, never searched", () => {
    expect(seeds.ask("<@123456789012345678> @everyone :wave:")).toMatchObject({
      status: "rejected",
      code: "empty",
    });
  });
});
