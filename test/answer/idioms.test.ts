import { describe, expect, it } from "vitest";
import { idiomsRead } from "../../src/answer/idioms.js";
import { answered, hotlineOf } from "./one-document.js";

describe("idiomsRead", () => {
  it("GIVEN 'put their names to', 'put his signature on', 'put pen to paper on' THEN 'signed'", () => {
    expect(idiomsRead("who put their names to the 1998 deal")).toBe("who signed the 1998 deal");
    expect(idiomsRead("did he put his signature on it")).toBe("did he signed it");
    expect(idiomsRead("when did they put pen to paper on the pact")).toBe(
      "when did they signed the pact",
    );
  });

  it("GIVEN 'put' in another sense THEN the question unchanged", () => {
    expect(idiomsRead("where did they put the phone")).toBe("where did they put the phone");
  });
});

describe("hotline.ask: an idiom of signing", () => {
  it("GIVEN who signed an agreement and what it set up THEN 'who put their names to the deal' leads with the signers, and the reply names the question as typed", () => {
    const hotline = hotlineOf(
      [
        "On 19 January 1998, Defense Secretary William Cohen and General Chi Haotian signed the Military Maritime Consultative Agreement in Beijing.",
        "The agreement set up an annual meeting of the two navies and working groups to discuss safety.",
        "Officers who attended the early meetings put their questions to the other side.",
      ],
      "2015-09-28",
    );
    const question = "who put their names to the 1998 maritime consultative deal";
    const answer = answered(hotline.ask(question));
    expect(answer.quotes[0]?.text).toContain("William Cohen and General Chi Haotian signed");
    expect(answer.question).toBe(question);
  });
});
