import { describe, expect, it } from "vitest";
import { loadHotline } from "../../src/hotline.js";
import { digestView } from "../../src/present/digest.js";

const hotline = loadHotline();

describe("digestView", () => {
  it("GIVEN 29 December, whose event is dated only by a news report THEN its heading says (reported)", () => {
    const view = digestView(hotline.today("12-29"));
    expect(view.items.map((i) => i.heading)).toEqual(["On this day in 2008 (reported):"]);
  });

  it("GIVEN 14 March, whose event the text dates THEN its heading has no mark", () => {
    const headings = digestView(hotline.today("03-14")).items.map((i) => i.heading);
    expect(headings.length).toBeGreaterThan(0);
    expect(headings.every((h) => !h.includes("(reported)"))).toBe(true);
  });
});
