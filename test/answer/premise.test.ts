import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deedAsked, withoutHintedPlaces } from "../../src/answer/premise.js";
import type { Query } from "../../src/answer/query.js";
import { loadHotline } from "../../src/hotline.js";
import { answered, hotlineOf } from "./one-document.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const hotline = hotlineOf(
  [
    "The two navies opened a direct telephone line on 3 May 2001.",
    "On 9 June 2004, the two navies agreed to cut their coastal patrols by half.",
    "Admiral Petrov visited the naval base at Sevrin on 12 July 2005.",
    "Admiral Ivanov spoke to his counterpart on the line on 1 August 2005.",
    "Talks on a second line foundered in March 2006.",
  ],
  "2006-01-10",
);

describe("deedAsked", () => {
  it("GIVEN 'why did russia cut off the military hotline with china' THEN the verb, its particle and its object", () => {
    expect(
      deedAsked(
        "why did russia cut off the military hotline with china",
        new Set(["russia", "china"]),
      ),
    ).toEqual({
      verb: "cut",
      particle: "off",
      subject: [],
      object: ["military", "hotline"],
      objectPlaces: [],
    });
  });

  it("GIVEN a name and a noun that may be a verb ('serdyukov visit beijing') THEN the verb after the name", () => {
    expect(
      deedAsked("when did serdyukov visit beijing to launch the hotline", new Set(["beijing"])),
    ).toMatchObject({
      verb: "visit",
      subject: ["serdyukov"],
    });
  });

  it("GIVEN a number before a noun ('the 2020 war stop') THEN the noun is not the verb", () => {
    expect(deedAsked("when did the 2020 war stop", new Set())?.verb).toBe("stop");
  });

  it("GIVEN a yes/no question ('did they cut the line') THEN no premise: it asks whether", () => {
    expect(deedAsked("did they cut the line", new Set())).toBeNull();
  });
});

describe("untoldPremise through the engine", () => {
  it("GIVEN a cut told only of patrols WHEN asked when the hotline was cut THEN declined, naming the verb", () => {
    const reply = hotline.when("when did the navies cut the hotline");
    expect(reply.status).toBe("no_answer");
    expect(reply.status === "no_answer" && reply.note).toMatch(/“cut”/);
  });

  it("GIVEN the cut told of the patrols WHEN asked of them THEN answered with its date", () => {
    expect(answered(hotline.when("when did the navies cut their patrols")).date?.iso).toBe(
      "2004-06-09",
    );
  });

  it("GIVEN a visit told of Petrov WHEN asked of Ivanov THEN declined", () => {
    expect(hotline.when("when did ivanov visit the naval base").status).toBe("no_answer");
  });

  it("GIVEN a visit told of Petrov WHEN asked of Petrov THEN answered with its date", () => {
    expect(answered(hotline.when("when did petrov visit the naval base")).date?.iso).toBe(
      "2005-07-12",
    );
  });

  it("GIVEN no passage telling a phrasal verb's deed ('fall through') THEN declined, though its verb alone is related to one told ('fall': 'lower', 'cut')", () => {
    expect(hotline.ask("why did the patrol agreement fall through").status).toBe("no_answer");
  });

  it("GIVEN a passage telling the phrasal verb's deed in WordNet's word for it ('foundered') THEN answered", () => {
    expect(
      answered(hotline.when("when did the talks on a second line fall through")).date?.iso,
    ).toBe("2006-03");
  });
});

describe("a deed told with other words for its sides", () => {
  const crash = hotlineOf(
    [
      "On 24 November 2015, Turkish F-16s shot down a Russian Su-24 bomber near the border.",
      "On 17 September 2018, Syrian gunners shot down a Russian Il-20 plane by mistake.",
    ],
    "2019-01-10",
  );

  it("GIVEN the object named by its nationality ('the russian jet' as 'a Russian Su-24 bomber') and the doer by another name ('Turkish') THEN answered", () => {
    expect(answered(crash.when("when did turkey shoot down the russian jet")).date?.iso).toBe(
      "2015-11-24",
    );
  });
});

describe("a deed whose doers the question counts ('the 5 countries')", () => {
  const border = hotlineOf(
    [
      "In April 1990, Austria, Hungary, Slovenia, Croatia, and Serbia signed an agreement on border crossings.",
      "The five governments met again in 1995.",
      // The sources use "5" too (as a term of their own), so the question's "5" is searched for.
      "Traffic over the crossings grew by 5 per cent a year.",
    ],
    "2001-01-10",
  );

  it("GIVEN a number in digits as the subject THEN it is read as counting the doers, not as a name the passage must say", () => {
    const reply = answered(border.when("when did the 5 countries sign the border agreement"));
    expect(reply.date?.iso).toBe("1990-04");
    expect(reply.quotes[0]?.text).toContain("signed an agreement on border crossings");
  });
});

