import { describe, expect, it } from "vitest";
import { answered, hotlineOf as oneDocument } from "./one-document.js";

const hotlineOf = (paragraphs: string[], published = "2018-05-21") =>
  oneDocument(paragraphs, published);

describe("hotline.when: an event the source says has not happened", () => {
  it("GIVEN a plan and then 'No such agreement has been signed' THEN no date, that sentence quoted, and an as-of note", () => {
    const hotline = hotlineOf([
      "The two air forces set up a telephone line for air safety on 20 October 2015.",
      "The two armies have discussed a wider arrangement that would also cover ground forces in the north, where patrols meet on the same roads. No such agreement has been signed, and officials say none is expected soon.",
    ]);
    const answer = answered(
      hotline.when("when was the ground forces agreement in the north signed"),
    );
    expect(answer.date).toBeNull();
    expect(answer.quotes[0]?.text).toContain("No such agreement has been signed");
    expect(answer.note).toBe(
      "The sources give no date for this: as of 21 May 2018 A publisher reported it had not happened.",
    );
  });

  it("GIVEN a proposal and then 'China has not agreed to it' (a pronoun in the not-happened clause) THEN no date, that sentence quoted", () => {
    const hotline = hotlineOf([
      "The two navies signed a memorandum on encounters at sea on 12 November 2014.",
      "A separate annex on notifying each other of missile launches was proposed by Washington this spring, officials said. China has not agreed to it, and talks on it have not begun.",
    ]);
    const answer = answered(hotline.when("when did china agree to the missile launch annex"));
    expect(answer.date).toBeNull();
    expect(answer.quotes[0]?.text).toContain("China has not agreed to it");
  });

  it("GIVEN a dated sentence saying a line was close and then 'It has still not been set up' THEN no date", () => {
    const hotline = hotlineOf([
      "Talks on a hotline between the two operations directorates went on for years. After the leaders met at a summit in April 2018, officials said an operations hotline was close. It has still not been set up.",
    ]);
    const answer = answered(hotline.when("when was the operations hotline set up"));
    expect(answer.date).toBeNull();
    expect(answer.quotes[0]?.text).toContain("It has still not been set up.");
    expect(answer.note).toMatch(/reported it had not happened\.$/);
  });

  it("GIVEN talks that are to be held 'but no date has been set for it' and an earlier dated event THEN no date", () => {
    const hotline = hotlineOf(
      [
        "Relations warmed after the earthquakes of 6 February 2023, when rescuers were sent across the border.",
        "The two defence ministries are to hold a new round of talks on confidence-building measures, but no date has been set for it.",
      ],
      "2023-12-20",
    );
    const answer = answered(hotline.when("when are the defence ministries holding the new talks"));
    expect(answer.date).toBeNull();
    expect(answer.quotes[0]?.text).toContain("but no date has been set for it");
    expect(answer.note).toMatch(/reported it had not happened\.$/);
  });

  it("GIVEN a dated line between China and Russia and a line between China and the US that still waits THEN a question about China and the US gets no date", () => {
    const hotline = hotlineOf([
      "On 14 March 2008, the defence ministries of China and Russia opened a direct telephone hotline and made the first call on it.",
      "While the hotline between China and the United States still waits to be finalized, the line to Moscow is already open.",
    ]);
    const answer = answered(
      hotline.when("when was the first call made on the hotline between china and the us"),
    );
    expect(answer.date).toBeNull();
    expect(answer.quotes[0]?.text).toContain("still waits to be finalized");
  });

  it("GIVEN leaders who met on a date and agreed to set up a commission, and 'The commission has not met yet' THEN the commission's first meeting gets no date", () => {
    const hotline = hotlineOf(
      [
        "Meeting him there again on 6 April 2022, the president agreed to instruct his foreign minister to prepare a peace treaty and to set up the border commission.",
        "The two leaders met in Brussels on 14 December 2021 and agreed to restore railway links.",
        "The commission has not met yet, and neither side has named its members.",
        "Troops exchanged fire on the border in May 2021.",
        "The peace treaty talks began in Paris in January 2019.",
      ],
      "2022-06-01",
    );
    const answer = answered(hotline.when("when did the border commission first meet"));
    expect(answer.date).toBeNull();
    expect(answer.quotes[0]?.text).toContain("The commission has not met yet");
  });

  it("GIVEN a dated phone call to a foreign minister and 'No call on the ministers hotline has been reported' THEN the first call on the ministers' hotline gets no date", () => {
    const hotline = hotlineOf(
      [
        "On 5 July 2020, the national security adviser spoke by phone to Foreign Minister Wang Yi for about two hours.",
        "On 25 February 2021, Mr Jaishankar and Mr Wang spoke on the phone for 75 minutes and agreed to set up a hotline between them.",
        "Officials described it as the first hotline at the level of foreign ministers between the two countries.",
        "No call on the ministers hotline has been reported since then, and officials will not say whether it has been put into service.",
      ],
      "2021-06-01",
    );
    const answer = answered(
      hotline.when("when was the first call on the foreign ministers hotline"),
    );
    expect(answer.date).toBeNull();
    expect(answer.quotes[0]?.text).toContain("No call on the ministers hotline");
  });

  it("GIVEN a commission that 'has not met yet' and a later account of the commission meeting for the first time THEN the meeting's date", () => {
    const hotline = hotlineOf(
      [
        "The commission has not met yet, and neither side has named its members.",
        "The border commission met for the first time on 24 May 2022 in Brussels.",
      ],
      "2022-06-01",
    );
    const answer = answered(hotline.when("when did the border commission first meet"));
    expect(answer.date?.iso).toBe("2022-05-24");
  });

  it("GIVEN a line set up on a stated date that 'has not been used since' THEN its setting up keeps its date", () => {
    const hotline = hotlineOf([
      "The two armies set up a telephone hotline on 20 October 2015. It has not been used since the spring of 2017.",
    ]);
    const answer = answered(hotline.when("when was the hotline set up"));
    expect(answer.date?.iso).toBe("2015-10-20");
  });
});

