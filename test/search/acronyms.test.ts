import { describe, expect, it } from "vitest";
import { readAcronyms, readPhraseInitials, syllablesOf } from "../../src/search/acronyms.js";

describe("readAcronyms", () => {
  const lookup = readAcronyms([
    "The ceasefire along the Line of Control dates from November 2003.",
    "The hotline connects the Directors General of Military Operations at army headquarters.",
    "On March 3, the U.S. Department of Defense released a report.",
  ]);

  it("GIVEN a name with a small word inside THEN its acronym with and without that word's initial", () => {
    expect(lookup("LoC")).toBe("Line of Control");
    expect(lookup("loc")).toBe("Line of Control");
    expect(lookup("lc")).toBe("Line of Control");
    expect(lookup("DoD")).toBe("Department of Defense");
  });

  it("GIVEN a plural acronym THEN its singular's name", () => {
    expect(lookup("DGMOs")).toBe("Directors General of Military Operations");
  });

  it("GIVEN letters no name of the texts makes THEN nothing", () => {
    expect(lookup("nato")).toBeUndefined();
    expect(lookup("x")).toBeUndefined();
  });
});

describe("readAcronyms: syllables", () => {
  const lookup = readAcronyms([
    "The Incidents at Sea agreement was signed in 1972.",
    "Troops of the UN Protection Force were sent.",
    "The Camp Kent talks were held in spring.",
  ]);

  it("GIVEN the starts of a name's words ('incsea') THEN the name", () => {
    expect(lookup("incsea")).toBe("Incidents at Sea");
    expect(lookup("INCSEA")).toBe("Incidents at Sea");
    expect(lookup("unprofor")).toBe("UN Protection Force");
  });

  it("GIVEN an English word that could be read as syllables ('cake') THEN nothing", () => {
    expect(lookup("cake")).toBeUndefined();
  });

  it("GIVEN single letters of some words ('isea') THEN no syllable acronym", () => {
    expect(lookup("isea")).toBeUndefined();
  });
});

describe("syllablesOf", () => {
  it("GIVEN a small word inside THEN it may give letters or none", () => {
    expect(syllablesOf("incsea", ["incidents", "at", "sea"])).toBe(true);
    expect(syllablesOf("incatsea", ["incidents", "at", "sea"])).toBe(true);
    expect(syllablesOf("incse", ["incidents", "at", "sea"])).toBe(true);
    expect(syllablesOf("incs", ["incidents", "at", "sea"])).toBe(false);
  });
});

describe("readAcronyms: a name at the start of a sentence", () => {
  it("GIVEN 'The' before the name THEN the acronym leaves it out", () => {
    const lookup = readAcronyms(["The Nuclear Risk Reduction Centers exchanged notices."]);
    expect(lookup("nrrc")).toBe("Nuclear Risk Reduction Centers");
  });
});

describe("readPhraseInitials", () => {
  const lookup = readPhraseInitials([
    "The two presidents announced two memorandums of understanding on 12 November 2014.",
    "Most of them were never used.",
  ]);

  it("GIVEN a lower-case 'X of Y' phrase THEN its initials, and their plural, find it", () => {
    expect(lookup("mou")).toBe("memorandums of understanding");
    expect(lookup("MoUs")).toBe("memorandums of understanding");
  });

  it("GIVEN a phrase with a word that carries no topic ('most of them') THEN its initials find nothing", () => {
    expect(lookup("mot")).toBeUndefined();
  });
});
