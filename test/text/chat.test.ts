import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainQuestion } from "../../src/text/chat.js";

describe("plainQuestion", () => {
  it.each([
    ["<@123456789012345678> when did the line open", "when did the line open"],
    ["<@!123456789012345678> when did the line open", "when did the line open"],
    ["<@&987654321098765432> who called whom", "who called whom"],
    ["<#123456789012345678> when did the line open", "when did the line open"],
    ["@everyone @here when did the line open", "when did the line open"],
    ["<!channel> <!here> when did the line open", "when did the line open"],
    ["<@U024BE7LH> when did the line open", "when did the line open"],
    ["<@U024BE7LH|bob> when did the line open", "when did the line open"],
    ["what does <http://example.com/a|this article> say", "what does this article say"],
    ["see https://example.com/x?y=1 when did it open", "see when did it open"],
    ["when did it open :thinking: <:pepe:123456> <a:wave:42> 🤔📞", "when did it open"],
    ["**who** was _Serdyukov_ ~~really~~", "who was Serdyukov really"],
    ["ok so yo when was it set up lol", "when was it set up"],
    [
      "who picks up on the israeli side lol do they even speak russian",
      "who picks up on the israeli side? do they even speak russian",
    ],
    ["tbh is the line still open, btw?", "is the line still open?"],
    ["saw this lol what did he say on the phone", "saw this what did he say on the phone"],
    ["> when was it `set up`", "when was it set up"],
  ])("GIVEN %j THEN the core reads %j", (typed, plain) => {
    expect(plainQuestion(typed)).toBe(plain);
  });

  it("GIVEN words that only look like filler or markup THEN they are kept", () => {
    expect(plainQuestion("so-called hotline at 10:30?")).toBe("so-called hotline at 10:30?");
    expect(plainQuestion("what is the okinawa line")).toBe("what is the okinawa line");
    expect(plainQuestion("when did the lolland line open")).toBe("when did the lolland line open");
  });

  it("GIVEN only mentions and emoji THEN nothing is left to search", () => {
    expect(plainQuestion("<@123456789012345678> @everyone :wave: 👋")).toBe("");
  });

  it("GIVEN any Discord or Slack mention THEN its id never reaches the search (seed 20261123)", () => {
    const id = fc.stringMatching(/^[0-9A-Z]{6,20}$/);
    const mention = fc.oneof(
      id.map((x) => `<@${x}>`),
      id.map((x) => `<@!${x}>`),
      id.map((x) => `<@&${x}>`),
      id.map((x) => `<#${x}>`),
      fc.tuple(id, fc.stringMatching(/^[a-z]{1,10}$/)).map(([x, n]) => `<@${x}|${n}>`),
    );
    fc.assert(
      fc.property(mention, fc.stringMatching(/^[a-z ]{0,30}$/), (m, words) => {
        const plain = plainQuestion(`${m} ${words}`);
        expect(plain).not.toMatch(/[<>@]/);
        expect(plain).toBe(words.replace(/\s+/g, " ").trim());
      }),
      { seed: 20261123 },
    );
  });
});

describe("plainQuestion after the Slack adapter has read mentions as words", () => {
  it("GIVEN '@name' and '#channel' THEN they are dropped too", () => {
    expect(plainQuestion("@channel @someone #general what is the line for")).toBe(
      "what is the line for",
    );
  });
});