describe("hotline.when: 'has not … since DATE' tells when something stopped", () => {
  const paragraphs = [
    "The island's radio station used to answer the coast guard every morning.",
    "The island has not answered the radio since 3 March, according to the coast guard, and contact has not been restored since then.",
  ];

  it("GIVEN 'The island has not answered the radio since 3 March' THEN 'when did the island stop answering the radio' is 3 March", () => {
    const answer = answered(
      hotlineOf(paragraphs, "2019-05-10").when("when did the island stop answering the radio"),
    );
    expect(answer.date?.iso).toBe("2019-03-03");
    expect(answer.quotes[0]?.text).toContain("has not answered the radio since 3 March");
  });

  it("GIVEN the same THEN 'when was contact restored' still has no date ('since then' names no date)", () => {
    const answer = answered(
      hotlineOf(paragraphs, "2019-05-10").when("when was contact with the island restored"),
    );
    expect(answer.date).toBeNull();
  });
});

describe("hotline.when: 'while the A-B line still waits …, the A-C line is open'", () => {
  it("GIVEN the not-happened clause names the asked pair and the rest another pair THEN the asked line has no date, that sentence quoted", () => {
    const hotline = hotlineOf(
      [
        "On 3 March 2015, the Chilean defence ministry signed an agreement on setting up a radio line with Peru.",
        "While the Chile-Peru radio line still waits to be finalized, the radio line connecting Chile and Argentina is already open.",
        "Argentina and Chile have held joint naval exercises every year since 2010.",
      ],
      "2015-12-01",
    );
    const answer = answered(hotline.when("when was the radio line between chile and peru opened"));
    expect(answer.date).toBeNull();
    expect(answer.quotes[0]?.text).toContain("still waits to be finalized");
  });
});
