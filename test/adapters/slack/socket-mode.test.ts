import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackHandle, startSlack } from "../../../adapters/slack/app.js";
import { escapeSlack } from "../../../adapters/slack/message.js";
import { loadConfig } from "../../../src/config.js";
import { loadHotline } from "../../../src/hotline.js";
import {
  FAKE_BOT,
  type FakeSlack,
  type FakeSocketMode,
  startFakeSlack,
  startFakeSocketMode,
} from "../../fakes/slack.js";
import { captureLogs, mention } from "./helpers.js";

const hotline = loadHotline();
let fake: FakeSlack;
let socket: FakeSocketMode;
let handle: SlackHandle;
const logs = captureLogs();

beforeAll(async () => {
  fake = await startFakeSlack();
  socket = await startFakeSocketMode();
  fake.socketUrl = socket.url;
  const config = loadConfig({
    // These tests ask many questions from one channel; rate limits are tested in test/reliability.
    RATE_LIMIT_USER_PER_MINUTE: "100000",
    RATE_LIMIT_CHANNEL_PER_MINUTE: "100000",
    SLACK_BOT_TOKEN: "xoxb-socket",
    SLACK_APP_TOKEN: "xapp-socket",
    SLACK_API_URL: fake.apiUrl,
  });
  handle = await startSlack({ hotline, config, logger: logs.logger, retryConfig: { retries: 0 } });
  await socket.connected;
});

afterAll(async () => {
  await handle?.stop();
  await socket?.close();
  await fake?.close();
});

describe("Socket Mode", () => {
  it("GIVEN SLACK_APP_TOKEN THEN the app opens the socket with the app token and binds no port", () => {
    expect(handle.port).toBeUndefined();
    const open = fake.find((c) => c.method === "apps.connections.open");
    expect(open.map((c) => c.token)).toContain("xapp-socket");
  });

  it("GIVEN a slash command envelope THEN it is acknowledged and answered at the response URL", async () => {
    const question = "why was Russia first";
    const reply = hotline.ask(question);
    if (reply.status !== "answered") throw new Error(`expected an answer, got ${reply.status}`);
    socket.send({
      envelope_id: "env-slash-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        team_id: FAKE_BOT.teamId,
        channel_id: "C0001",
        user_id: "USOCK1",
        command: "/hotline",
        text: `ask ${question}`,
        api_app_id: "A0001",
        response_url: fake.responseUrl("socket-slash"),
        trigger_id: "1.2.3",
      },
    });
    await socket.waitForAck("env-slash-1");
    await logs.waitFor((r) => r.user === "USOCK1" && r.msg === "slack: answered /hotline");
    const calls = fake.find((c) => c.method === "socket-slash");
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.body.response_type === "in_channel")).toBe(true);
    const text = JSON.stringify(calls.map((c) => c.body.blocks));
    for (const quote of reply.quotes)
      expect(text).toContain(JSON.stringify(escapeSlack(quote.text)).slice(1, -1));
  });

  it("GIVEN an app_mention envelope THEN the answer goes to the mention's thread", async () => {
    const ts = "1700002000.000100";
    socket.send({
      envelope_id: "env-mention-1",
      type: "events_api",
      accepts_response_payload: false,
      payload: {
        team_id: FAKE_BOT.teamId,
        api_app_id: "A0001",
        type: "event_callback",
        event_id: "EvSOCKET0001",
        event_time: 1_700_002_000,
        authorizations: [{ team_id: FAKE_BOT.teamId, user_id: FAKE_BOT.userId, is_bot: true }],
        event: mention("timeline", "USOCK2", ts),
      },
    });
    await socket.waitForAck("env-mention-1");
    await logs.waitFor((r) => r.user === "USOCK2" && r.msg === "slack: answered mention");
    const posts = fake.find((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts[0]?.token).toBe("xoxb-socket");
  });
});
