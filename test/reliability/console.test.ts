import { describe, expect, test } from "vitest";
import { answerLine } from "../../adapters/cli/console.js";
import { loadHotline } from "../../src/hotline.js";
import { rejectionText } from "../../src/present/texts.js";
import { MemorySubscriptions } from "../adapters/slack/helpers.js";

describe("GIVEN the console (the operator's own terminal)", () => {
  test("THEN admin commands are allowed: subscribe and unsubscribe change the store", async () => {
    const subscriptions = new MemorySubscriptions();
    const options = { hotline: loadHotline(), today: () => "03-14", subscriptions };
    expect(await answerLine("subscribe", options)).toMatch(/Subscribed/);
    expect(subscriptions.subscriptions).toHaveLength(1);
    expect(subscriptions.subscriptions[0]).toMatchObject({
      platform: "console",
      channelId: "console",
    });
    expect(await answerLine("/hotline unsubscribe", options)).toMatch(/no longer/);
    expect(subscriptions.subscriptions).toHaveLength(0);
  });

  test("THEN a question over the limit gets the core's rejection message, not an answer", async () => {
    const hotline = loadHotline();
    const long = "why ".repeat(200);
    const rejection = hotline.ask(long);
    expect(rejection.status).toBe("rejected");
    const out = await answerLine(`ask ${long}`, { hotline, today: () => "03-14" });
    expect(out).toContain(
      rejection.status === "rejected" ? rejectionText(rejection) : "<not rejected>",
    );
  });
});
