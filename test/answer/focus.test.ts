import { describe, expect, it } from "vitest";
import { focusWord, pluralFocus } from "../../src/answer/focus.js";
import { loadHotline } from "../../src/hotline.js";
import type { Answer, Reply } from "../../src/model.js";
import { hotlineOf } from "./one-document.js";

const hotline = loadHotline();

function answered(reply: Reply): Answer {
  if (reply.status !== "answered") throw new Error(`expected an answer, got ${reply.status}`);
  return reply;
}

describe("focusWord", () => {
  it.each([
    ["which company will build the line", "company"],
    ["what brand of telephones do they use", "brand"],
    ["what kind of phone is it", "phone"],
    ["what kind of phones does the line use", "phones"],
    ["what sort of radios do they carry", "radios"],
    ["what encryption does it use", "encryption"],
    ["which company builds the line", "company"],
    ["what bus company runs it", "company"],
    ["who was cao gangchuan's deputy at the ministry of defense", "deputy"],
    ["who is teng jianqun's boss at the arms control association", "boss"],
    ["what is the phone number of the beijing moscow hotline", "number"],
    ["what is the purpose of the hotline", "purpose"],
  ])("GIVEN %j THEN it asks for a %j", (question, focus) => {
    expect(focusWord(question)).toBe(focus);
  });

  it.each([
    ["what did Cao say", "a verb follows 'what'"],
    ["what year did Yeltsin visit China", "it asks for a time"],
    ["what made the line a natural result", "one word then a determiner is a verb"],
    ["which country did China call first", "a country is named, not called 'country'"],
    ["what official did Cao call", "an official is named, not called 'official'"],
    [
      "which agency reported the first call",
      "a verb before 'the' ends the noun: an agency is named",
    ],
    ["what technical problems hold up the line", "a plural asks for a list under any name"],
    ["when did the line open", "no which or what"],
    ["who is Luo Yuan", "no which or what"],
    ["so my question is which company will build it", "'which' comes after the question's start"],
    ["which came first, the treaty or the line", "an irregular past verb follows 'which'"],
    ["what happened to the line", "a past verb in -ed follows 'what'"],
  ])("GIVEN %j (%s) THEN it asks for no kind of thing", (question) => {
    expect(focusWord(question)).toBeNull();
  });
});

describe("hotline.ask: a 'which <thing>' question", () => {
  it("GIVEN no passage names a company WHEN asked which company will build the line THEN no_answer saying the sources do not say which company", () => {
    expect(hotline.ask("which company will build the china-us military hotline")).toEqual({
      status: "no_answer",
      question: "which company will build the china-us military hotline",
      date: null,
      quotes: [],
      note: "The sources do not say which company.",
    });
  });

  it("GIVEN the best passage names the thing asked for WHEN asked which agreement was signed THEN the passage answers", () => {
    const answer = answered(hotline.ask("what agreement was signed in shanghai"));
    expect(answer.quotes[0]?.text).toContain("signed an agreement");
    expect(answer.quotes[0]?.text).toContain("Shanghai");
  });
});

describe("hotline.ask: a possessive or 'the <thing> of' question", () => {
  it("GIVEN no passage about Cao names a deputy WHEN asked who his deputy was THEN no_answer", () => {
    const reply = hotline.ask("who was cao gangchuan's deputy at the ministry of defense");
    expect(reply.status).toBe("no_answer");
  });

  it("GIVEN the sources never give a phone number WHEN asked for it THEN no_answer", () => {
    expect(hotline.ask("what is the phone number of the beijing moscow hotline").status).toBe(
      "no_answer",
    );
  });

  it("GIVEN a passage that names the thing ('the purpose of the hotline') THEN answered", () => {
    expect(hotline.ask("what is the purpose of the Sino-Russia hotline").status).toBe("answered");
  });
});

describe("pluralFocus", () => {
  it.each([
    ["what are the parts of the china-japan maritime and aerial mechanism", "parts"],
    ["what technical problems hold up the line", "problems"],
  ])("GIVEN %j THEN it asks for %j", (question, kind) => {
    expect(pluralFocus(question)).toBe(kind);
  });

  it.each(["which company will build the line", "what did Cao say", "when did the line open"])(
    "GIVEN %j THEN null",
    (question) => {
      expect(pluralFocus(question)).toBeNull();
    },
  );
});

describe("hotline.ask: a question asking for things by a plural", () => {
  it("GIVEN a signing that names the mechanism and a sentence saying its three parts THEN 'what are the parts of the mechanism' leads with the parts", () => {
    const hotline = hotlineOf(
      [
        "On 9 May 2018, during a visit to Tokyo, the two sides signed a memorandum on the Maritime and Aerial Communication Mechanism between Japan and China, which began operating in June 2018.",
        "The 2018 agreement between Japan and China had three parts: annual meetings between defence officials, direct radio contact between ships and aircraft, and a hotline between defence leaders.",
        "Negotiations resumed in 2015.",
      ],
      "2023-04-04",
    );
    const answer = answered(
      hotline.ask("what are the parts of the china-japan maritime and aerial mechanism"),
    );
    expect(answer.quotes[0]?.text).toContain("had three parts");
  });
});

describe("hotline.ask: the thing asked for, named only by a verb read as the same term", () => {
  const paragraphs = [
    "Kestrel and Osprey set up a hotline between their air force commands in 2015.",
    "Kestrel officers had called the Osprey command a minute before the raid, Osprey said.",
  ];

  it("GIVEN 'what kind of phones' and a passage that only says 'had called' (the synonyms read phone as call) THEN declined", () => {
    const reply = hotlineOf(paragraphs, "2016-01-01").ask(
      "what kind of phones does the kestrel osprey hotline use",
    );
    expect(reply.status).toBe("no_answer");
    expect(reply.status === "no_answer" && reply.note).toBe("The sources do not say which phones.");
  });

  it("GIVEN a passage that tells the thing asked by its own verb ('routed' for 'route') THEN answered", () => {
    const reply = hotlineOf(
      [
        ...paragraphs,
        "The Kestrel Osprey hotline cable ran through Lisbon, with a backup radio circuit routed through Tangier.",
      ],
      "2016-01-01",
    ).ask("what route did the kestrel osprey hotline cable take");
    expect(answered(reply).quotes[0]?.text).toContain("routed through Tangier");
  });

  it("GIVEN a passage that names the phones as a thing THEN answered", () => {
    const reply = hotlineOf(
      [...paragraphs, "The Kestrel Osprey hotline uses secure satellite phones at both ends."],
      "2016-01-01",
    ).ask("what kind of phones does the kestrel osprey hotline use");
    expect(answered(reply).quotes[0]?.text).toContain("satellite phones");
  });
});
