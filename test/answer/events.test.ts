import { describe, expect, it } from "vitest";
import { loadHotline } from "../../src/hotline.js";
import { answered, hotlineOf as oneDocument } from "./one-document.js";

const hotlineOf = (paragraphs: string[], published = "2013-06-20") =>
  oneDocument(paragraphs, published);

describe("hotline.when: a date dates only its own statement", () => {
  it.each([
    [
      "':'",
      "When the union broke up in 1991, the link did not go silent: the hotline has connected the two capitals ever since.",
    ],
    ["';'", "The union broke up in 1991; the hotline has connected the two capitals ever since."],
    [
      "'but'",
      "The union broke up in 1991, but the hotline has connected the two capitals ever since.",
    ],
  ])(
    "GIVEN a 1991 date in a clause before %s and the line's setting up dated in a longer sentence to August 1963 THEN August 1963 answers, not 1991",
    (_, detached) => {
      const hotline = hotlineOf([
        detached,
        "After long talks about terminals, cables, teleprinters and codes between the two governments, the hotline went into operation in August 1963.",
      ]);
      const answer = answered(hotline.when("when was the hotline set up"));
      expect(answer.date).toEqual({ iso: "1963-08", precision: "month", approximate: false });
      expect(answer.quotes[0]?.text).toMatch(/went into operation in August 1963\.$/);
    },
  );
});

describe("hotline.when: what counts as setting a line up", () => {
  it("GIVEN 'began operating' THEN it is the line's opening", () => {
    const hotline = hotlineOf(
      ["Work on the line began in 2021.", "The line began operating on March 31, 2023."],
      "2023-05-01",
    );
    const answer = answered(hotline.when("when did the line open"));
    expect(answer.date).toEqual({ iso: "2023-03-31", precision: "day", approximate: false });
  });

  it("GIVEN 'went into operation' and an earlier date the line only appears with THEN the going into operation answers", () => {
    const hotline = hotlineOf([
      "The hotline was first proposed in June 1962.",
      "The hotline went into operation in August 1963.",
    ]);
    const answer = answered(hotline.when("when was the hotline set up"));
    expect(answer.date).toEqual({ iso: "1963-08", precision: "month", approximate: false });
  });

  it("GIVEN the seed corpus, where trust 'was built starting in April 1990' THEN the Sino-Russian line's establishing is 14 March 2008, not 1990", () => {
    const answer = answered(
      loadHotline().when("when was the military hotline between china and russia established"),
    );
    expect(answer.date).toEqual({ iso: "2008-03-14", precision: "day", approximate: false });
  });
});

describe("hotline.timeline: a year-less date takes its paragraph's year", () => {
  it("GIVEN 'On 30 August' after 'August 1963' in the same paragraph of a 2013 article THEN the timeline dates it 30 August 1963", () => {
    const hotline = hotlineOf([
      "The hotline went into operation in August 1963. On 30 August, the American terminal sent its first test message.",
    ]);
    const event = hotline.timeline().find((e) => e.quote.text.startsWith("On 30 August"));
    expect(event?.date).toEqual({ iso: "1963-08-30", precision: "day", approximate: false });
  });
});

describe("hotline.when: a date counted from a stated day", () => {
  it("GIVEN 'The next day' after a stated day and a sentence as good dated by a bare year THEN the day-exact one answers", () => {
    const hotline = hotlineOf(
      [
        "On 18 June 2017, an American jet shot down a Syrian plane near the river.",
        "The next day, Moscow said it would stop using the line over Syria.",
        "In 2016, Moscow said it would stop using the line over Syria if it was misused.",
      ],
      "2018-05-21",
    );
    const answer = answered(hotline.when("when did moscow say it would stop using the syria line"));
    expect(answer.date).toEqual({ iso: "2017-06-19", precision: "day", approximate: false });
    expect(answer.quotes[0]?.text).toMatch(/^The next day, Moscow said/);
  });
});

describe("hotline.when: the event said in other words", () => {
  it("GIVEN 'finish' asked and 'completed' said THEN WordNet's synonym finds the right date", () => {
    const hotline = hotlineOf(
      [
        "On 1 August 2021, the two armies began their withdrawal from the valley.",
        "On 5 August 2021, the two armies completed their withdrawal from the valley.",
      ],
      "2021-09-01",
    );
    const answer = answered(
      hotline.when("when did the armies finish the withdrawal from the valley"),
    );
    expect(answer.date?.iso).toBe("2021-08-05");
  });
});
