import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deedAsked } from "../../src/answer/agent.js";
import { hotlineOf } from "./one-document.js";

describe("deedAsked", () => {
  it.each([
    ["who built the phone line between kestrel and osprey", "built"],
    ["yo who installed the kestrel osprey hotline", "installed"],
    ["Who signed the 1972 agreement?", "signed"],
    ["who made the phones on the kestrel osprey line", "made"],
    ["who made the first teleprinters", "made"],
  ])("GIVEN %j THEN it asks for the doer of %j", (question, verb) => {
    expect(deedAsked(question)).toBe(verb);
  });

  it.each([
    "who is Luo Yuan",
    "who did cao talk to on the hotline",
    "who made the first call on the line",
    "who picks up on the israeli side",
    "who wrote the bbc piece on the line",
    "who said the hotline is an extension of trust",
    "who answered the first call on the line",
    "when was the line built",
  ])("GIVEN %j THEN it does not", (question) => {
    expect(deedAsked(question)).toBeNull();
  });
});

describe("who-questions about a deed, through the engine", () => {
  const paragraphs = [
    "In 2001 Kestrel and Osprey set up a telephone line between the air command in Kestrel and the army command in Osprey.",
    "Kestrel and Osprey also exchange lists of their military installations every year over the Kestrel - Osprey line.",
  ];

  it("GIVEN a passage about the line that never tells of building it THEN 'who built' is declined, naming the deed", () => {
    const reply = hotlineOf(paragraphs, "2002-01-01").ask(
      "who built the telephone line between kestrel and osprey",
    );
    expect(reply.status).toBe("no_answer");
    expect(reply.status === "no_answer" && reply.note).toBe("The sources do not say who built it.");
  });

  it("GIVEN a noun of the same stem ('installations') THEN it does not tell who installed the line", () => {
    const reply = hotlineOf(paragraphs, "2002-01-01").ask("who installed the kestrel osprey line");
    expect(reply.status).toBe("no_answer");
  });

  it("GIVEN 'who made the phones' and a passage where 'make' is not making ('to make sure') THEN declined", () => {
    const reply = hotlineOf(
      [
        ...paragraphs,
        "Two weeks later the two sides held a test call on the Kestrel - Osprey line to make sure the phones worked.",
      ],
      "2002-01-01",
    ).ask("who made the phones on the kestrel osprey line");
    expect(reply.status === "no_answer" && reply.note).toBe("The sources do not say who made it.");
  });

  it("GIVEN 'who made the phones' and a passage telling who manufactured them THEN answered from it", () => {
    const reply = hotlineOf(
      [
        ...paragraphs,
        "A Kestrel firm manufactured the phones for the Kestrel - Osprey line in 2000.",
      ],
      "2002-01-01",
    ).ask("who made the phones on the kestrel osprey line");
    expect(reply.status === "answered" && reply.quotes[0]?.text).toMatch(/manufactured/);
  });

  it("GIVEN a passage that tells of the building THEN 'who built' is answered from it", () => {
    const reply = hotlineOf(
      [
        ...paragraphs,
        "Engineers of the Kestrel signal corps built the telephone line between Kestrel and Osprey.",
      ],
      "2002-01-01",
    ).ask("who built the telephone line between kestrel and osprey");
    expect(reply.status === "answered" && reply.quotes[0]?.text).toMatch(/^Engineers/);
  });
});

describe("deedAsked: ASCII questions read by the ASCII twin of the Unicode expression", () => {
  // A trailing no-break space makes a question non-ASCII (so the Unicode expression reads it)
  // without changing its words: both readings must agree on every question.
  const word = fc.constantFrom(
    "who",
    "Who",
    "WHO",
    "built",
    "made",
    "picked",
    "up",
    "the",
    "phones",
  );
  const gap = fc.constantFrom(" ", "  ", "\t", ", ", "'", "-", "? ");
  const question = fc
    .array(fc.tuple(word, gap), { maxLength: 8 })
    .map((parts) => parts.map(([w, g]) => w + g).join(""));

  it("GIVEN any ASCII question THEN the verb is the one the Unicode expression reads", () => {
    fc.assert(
      fc.property(question, (q) => {
        expect(deedAsked(q)).toBe(deedAsked(`${q}\u00a0`));
      }),
    );
  });
});
