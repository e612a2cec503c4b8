import { describe, expect, it } from "vitest";
import { notHappenedAt, notHappenedIn } from "../../src/answer/not-happened.js";
import { readSentences } from "../../src/answer/sentence-readings.js";
import { toldBefore } from "../../src/answer/told-before.js";
import { parseDocument } from "../../src/corpus/document.js";
import { createAnalyzer } from "../../src/search/analyzer.js";
import { antecedentOf, buildPassages } from "../../src/text/passages.js";
import { primeReadings } from "../../src/text/stored-readings.js";

const analyzer = createAnalyzer([]);

/** The sentences of one small document, built anew (so nothing read of them is remembered). */
function sentencesOf() {
  const doc = parseDocument(
    "line-news.md",
    [
      "---",
      "id: line-news",
      "title: A line's news",
      "publisher: A publisher",
      "published: 2020-05-01",
      "url: http://example.org/line-news",
      "---",
      "",
      "The two ministries agreed on a hotline in 2019. It has not been used since then.",
      "",
      "The line was tested in March. The next day, both sides pulled back from the site of the clash.",
      "",
    ].join("\n"),
  );
  return buildPassages([doc], analyzer).sentences;
}

describe("readSentences: the readings a snapshot keeps", () => {
  it("GIVEN a corpus THEN only the sentences whose reading is not the default are listed, as the readers compute them", () => {
    const sentences = sentencesOf();
    const stored = readSentences(sentences);
    const used = sentences[1];
    expect(used?.text).toBe("It has not been used since then.");
    expect(stored.notHappened).toEqual([[1, notHappenedIn(used?.text ?? "")]]);
    expect(stored.pointsBack).toEqual([1]);
    expect(stored.toldBefore).toEqual([[3, ["clash"]]]);
  });
});

describe("primeReadings: a start from a snapshot", () => {
  it("GIVEN readings stored for a corpus THEN the readers answer from them, not from the text", () => {
    const sentences = sentencesOf();
    const [agreed, used, tested, next] = sentences;
    if (!agreed || !used || !tested || !next) throw new Error("expected four sentences");
    // Readings no expression would give these texts: only the store can answer so.
    primeReadings(sentences, {
      notHappened: [[0, 7]],
      toldBefore: [[2, ["march"]]],
      pointsBack: [3],
    });
    expect(notHappenedAt(agreed)).toBe(7);
    expect(notHappenedAt(used)).toBe(-1);
    expect([...toldBefore(tested)]).toEqual(["march"]);
    expect(toldBefore(next).size).toBe(0);
    expect(antecedentOf(next)).toBe(tested);
    expect(antecedentOf(used)).toBeUndefined();
  });

  it("GIVEN no stored readings THEN the readers read the text", () => {
    const [agreed, used, tested, next] = sentencesOf();
    if (!agreed || !used || !tested || !next) throw new Error("expected four sentences");
    expect(notHappenedAt(used)).toBe(notHappenedIn(used.text));
    expect(notHappenedAt(agreed)).toBe(-1);
    expect([...toldBefore(next)]).toEqual(["clash"]);
    expect(antecedentOf(used)).toBe(agreed);
    expect(antecedentOf(next)).toBeUndefined();
    expect(antecedentOf(tested)).toBeUndefined();
  });

  it("GIVEN stored readings naming a sentence the corpus lacks THEN priming throws (the snapshot does not fit)", () => {
    const sentences = sentencesOf();
    expect(() =>
      primeReadings(sentences, { notHappened: [[99, 0]], toldBefore: [], pointsBack: [] }),
    ).toThrow(/sentence 99/);
  });
});
