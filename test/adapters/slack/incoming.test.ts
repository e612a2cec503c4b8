import { describe, expect, it } from "vitest";
import { plainTextFromSlack } from "../../../adapters/slack/incoming.js";

describe("plainTextFromSlack", () => {
  it("GIVEN Slack's entities THEN the text reads as typed, and a typed &lt; stays &lt;", () => {
    expect(plainTextFromSlack("a &lt;b&gt; &amp; c &amp;lt;")).toBe("a <b> & c &lt;");
  });

  it("GIVEN mentions, channels, broadcasts and links THEN they become readable words", () => {
    expect(
      plainTextFromSlack(
        "<!channel> <!here> <@U1> <@U2|ann> <#C1|general> <!subteam^S1|@ops> <https://x.test/a?b=1&amp;c=2|the link> <https://y.test>",
      ),
    ).toBe("@channel @here @U1 @ann #general @ops the link https://y.test");
  });

  it("GIVEN the bot's own mention THEN it is removed wherever it is", () => {
    expect(plainTextFromSlack("<@UBOT> when did it open <@UBOT|hotline>?", "UBOT")).toBe(
      "when did it open ?",
    );
    expect(plainTextFromSlack("<@UBOT>", "UBOT")).toBe("");
  });
});
