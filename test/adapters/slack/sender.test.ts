import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackSender, HISTORY_MARGIN_MS } from "../../../adapters/slack/sender.js";
import { loadHotline } from "../../../src/hotline.js";
import { type FakeSlack, startFakeSlack } from "../../fakes/slack.js";

const hotline = loadHotline();
const digest = hotline.today("03-14");
const channel = { platform: "slack", workspaceId: "T0001", channelId: "CSENDER" } as const;
const key = { subscriptionId: 7, localDate: "2027-03-14", index: 0, count: 1 };
const at = new Date("2027-03-14T09:00:00Z");

describe("the Slack on-this-day sender against the fake Web API", () => {
  let fake: FakeSlack;
  let now = at;
  let sender: ReturnType<typeof createSlackSender>;
  beforeAll(async () => {
    fake = await startFakeSlack({ clock: () => now });
    const client = new webApi.WebClient("xoxb-test", {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
    });
    sender = createSlackSender(client);
  });
  afterAll(async () => {
    await fake?.close();
  });

  it("GIVEN a part sent THEN it carries hotline_post metadata naming subscription, date and part", async () => {
    const [part] = sender.renderParts(digest);
    await sender.sendPart(channel, part, key);
    const [call] = fake.find((c) => c.method === "chat.postMessage");
    expect(call?.body.metadata).toEqual({
      event_type: "hotline_post",
      event_payload: { subscription: 7, date: "2027-03-14", part: 0 },
    });
  });

  it("GIVEN the part in the channel's history THEN delivered; another part or date THEN resend", async () => {
    now = new Date(at.getTime() + 60_000);
    await expect(sender.checkPart(channel, key, at)).resolves.toBe("delivered");
    await expect(sender.checkPart(channel, { ...key, index: 1 }, at)).resolves.toBe("resend");
    await expect(sender.checkPart(channel, { ...key, localDate: "2027-03-15" }, at)).resolves.toBe(
      "resend",
    );
    const lookup = fake.find((c) => c.method === "conversations.history").at(-1);
    expect(lookup?.body).toMatchObject({
      channel: "CSENDER",
      include_all_metadata: "true",
      oldest: ((at.getTime() - HISTORY_MARGIN_MS) / 1000).toFixed(6),
    });
  });

  it("GIVEN the history lookup fails (the bot is not in the channel) THEN unknown", async () => {
    fake.failNext("conversations.history", { error: "not_in_channel" });
    await expect(sender.checkPart(channel, key, at)).resolves.toBe("unknown");
  });
});
