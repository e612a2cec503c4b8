import { describe, expect, it } from "vitest";
import { asksForPerson, namesPerson } from "../../src/answer/person.js";
import { loadHotline } from "../../src/hotline.js";

const hotline = loadHotline();

describe("asksForPerson", () => {
  it.each([
    "which russian general signed the 1993 cooperation agreement",
    "Which Chinese general said the partnership is more constructive?",
    "who was pakistan's dgmo in february 2021",
    "ok so which minister made the first call",
    "who was the russian officer who answered the first test call",
  ])("GIVEN %j THEN it asks for a person by role", (question) => {
    expect(asksForPerson(question)).toBe(true);
  });

  it.each([
    "who is Serdyukov?",
    "which agreement was signed in 1993",
    "when did the general visit",
  ])("GIVEN %j THEN it does not", (question) => {
    expect(asksForPerson(question)).toBe(false);
  });
});

describe("namesPerson", () => {
  it("GIVEN a title or role with a name, or a named speaker THEN a person is named", () => {
    expect(namesPerson("said Major General Luo Yuan, the deputy director")).toBe(true);
    expect(namesPerson("had a phone conversation with his Russian counterpart Serdyukov")).toBe(
      true,
    );
    expect(namesPerson("Teng Jianqun said the hotline was a natural result")).toBe(true);
  });

  it("GIVEN institutions only THEN no person", () => {
    expect(
      namesPerson("In 1993, the Ministry of Defense of both countries signed an agreement."),
    ).toBe(false);
  });
});

describe("person questions through the engine", () => {
  it("GIVEN the passage names only ministries WHEN asked which general signed THEN declined, saying the sources do not name who", () => {
    const reply = hotline.ask("which russian general signed the 1993 cooperation agreement");
    expect(reply.status).toBe("no_answer");
    expect(reply.status === "no_answer" && reply.note).toBe("The sources do not name who.");
  });

  it("GIVEN a passage that names the general THEN answered with it", () => {
    const reply = hotline.ask(
      "Which Chinese general said the Sino-Russian partnership is more constructive?",
    );
    expect(reply.status).toBe("answered");
    expect(reply.status === "answered" && reply.quotes[0]?.text).toMatch(/General/);
  });
});

describe("asksForPerson: the cheap pre-tests keep the case-insensitive Unicode match", () => {
  it.each([
    "WHO WAS THE RUSSIAN GENERAL who signed",
    "who   is\tthe minister in charge",
    "who waſ the officer on duty", // "ſ" matches "s" under the iu flags
    "who was Teng’ſ deputy",
    "well, WHAT official said it",
  ])("GIVEN %j THEN it still asks for a person by role", (question) => {
    expect(asksForPerson(question)).toBe(true);
  });
});
