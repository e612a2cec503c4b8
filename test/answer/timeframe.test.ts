import { describe, expect, it } from "vitest";
import {
  fitsFrame,
  hasFrame,
  readTimeFrame,
  withoutReferences,
} from "../../src/answer/timeframe.js";

const words = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];
const day = (iso: string) => ({ iso, precision: "day" as const, approximate: false });
const frameOf = (question: string) => readTimeFrame(question, words);

describe("readTimeFrame", () => {
  it("GIVEN 'in 2023' THEN the answer must fall in 2023", () => {
    expect(frameOf("when did pyongyang stop answering the hotline in 2023")).toEqual({
      within: "2023",
    });
  });

  it("GIVEN 'after the July 2021 restoration' THEN after July 2021, the reference named by its words", () => {
    expect(frameOf("when did the north stop picking up after the july 2021 restoration")).toEqual({
      after: { iso: "2021-07", terms: ["the", "restoration"], span: [40, 66] },
    });
  });

  it("GIVEN a reference ('after the 2018 agreement', 'before the feb 2021 joint statement') THEN the question without it keeps its own verb and drops the reference's words", () => {
    const ask = (q: string) => withoutReferences(q, frameOf(q)).replace(/\s+/g, " ").trim();
    expect(ask("how long after the 2018 agreement did the line open")).toBe(
      "how long after did the line open",
    );
    expect(ask("when did they talk before the feb 2021 joint statement?")).toBe(
      "when did they talk before ?",
    );
    expect(ask("when did the north stop picking up after the july 2021 restoration")).toBe(
      "when did the north stop picking up after",
    );
    expect(ask("when was the line set up")).toBe("when was the line set up");
  });

  it("GIVEN 'before the feb 2021 joint statement' THEN before February 2021", () => {
    expect(frameOf("when did they talk before the feb 2021 joint statement?").before?.iso).toBe(
      "2021-02",
    );
  });

  it("GIVEN a year used as a name ('the 2018 agreement') or no year THEN no frame", () => {
    expect(hasFrame(frameOf("how long after the 2018 agreement did the line open"))).toBe(true);
    expect(hasFrame(frameOf("when was the 2018 agreement signed"))).toBe(false);
    expect(hasFrame(frameOf("when was the line set up"))).toBe(false);
  });
});

describe("fitsFrame", () => {
  const none = new Set<string>();
  it("GIVEN within 2023 THEN 2023 dates fit and 2018 does not", () => {
    expect(fitsFrame({ within: "2023" }, day("2023-04-07"), none)).toBe(true);
    expect(fitsFrame({ within: "2023" }, day("2018-01-03"), none)).toBe(false);
  });

  it("GIVEN after July 2021's restoration THEN August fits, the restoration itself and June do not", () => {
    const frame = {
      after: { iso: "2021-07", terms: ["restor"], span: [0, 0] as [number, number] },
    };
    expect(fitsFrame(frame, day("2021-08-10"), none)).toBe(true);
    expect(fitsFrame(frame, day("2021-07-27"), new Set(["restor", "line"]))).toBe(false);
    expect(fitsFrame(frame, day("2021-06-01"), none)).toBe(false);
  });

  it("GIVEN before February 2021's statement THEN a day of that month that is not the statement fits", () => {
    const frame = {
      before: { iso: "2021-02", terms: ["joint", "statement"], span: [0, 0] as [number, number] },
    };
    expect(fitsFrame(frame, day("2021-02-22"), new Set(["dgmo", "hotline"]))).toBe(true);
    expect(fitsFrame(frame, day("2021-02-25"), new Set(["joint", "statement"]))).toBe(false);
    expect(fitsFrame(frame, day("2021-03-01"), none)).toBe(false);
  });
});
