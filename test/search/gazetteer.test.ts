import { describe, expect, it } from "vitest";
import type { Countries } from "world-countries";
import {
  countryNames,
  Gazetteer,
  gazetteer,
  gazetteerTables,
  shortNames,
} from "../../src/search/gazetteer.js";

const codes = (text: string) =>
  gazetteer()
    .find(text)
    .map((m) => m.codes.sort().join("/"));

describe("gazetteer", () => {
  it.each([
    ["the Sino-Russian line", ["CHN", "RUS"]],
    ["between Delhi and Islamabad", ["IND", "PAK"]],
    ["the U.S. and the Soviet Union", ["USA", "RUS"]],
    ["Beijing's line to the Pentagon", ["CHN", "USA"]],
    ["Russia and America", ["RUS", "USA"]],
    ["Tokyo and Beijing", ["JPN", "CHN"]],
    ["Burma, now Myanmar", ["MMR", "MMR"]],
    ["the Indo-Pak ceasefire", ["IND", "PAK"]],
    ["Russians and Americans", ["RUS", expect.stringContaining("USA")]],
    ["Britain and Moscow", ["GBR", "RUS"]],
  ])("GIVEN %j THEN it names %j", (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it("GIVEN the tables written as JSON and read back, as the build ships them THEN the same places are found", () => {
    const shipped = new Gazetteer(JSON.parse(JSON.stringify(gazetteerTables(countryNames()))));
    const text = "the U.S. and the Soviet Union, North Korea, Delhi, the uk, a Korean and the PRC";
    expect(shipped.find(text)).toEqual(gazetteer().find(text));
    expect(shipped.find(text).map((m) => m.codes.sort().join("/"))).toEqual([
      "USA",
      "RUS",
      "PRK",
      "IND",
      "GBR",
      "KOR/PRK",
      "CHN",
    ]);
    expect(shipped.namesOf("IND")).toEqual(gazetteer().namesOf("IND"));
  });

  it("GIVEN a name that is also a property of every JavaScript object THEN it names nothing", () => {
    const tables = gazetteerTables([["Constructor Islands", "XXX"]]);
    const places = new Gazetteer(tables);
    expect(places.find("the constructor of the line").map((m) => m.codes)).toEqual([]);
    expect(places.find("the Constructor Islands").map((m) => m.codes)).toEqual([["XXX"]]);
  });

  it("GIVEN a country's acronym in lower case that is no common word ('the uk', 'prc') THEN the country; 'us' THEN no place", () => {
    expect(codes("when did the uk sign")).toEqual(["GBR"]);
    expect(codes("prc and usa")).toEqual(["CHN", "USA"]);
    expect(codes("tell us")).toEqual([]);
  });

  it("GIVEN Korea or Korean without north or south THEN both Koreas", () => {
    expect(codes("the inter-Korean line")).toEqual(["KOR/PRK"]);
    expect(codes("North Korea")).toEqual(["PRK"]);
  });

  it("GIVEN 'us' as a pronoun THEN no place; next to another place THEN the United States", () => {
    expect(codes("tell us when it opened")).toEqual([]);
    expect(codes("us china hotline")).toEqual(["USA", "CHN"]);
  });

  it("GIVEN 'the us' not next to another place THEN the United States; GIVEN 'let us' THEN only the other place", () => {
    expect(codes("china and the us")).toEqual(["CHN", "USA"]);
    expect(codes("the us and china")).toEqual(["USA", "CHN"]);
    expect(codes("let us know about china")).toEqual(["CHN"]);
  });

  it("GIVEN two-letter words that are also country codes THEN no place", () => {
    expect(codes("IT staff at 9 AM IN the office")).toEqual([]);
  });
});

describe("shortNames", () => {
  const country = (cca3: string, common: string, official: string, alt: string[]) =>
    ({ cca3, name: { common, official }, altSpellings: alt }) as unknown as Countries[number];

  it("GIVEN a common name news rarely writes ('Türkiye') and a long form 'Republic of Turkey' THEN 'Turkey' is a name; a short name another country has ('China' in 'Republic of China') THEN none", () => {
    const names = shortNames([
      country("TUR", "Türkiye", "Republic of Türkiye", ["Republic of Turkey"]),
      country("TWN", "Taiwan", "Republic of China (Taiwan)", ["Republic of China"]),
      country("CHN", "China", "People's Republic of China", []),
    ]);
    expect(names).toEqual([["Turkey", "TUR"]]);
  });

  it("GIVEN lower-case 'turkey' in a question THEN Türkiye", () => {
    expect(codes("when did turkey and russia set up a line")).toEqual(["TUR", "RUS"]);
    expect(codes("Taiwan and China")).toEqual(["TWN", "CHN"]);
  });
});

describe("countryNames", () => {
  it("GIVEN the country data THEN capitals, demonyms and other spellings are names, with codes", () => {
    const names = countryNames();
    expect(names).toContainEqual(["Islamabad", "PAK"]);
    expect(names).toContainEqual(["Burma", "MMR"]);
    expect(names).toContainEqual(["Russians", "RUS"]);
    expect(names.length).toBeGreaterThan(2000);
  });
});
