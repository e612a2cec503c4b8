import { describe, expect, it } from "vitest";
import { answered, hotlineOf } from "./one-document.js";

describe("hotline.ask: the next sentence saying what the best match leaves unsaid is quoted with it", () => {
  it("GIVEN 'On 3 May 2019, clashes broke out' and next 'That night … a truce had been agreed with Brazilian mediation' THEN 'who mediated the truce on 3 may 2019' quotes both", () => {
    const hotline = hotlineOf(
      [
        "Chile and Peru set up a military hotline in 1995.",
        "On 3 May 2019, the heaviest clashes in years broke out on the border. That night the Peruvian defence ministry said a truce had been agreed with Brazilian mediation.",
        "Pilots of both air forces use the hotline every morning.",
      ],
      "2020-05-01",
    );
    const answer = answered(hotline.ask("who mediated the truce on 3 may 2019"));
    expect(answer.quotes[0]?.text).toContain("agreed with Brazilian mediation");
  });
});

describe("hotline.ask: a yes/no question is settled by a sentence after the scene its best match sets", () => {
  const paragraphs = [
    "Chile and Peru set up a military hotline in 1995.",
    "On 7 March 2019, President Piñera of Chile and President Vizcarra of Peru signed a declaration on friendly relations in Lima.",
    "The two defence ministries are to hold talks on new measures, but no date has been set for them. A direct line between the two presidents, like the one agreed in 2010, has not been revived.",
    "## Another section",
    "Pilots of both air forces use the military hotline every morning.",
  ];

  it("GIVEN the presidents' declaration ranked first and 'A direct line between the two presidents … has not been revived' in the next paragraph THEN 'is there still a direct line between pinera and vizcarra' leads with it", () => {
    const hotline = hotlineOf(paragraphs, "2020-05-01");
    const answer = answered(
      hotline.ask("is there still a direct line between pinera and vizcarra?"),
    );
    expect(answer.quotes[0]?.text).toContain("has not been revived");
  });

  it("GIVEN the next sentences negate only other things ('no date has been set') THEN the best match still leads", () => {
    const hotline = hotlineOf(
      paragraphs.map((p) => p.replace(/ A direct line.*$/, "")),
      "2020-05-01",
    );
    const answer = answered(
      hotline.ask("is there still a direct line between pinera and vizcarra?"),
    );
    expect(answer.quotes[0]?.text).toContain("signed a declaration");
  });
});

describe("hotline.ask: a yes/no question is settled after a close match that says what the best one lacks", () => {
  it("GIVEN the presidents' meeting ranked first, their agreement on a line close behind and 'No call on the presidents' line has been reported' a paragraph later THEN 'have pinera and vizcarra actually used their line' leads with it", () => {
    const hotline = hotlineOf(
      [
        "Chile and Peru set up a military hotline in 1995.",
        "President Piñera met President Vizcarra in Lima on 10 September 2019, and the two used the meeting to ease tension. Talks on the border followed in February 2020.",
        "## The presidents' line",
        "On 25 February 2020, Mr Piñera and Mr Vizcarra spoke on the phone and agreed to set up a direct line between them. Officials described it as the first line at that level.",
        "No call on the presidents' line has been reported since then.",
      ],
      "2020-05-01",
    );
    const answer = answered(hotline.ask("ok so have pinera and vizcarra actually used their line"));
    expect(answer.quotes[0]?.text).toContain("No call on the presidents' line");
  });
});
