import { describe, expect, it } from "vitest";
import { relativeDeed } from "../../src/answer/role-deed.js";
import { answered, hotlineOf } from "./one-document.js";

/** A collision at sea, the call before it, and a commander named for another deed (`named`). */
function collision(named: string) {
  return hotlineOf(
    [
      "A Portuguese frigate and a Spanish patrol boat collided off Vigo on 3 May 2016. Portuguese officers had called the Spanish command less than a minute before the collision.",
      named,
    ],
    "2017-01-10",
  );
}

describe("relativeDeed: the deed of a question for a person by a role and a relative clause", () => {
  it("GIVEN 'who was the israeli officer who made the call before …' THEN the deed is the light verb's object, 'call'", () => {
    expect(relativeDeed("who was the israeli officer who made the call before the crash")).toBe(
      "call",
    );
  });

  it("GIVEN 'which general that signed the memorandum' THEN the deed is 'signed'", () => {
    expect(relativeDeed("which general that signed the memorandum")).toBe("signed");
  });

  it("GIVEN 'who was the officer who was in charge' or a question with no relative clause THEN none", () => {
    expect(relativeDeed("who was the officer who was in charge")).toBeNull();
    expect(relativeDeed("who was the israeli officer at the meeting")).toBeNull();
  });
});

describe("relative: a person named for another deed is not the one asked for", () => {
  it("GIVEN the call told of unnamed officers and 'Admiral João Silva flew to Madrid with a report' WHEN asked who the officer who made the call was THEN it declines", () => {
    const hotline = collision(
      "Three days after the collision, the commander of the Portuguese Navy, Admiral João Silva, flew to Madrid with a report on the incident.",
    );
    const reply = hotline.ask(
      "who was the portuguese officer who made the call before the collision",
    );
    expect(reply.status).toBe("no_answer");
  });

  it("GIVEN 'Admiral João Silva called the Spanish command himself' THEN it names him", () => {
    const hotline = collision(
      "The commander of the Portuguese Navy, Admiral João Silva, called the Spanish command himself an hour after the collision.",
    );
    const answer = answered(
      hotline.ask("who was the portuguese officer who made the call after the collision"),
    );
    expect(answer.quotes.some((q) => q.text.includes("Admiral João Silva"))).toBe(true);
  });
});
