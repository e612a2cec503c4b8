import { describe, expect, it } from "vitest";
import { asksNext, beforeWriting } from "../../src/answer/next.js";
import { answered, hotlineOf } from "./one-document.js";

describe("asksNext / beforeWriting", () => {
  it("GIVEN 'when is/will … next' THEN it asks of the next; a past 'when did … next' does not", () => {
    expect(asksNext("when is the next council meeting")).toBe(true);
    expect(asksNext("when's the next round of talks")).toBe(true);
    expect(asksNext("when did they meet the next day")).toBe(false);
    expect(asksNext("when is the council meeting")).toBe(false);
  });

  it("GIVEN dates at each precision THEN before the publication only when wholly before it", () => {
    const day = { precision: "day", approximate: false } as const;
    expect(beforeWriting({ ...day, iso: "2022-01-12" }, "2022-01-20")).toBe(true);
    expect(beforeWriting({ ...day, iso: "2022-02-03" }, "2022-01-20")).toBe(false);
    expect(
      beforeWriting({ iso: "2022-01", precision: "month", approximate: false }, "2022-01-20"),
    ).toBe(false);
    expect(beforeWriting({ ...day, iso: "2022-01-12" }, null)).toBe(false);
  });
});

describe("hotline.when: the next of a series", () => {
  it("GIVEN a meeting dated before the source was written and 'no date for another meeting' THEN 'when is the next meeting' has no date and quotes that", () => {
    const hotline = hotlineOf(
      [
        "Ambassadors of the council sat down together in Brussels last week. The meeting of the council on 12 January lasted four hours.",
        "Officials said the council meeting was useful. It ended with no agreement and no date for another meeting.",
      ],
      "2022-01-20",
    );
    const answer = answered(hotline.when("when is the next council meeting"));
    expect(answer.date).toBeNull();
    expect(answer.quotes[0]?.text).toContain("no date for another meeting");
  });

  it("GIVEN a past meeting and the next one dated after the source was written THEN the later date", () => {
    const hotline = hotlineOf(
      [
        "The meeting of the council on 12 January lasted four hours.",
        "The next meeting of the council will be held on 3 March.",
      ],
      "2022-01-20",
    );
    const answer = answered(hotline.when("when is the next council meeting"));
    expect(answer.date?.iso).toBe("2022-03-03");
  });
});
