import { describe, expect, it } from "vitest";
import { readAcronyms } from "../../src/search/acronyms.js";

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
