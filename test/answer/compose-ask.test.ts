import { describe, expect, it } from "vitest";
import { answered, hotlineOf } from "./one-document.js";

const NAVIES = [
  "Forty-five years ago today, the US and Soviet navies signed an agreement after hotline talks.",
  "In the 1960s the Soviet navy grew into a fleet that sailed every ocean, and its ships met those of the US Navy more and more often.",
  "In the end, after long talks between the admirals and lawyers of the two sides in Moscow and in Washington, the agreement did not create any telephone hotline between the US and Soviet navies.",
  "Once a year, delegations from the two navies meet to review how the agreement is working.",
  "The two defence ministries are to hold talks on a hotline, but no date has been set for it.",
];

describe("hotline.ask: a yes/no question leads with the sentence that settles it", () => {
  it("GIVEN a signing ranked first and 'the agreement did not create any telephone hotline between the US and Soviet navies' THEN 'is there a hotline between the us and soviet navies' leads with the negation", () => {
    const hotline = hotlineOf(NAVIES, "2017-05-25");
    const answer = answered(hotline.ask("is there a hotline between the us and soviet navies"));
    expect(answer.quotes[0]?.text).toContain("did not create any telephone hotline");
  });

  it("GIVEN the same sentences THEN a question that is not yes/no ('what did the us and soviet navies sign about a hotline') keeps the best-ranked sentence first", () => {
    const hotline = hotlineOf(NAVIES, "2017-05-25");
    const answer = answered(hotline.ask("what did the us and soviet navies sign about a hotline"));
    expect(answer.quotes[0]?.text).toContain("signed an agreement after hotline talks");
  });

  it("GIVEN a negation only in a clause about something else ('…, but the date is not known') THEN it does not settle a question about a hotline", () => {
    const hotline = hotlineOf(
      [
        "Greece and Turkey set up a military hotline between the air force operations centres at Larissa and Eskisehir.",
        "The defence ministries of Greece and Turkey are to hold a new round of military talks about the hotline and other measures in Ankara, but the date is not known.",
        "Relations warmed after the earthquakes of 6 February 2023.",
      ],
      "2023-12-20",
    );
    const answer = answered(hotline.ask("does greece have a military hotline with turkey"));
    expect(answer.quotes[0]?.text).toContain("Larissa");
  });

  it("GIVEN 'no date has been set' for talks that say less of the question than the hotline's sentence THEN 'does greece have a military hotline with turkey' leads with the hotline", () => {
    const hotline = hotlineOf(
      [
        "Greece and Turkey have long quarrelled over the Aegean, and Greece and Turkey both fly jets there.",
        "Later that year the two governments agreed on a direct line between the air force operations centres at Larissa in Greece and Eskisehir in Turkey.",
        "The two defence ministries are to hold a new round of talks on military confidence-building measures, but no date has been set for it.",
        "Greece and Turkey met again in Athens.",
      ],
      "2023-12-20",
    );
    const answer = answered(hotline.ask("does greece have a military hotline with turkey"));
    expect(answer.quotes[0]?.text).toContain("Larissa");
  });

  it("GIVEN a signing in 1972 ranked first and 'the agreement is still in force between the United States and Russia' THEN 'is the 1972 navy agreement still valid with russia' leads with 'still in force'", () => {
    const hotline = hotlineOf(
      [
        "The navy agreement was signed in Moscow on 25 May 1972 by the Secretary of the Navy and the Soviet naval commander.",
        "It set up no hotline, yet it became one of the most lasting channels between the two militaries, and the agreement is still in force between the United States and Russia.",
        "Once a year, delegations from the two navies meet to review how the agreement is working.",
      ],
      "2017-05-25",
    );
    const answer = answered(hotline.ask("is the 1972 navy agreement still valid with russia?"));
    expect(answer.quotes[0]?.text).toContain("still in force");
  });
});
