import { describe, expect, it } from "vitest";
import type { SourceRef } from "../../src/model.js";
import { citationParts } from "../../src/present/citation.js";

const source: SourceRef = {
  id: "bbc",
  title: "Army phone links China and Russia",
  publisher: "BBC News",
  author: "Chris Hogg",
  published: "2008-12-29",
  url: "http://news.bbc.co.uk/x.stm",
  original: null,
};

describe("citationParts", () => {
  it("GIVEN a dated source with an author THEN publisher, author, date in words, paragraph", () => {
    expect(citationParts(source, "¶5")).toEqual({
      title: source.title,
      url: source.url,
      facts: ["BBC News", "Chris Hogg", "29 December 2008", "¶5"],
      original: null,
    });
  });

  it("GIVEN an undated translation without author THEN no date is guessed and the original is cited", () => {
    const translation: SourceRef = {
      ...source,
      author: null,
      published: null,
      original: { title: "原文", publisher: "Xinhua", published: "2008-03-18", url: "http://x.cn" },
    };
    expect(citationParts(translation)).toEqual({
      title: source.title,
      url: source.url,
      facts: ["BBC News"],
      original: { title: "原文", url: "http://x.cn", facts: ["Xinhua", "18 March 2008"] },
    });
  });
});
