import { describe, expect, it } from "vitest";
import { asksWhoDid, describesName, namesGroup, namesOtherPerson } from "../../src/answer/who.js";
import { answered, hotlineOf } from "./one-document.js";

describe("asksWhoDid", () => {
  it.each([
    "who picked up when cao called moscow",
    "who is the russian minister cao talked to",
    "who signed the deal?",
  ])("GIVEN %j THEN it asks for a person by what they did", (question) => {
    expect(asksWhoDid(question)).toBe(true);
  });

  it.each(["who is Serdyukov?", "who was Luo Yuan", "which agreement was signed"])(
    "GIVEN %j THEN it does not",
    (question) => {
      expect(asksWhoDid(question)).toBe(false);
    },
  );
});

describe("namesOtherPerson", () => {
  const asked = new Set(["who", "picked", "up", "when", "cao", "called", "moscow"]);
  it("GIVEN a person the question does not name THEN true", () => {
    expect(namesOtherPerson("Cao called his Russian counterpart Serdyukov", asked)).toBe(true);
  });
  it("GIVEN only the person the question names, or nobody THEN false", () => {
    expect(namesOtherPerson("As said by Minister Cao in the conversation", asked)).toBe(false);
    expect(namesOtherPerson("the Chinese can now pick up the phone", asked)).toBe(false);
  });
  it("GIVEN texts asked in turn, twice (the expression finding persons is compiled once and shared) THEN each answer is the same both times", () => {
    const texts: [string, boolean][] = [
      ["Minister Cao met counterpart Serdyukov, and General Liang said so", true],
      ["As said by Minister Cao in the conversation", false],
      ["Cao called his Russian counterpart Serdyukov", true],
      ["the Chinese can now pick up the phone", false],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [text, other] of texts) expect(namesOtherPerson(text, asked)).toBe(other);
    }
  });
});

describe("hotline.ask: who did something", () => {
  it("GIVEN a sentence about picking up the phone that names nobody, and one naming the counterpart called THEN 'who picked up when cao called moscow' leads with the counterpart", () => {
    const hotline = hotlineOf(
      [
        "Put simply, the Chinese can now pick up the phone when there is a crisis and ask Moscow what is going on.",
        "As said by Minister Cao in the telephone conversation with Serdyukov, the direct phone line is a reflection of trust.",
        "On March 14, General Cao Gangchuan called his Russian counterpart Serdyukov in Moscow on the new line.",
        "The line was built in two years.",
      ],
      "2008-04-09",
    );
    const answer = answered(hotline.ask("who picked up when cao called moscow"));
    expect(answer.quotes[0]?.text).toContain("counterpart Serdyukov");
  });
});

describe("describesName", () => {
  it("GIVEN a role before the name, or an appositive after it THEN it says who they are", () => {
    expect(describesName("Cao called his Russian counterpart Petrov on Friday.", ["petrov"])).toBe(
      true,
    );
    expect(describesName("Petrov, the Russian defence minister, called Cao.", ["petrov"])).toBe(
      true,
    );
    expect(describesName("Petrov is a retired admiral.", ["petrov"])).toBe(true);
  });

  it("GIVEN the name only mentioned, or followed by a clause after a comma THEN it does not", () => {
    expect(
      describesName(
        "As said by Minister Cao in the conversation with Petrov, the direct line is a reflection of trust.",
        ["petrov"],
      ),
    ).toBe(false);
  });
});

describe("hotline.ask: who is someone", () => {
  it("GIVEN a sentence that mentions Petrov ranked first and one naming him by his role THEN 'who is Petrov?' leads with the role", () => {
    const hotline = hotlineOf(
      [
        "As said by Minister Cao in the telephone conversation with Petrov, the direct phone line between China and Russia is a reflection of bilateral trust and strategic cooperation between China and Russia.",
        "On March 14, China's Minister of Defense Cao called his Russian counterpart Petrov.",
        "The line was built in two years.",
      ],
      "2008-04-09",
    );
    const answer = answered(hotline.ask("Who is Petrov?"));
    expect(answer.quotes[0]?.text).toContain("counterpart Petrov");
  });
});

describe("namesGroup", () => {
  it.each([
    "Spanish-speaking officers staff the Chilean end of the line.",
    "Officials in both capitals say the line was not used.",
    "The two negotiators signed it.",
  ])("GIVEN %j (a group of people as subject) THEN true", (text) => {
    expect(namesGroup(text)).toBe(true);
  });
  it.each([
    "Two weeks later, a delegation led by General Rojas came to Lima.",
    "The line connects Santiago with Lima.",
  ])("GIVEN %j THEN false", (text) => {
    expect(namesGroup(text)).toBe(false);
  });
});

describe("hotline.ask: 'who' is answered by a group of people, not only by a named person", () => {
  it("GIVEN 'Spanish-speaking officers answer on the Peruvian side' ranked first and a sentence naming a general close behind THEN 'who picks up on the peruvian side' leads with the officers", () => {
    const hotline = hotlineOf(
      [
        "Chile and Peru set up a military hotline in 1995.",
        "Spanish-speaking officers answer on the Peruvian side of the hotline.",
        "Two weeks after the meeting in Santiago, a Peruvian delegation led by General Carlos Rojas came to Lima to settle who would answer on the Peruvian side of the hotline.",
      ],
      "2020-05-01",
    );
    const answer = answered(hotline.ask("who picks up on the peruvian side of the hotline"));
    expect(answer.quotes[0]?.text).toContain("Spanish-speaking officers answer");
  });
});

describe("namesGroup: the cheap pre-test keeps the Unicode match", () => {
  it("GIVEN a group subject in another script's letters or after a tab THEN it is still a group", () => {
    expect(namesGroup("Officers\tstaff the line.")).toBe(true);
    expect(namesGroup("Żołnierzers staff the line.")).toBe(true);
    expect(namesGroup("The officer staffs the line.")).toBe(false);
  });
});
