import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadHotline } from "../../src/hotline.js";
import { answered, hotlineOf } from "./one-document.js";

/** An agreement signed on one day and, in the next sentence, "It", amended on another. */
const paragraphs = [
  "On 12 June 1989 in Moscow, the two chiefs of staff signed the Agreement on the Prevention of Dangerous Military Activities. It was amended on 1 January 1990.",
  "Officers of both armies say dangerous military activities have become rarer since.",
  "The agreement covers all armed forces, not only navies.",
  "Military officers of both sides meet every year under the agreement.",
];

describe("rank: a when-question answered by a sentence that names its subject by a pronoun", () => {
  it("GIVEN '… signed the Agreement on … Dangerous Military Activities. It was amended on 1 January 1990.' THEN its amending is 1 January 1990", () => {
    const hotline = hotlineOf(paragraphs, "2017-05-25");
    const answer = answered(
      hotline.when("when was the dangerous military activities agreement amended"),
    );
    expect(answer.date?.iso).toBe("1990-01-01");
    expect(answer.quotes[0]?.text).toContain("It was amended on 1 January 1990.");
  });

  it("GIVEN the same sentences THEN 'the 1989 … agreement' amended is 1 January 1990 (a year naming the thing is not the answer's year)", () => {
    const hotline = hotlineOf(paragraphs, "2017-05-25");
    const answer = answered(
      hotline.when("when was the 1989 dangerous military activities agreement amended"),
    );
    expect(answer.date?.iso).toBe("1990-01-01");
  });

  it("GIVEN the same sentences THEN the signing keeps the day it was signed (the pronoun lends its sentence the agreement, not the event)", () => {
    const hotline = hotlineOf(paragraphs, "2017-05-25");
    const answer = answered(
      hotline.when("when was the dangerous military activities agreement signed"),
    );
    expect(answer.date?.iso).toBe("1989-06-12");
  });
});

describe("rank: a when-question answered by a sentence that names its subject by 'The' and a word just said", () => {
  it("GIVEN '… signed the Agreement on … Dangerous Military Activities. The agreement was amended on 1 January 1990.' THEN its amending is 1 January 1990", () => {
    const hotline = hotlineOf(
      [
        "On 12 June 1989 in Moscow, the two chiefs of staff signed the Agreement on the Prevention of Dangerous Military Activities. The agreement was amended on 1 January 1990.",
        ...paragraphs.slice(1),
      ],
      "2017-05-25",
    );
    const answer = answered(
      hotline.when("when was the dangerous military activities agreement amended"),
    );
    expect(answer.date?.iso).toBe("1990-01-01");
  });
});

describe("rank: an event said in other words the sources' synonyms know", () => {
  it("GIVEN 'The accord came into force on 1 January 1990' and its signing THEN 'when did it kick in' is 1 January 1990", () => {
    const hotline = hotlineOf(
      [
        "The navies signed the accord in Moscow on 12 June 1989.",
        "The accord came into force on 1 January 1990.",
      ],
      "2017-05-25",
    );
    expect(answered(hotline.when("when did the navies' accord kick in")).date?.iso).toBe(
      "1990-01-01",
    );
  });
});

describe("rank: a year in a question that is not a when-question", () => {
  it("GIVEN 'the 1972 agreement' in a how-question THEN a sentence dated 1972 gains nothing for its date", () => {
    const hotline = hotlineOf(
      [
        "Forty-five years ago today, the two navies signed an agreement on how ships should behave.",
        "Under the 1972 agreement, ships in sight of each other signal their intentions by flag or light.",
      ],
      "2017-05-25",
    );
    const answer = answered(hotline.ask("how should ships behave under the 1972 agreement"));
    expect(answer.quotes[0]?.text).toContain("Under the 1972 agreement");
  });
});

describe("rank: 'The agreement' in a document whose title names the agreement", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("GIVEN a title naming the incidents at sea agreement and 'The agreement was signed … on 25 May 1972' THEN that date, not a later agreement's", () => {
    const dir = mkdtempSync(join(tmpdir(), "hotline-title-"));
    dirs.push(dir);
    copyFileSync("corpus/synonyms.json", join(dir, "synonyms.json"));
    writeFileSync(
      join(dir, "sea.md"),
      "---\nid: sea\ntitle: The 1972 incidents at sea agreement explained\npublisher: A publisher\npublished: 2017-05-25\nurl: http://example.org/sea\n---\n\nThe agreement was signed in Moscow on 25 May 1972.\n\nIn January 1998 the two navies signed a looser maritime agreement for ships at sea.\n",
    );
    const hotline = loadHotline({ corpusDir: dir });
    expect(answered(hotline.when("incidents at sea agreement signed when")).date?.iso).toBe(
      "1972-05-25",
    );
  });
});

describe("rank: a when-question's event that a dated sentence does not say", () => {
  it("GIVEN 'A week after the crash, the minister announced that Norway would give the army coastal radars' and 'Early in March he told parliament that the delivery was complete' THEN 'radars delivered when?' is March", () => {
    const hotline = hotlineOf(
      [
        "On 17 January 2019, a transport plane of the army crashed near the coast.",
        "A week after the crash, Defence Minister Lars Berg announced that Norway would give the army coastal radars within two weeks. Early in March he told parliament that the delivery was complete.",
        "The army had asked for new equipment for years.",
        "The army watches the coast.",
      ],
      "2019-06-01",
    );
    const answer = answered(hotline.when("radars delivered when?"));
    expect(answer.date?.iso).toBe("2019-03");
    expect(answer.quotes[0]?.text).toContain("the delivery was complete");
  });
});

describe("rank: a year a when-question puts its answer in", () => {
  it("GIVEN 'The islanders' radio went silent on 7 April' in an article of May 2023 THEN 'when did they stop answering the radio in 2023' is 7 April 2023, though the sentence never writes the year", () => {
    const hotline = hotlineOf(
      [
        "When the islanders stop answering the radio, the silence itself is read as a message.",
        "In February 2016 the islanders stopped answering the radio for two years.",
        "The islanders' radio went silent on 7 April, according to the coast guard.",
        "The coast guard calls twice a day.",
      ],
      "2023-05-10",
    );
    const answer = answered(
      hotline.when("when did the islanders stop answering the radio in 2023"),
    );
    expect(answer.date?.iso).toBe("2023-04-07");
  });
});

describe("rank: a when-question's event done to another thing", () => {
  it("GIVEN 'Ana Rojas met Pedro Vidal … on 4 May 2019, and the two agreed on five points' and a later 'agreed to set up a hotline' THEN 'when did they agree on a hotline' is the later day", () => {
    const hotline = hotlineOf(
      [
        "Foreign Minister Ana Rojas met Pedro Vidal in Lima on 4 May 2019, and the two agreed on five points to ease tension.",
        "On 2 March 2020, Ms Rojas and Mr Vidal spoke on the phone for an hour and agreed to set up a hotline between them, so that they could talk in a crisis.",
        "The hotline is staffed day and night.",
        "Officials say the hotline has been used twice.",
        "A hotline between the two armies already exists.",
      ],
      "2020-06-01",
    );
    const answer = answered(hotline.when("when did ana rojas and pedro vidal agree on a hotline"));
    expect(answer.date?.iso).toBe("2020-03-02");
  });
});