describe("whyMade", () => {
  const born = hotlineOf(
    [
      "The hotline was born of fear.",
      "During the crisis of 1962, messages between the leaders took many hours to arrive.",
      "The embassy building was finished in 1964.",
    ],
    "2013-06-20",
  );

  it("GIVEN a why-question about making a thing no passage says was made THEN answered by why the thing exists", () => {
    const reply = answered(born.ask("why did they build the hotline"));
    expect(reply.quotes[0]?.text).toContain("born of fear");
  });
});

describe("withoutHintedPlaces", () => {
  const place = (surface: string) => ({
    codes: [surface],
    surface,
    start: 0,
    end: 0,
    from: 0,
    to: 0,
  });
  const query = { places: [place("moscow"), place("cuba")] } as unknown as Query;

  it("GIVEN a place named only in the closing guess THEN it is no side of the line", () => {
    const read = withoutHintedPlaces(
      "why did they build the moscow line, something about cuba?",
      query,
    );
    expect(read.places.map((m) => m.surface)).toEqual(["moscow"]);
  });

  it("GIVEN the place named before the guess too THEN kept", () => {
    const read = withoutHintedPlaces(
      "why did cuba build the moscow line, something about cuba?",
      query,
    );
    expect(read.places.map((m) => m.surface)).toEqual(["moscow", "cuba"]);
  });
});

describe("a deed done to a place: the place must be named where the deed is told", () => {
  const visits = hotlineOf(
    [
      "The United States and Russia set up a hotline on 30 August 1963.",
      "President Putin visited Beijing on 5 June 2019 to meet President Xi.",
      "The hotline between the United States and Russia was last used in 2019, when Putin wrote to the president.",
    ],
    "2020-01-01",
  );

  it("GIVEN a visit told of another city, and the asked city's country named only elsewhere THEN 'when did putin visit washington' is declined", () => {
    const reply = visits.when("when did putin visit washington");
    expect(reply.status).toBe("no_answer");
    expect(reply.status === "no_answer" && reply.note).toMatch(/“visit”/);
  });

  it("GIVEN the visit told of the city asked THEN answered with its date", () => {
    expect(answered(visits.when("when did putin visit beijing")).date?.iso).toBe("2019-06-05");
  });
});

/** `docs` (each a list of paragraphs) as one corpus, with the repo's synonyms. */
function corpusOf(docs: string[][]) {
  const dir = mkdtempSync(join(tmpdir(), "hotline-premise-"));
  dirs.push(dir);
  copyFileSync("corpus/synonyms.json", join(dir, "synonyms.json"));
  docs.forEach((paragraphs, i) => {
    writeFileSync(
      join(dir, `doc-${i}.md`),
      `---\nid: doc-${i}\ntitle: News ${i}\npublisher: A publisher\npublished: 2017-02-01\nurl: http://example.org/doc-${i}\n---\n\n${paragraphs.join("\n\n")}\n`,
    );
  });
  return loadHotline({ corpusDir: dir });
}

describe("a passage that tells neither the deed nor its doer", () => {
  const border = corpusOf([
    [
      "Two weeks after the crisis, a Portuguese delegation led by Admiral João Silva came to Vigo harbour for talks with the Spanish chief of staff.",
      "The Portuguese and Spanish navies hold talks every spring.",
    ],
    [
      "On 24 November 2015, Greek fighters shot down a Turkish bomber near the Aegean islands.",
      "Greece and Turkey have talked about a hotline for years.",
      "Greek and Turkish jets often meet over the Aegean.",
    ],
  ]);

  it("GIVEN the sources tell of a Portuguese delegation in Vigo, and of bombers only of Greece and Turkey, WHEN asked when Portuguese jets bombed Vigo harbour THEN no_answer", () => {
    expect(border.when("when did portuguese jets bomb vigo harbour").status).toBe("no_answer");
  });

  it("GIVEN a passage that names the doer ('a Portuguese jet had strayed … over Badajoz') WHEN asked when the Portuguese jet strayed over Badajoz THEN answered", () => {
    const strayed = corpusOf([
      [
        "Days later, the Spanish defence minister said a Portuguese jet had strayed a mile into Spanish airspace over Badajoz on 3 May 2016.",
        "The Portuguese and Spanish navies hold talks every spring.",
      ],
    ]);
    expect(strayed.when("when did the portuguese jet stray over badajoz").status).toBe("answered");
  });
});
