import { describe, expect, it } from "vitest";
import { answered, hotlineOf } from "./one-document.js";

/** An agreement to set up a line, and what became of it (`after`). */
function navalLine(after: string[]) {
  return hotlineOf(
    [
      "On 12 May 2009, the French Ministry of Defence signed an agreement on setting up a direct telephone line with its Spanish counterpart in Madrid. It was widely expected that the French-Spanish naval hotline would be opened within a month, and that it would be the first naval hotline between the two countries.",
      "The talks on the technical details of the French-Spanish line have been long.",
      ...after,
    ],
    "2010-01-15",
  );
}

describe("absent: an event on a thing the sources say is not there yet", () => {
  it("GIVEN an agreement of 12 May 2009 to set up a Paris-Madrid line and a later report 'There is still no hotline between the French navy and the Spanish navy' WHEN asked when the first call was made on it THEN no date, quoting the report", () => {
    const hotline = navalLine([
      "There is still no hotline between the French navy and the Spanish navy in Madrid.",
    ]);
    const answer = answered(
      hotline.when("when was the first call made on the paris madrid hotline"),
    );
    expect(answer.date).toBeNull();
    expect(answer.quotes[0]?.text).toContain("There is still no hotline");
  });

  it("GIVEN 'The French-Spanish hotline has never been used in a crisis' and a sentence telling the first call itself ('The first call … was made on 2 June 2009') THEN the call's date answers", () => {
    const hotline = hotlineOf(
      [
        "The first call on the Paris-Madrid naval hotline was made on 2 June 2009, when the French and Spanish admirals spoke for ten minutes.",
        "The French-Spanish hotline has never been used in a crisis.",
      ],
      "2010-01-15",
    );
    const answer = answered(
      hotline.when("when was the first call made on the paris madrid hotline"),
    );
    expect(answer.date?.iso).toBe("2009-06-02");
  });
});
