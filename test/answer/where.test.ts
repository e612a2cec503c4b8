import { describe, expect, it } from "vitest";
import { asksWhere } from "../../src/answer/where.js";
import { loadHotline } from "../../src/hotline.js";

const hotline = loadHotline();

describe("asksWhere", () => {
  it("GIVEN where near the start, after filler or markup THEN a where-question", () => {
    expect(asksWhere("Where did China sign the agreement?")).toBe(true);
    expect(asksWhere("ok so where is the terminal")).toBe(true);
    expect(asksWhere("** where ** is it")).toBe(true);
  });

  it("GIVEN where later in the question or not at all THEN not", () => {
    expect(asksWhere("when did the line open")).toBe(false);
    expect(asksWhere("what did they say about the place where it was signed")).toBe(false);
  });
});

describe("where-questions through the engine", () => {
  it("GIVEN a passage that says where ('in Shanghai') THEN it answers", () => {
    const reply = hotline.ask("Where did China sign the hotline agreement with the US?");
    expect(reply.status).toBe("answered");
    expect(reply.status === "answered" && reply.quotes[0]?.text).toMatch(/in Shanghai/);
  });

  it("GIVEN passages about the event that name no place THEN declined: the sources do not say where", () => {
    const reply = hotline.ask("where was the 2007 sco joint military exercise held");
    expect(reply.status).toBe("no_answer");
    expect(reply.status === "no_answer" && reply.note).toBe("The sources do not say where.");
  });

  it("GIVEN a place only the question names ('where in moscow') THEN it does not count as the answer", () => {
    expect(hotline.ask("where in moscow is the russian end of the hotline").status).toBe(
      "no_answer",
    );
  });
});
