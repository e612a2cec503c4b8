/**
 * The Slack adapter under abuse and faults, through the real Bolt app in HTTP mode against the
 * local fake Web API: rate limits, over-long questions, admin checks on the slash and mention
 * paths (subscribing through the real SQLite store), and Web API faults (500, 429, hung calls,
 * channel_not_found) during replies and posts.
 */

import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { type SlackHandle, startSlack } from "../../adapters/slack/app.js";
import { loadConfig } from "../../src/config.js";
import { loadHotline } from "../../src/hotline.js";
import { MAX_QUESTION_LENGTH } from "../../src/hotline-api.js";
import { rejectionText } from "../../src/present/texts.js";
import { createScheduler } from "../../src/schedule/scheduler.js";
import { openSqliteStore } from "../../src/schedule/sqlite-store.js";
import { createSubscriptionService } from "../../src/schedule/subscriptions.js";
import {
  captureLogs,
  eventBody,
  mention,
  slashBody,
  sqliteSubscriptions,
} from "../adapters/slack/helpers.js";
import { type FakeSlack, postToApp, startFakeSlack } from "../fakes/slack.js";
import { assertSlackTextSafe } from "../property/safety.js";

const SECRET = "reliability-signing-secret";
const USER_LIMIT = 2;
const hotline = loadHotline();
const NOW = new Date("2026-03-14T09:30:00Z");

let fake: FakeSlack;
let handle: SlackHandle;
let base: string;
const logs = captureLogs();
const subscriptions = await sqliteSubscriptions(() => NOW);
/** The Web API timeout of the app under test; hung calls below hang far longer. */
const API_TIMEOUT_MS = 500;
let counter = 0;

function newUser(): string {
  counter += 1;
  return `URELY${String(counter).padStart(4, "0")}`;
}
function nextTs(): string {
  counter += 1;
  return `1700001${String(counter).padStart(3, "0")}.000100`;
}

beforeAll(async () => {
  fake = await startFakeSlack();
  fake.users.set("UPLAIN", { id: "UPLAIN", is_admin: false });
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-reliability",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_ADMIN_USER_IDS: "UADMIN",
    PORT: "0",
    HOTLINE_TIMEZONE: "UTC",
    RATE_LIMIT_USER_PER_MINUTE: String(USER_LIMIT),
    RATE_LIMIT_CHANNEL_PER_MINUTE: "100000",
  });
  handle = await startSlack({
    hotline,
    config,
    logger: logs.logger,
    subscriptions: subscriptions.service,
    now: () => NOW,
    host: "127.0.0.1",
    // Quick retries so faults resolve within the test; the production default is five in five minutes.
    retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 },
    apiTimeoutMs: API_TIMEOUT_MS,
  });
  base = `http://127.0.0.1:${handle.port}`;
});

afterAll(async () => {
  await handle?.stop();
  await fake?.close();
  await subscriptions.close();
});

/** Sends `/hotline text`; returns the response-URL id its answers go to. */
async function sendSlash(text: string, user: string, channel = "C0001"): Promise<string> {
  counter += 1;
  const id = `rel${counter}`;
  const res = await postToApp(base, slashBody(text, user, fake.responseUrl(id), channel), {
    secret: SECRET,
  });
  expect(res.status).toBe(200);
  return id;
}

async function sendMention(text: string, user: string, ts = nextTs()): Promise<string> {
  const res = await postToApp(base, eventBody(mention(text, user, ts)), { secret: SECRET });
  expect(res.status).toBe(200);
  return ts;
}

const responsesTo = (id: string) => fake.find((c) => c.kind === "response" && c.method === id);
const waitResponse = (id: string) => fake.waitFor((c) => c.kind === "response" && c.method === id);
const waitLog = (msg: string, user: string, since = 0) =>
  logs.waitFor((r) => r.msg === msg && r.user === user, since);

describe("GIVEN a user asking faster than the per-user limit", () => {
  test("THEN slash commands past the limit get one private notice, then are dropped and logged at debug", async () => {
    const user = newUser();
    for (let i = 0; i < USER_LIMIT; i++) {
      const id = await sendSlash("help", user);
      expect((await waitResponse(id)).body.text).not.toContain("asking quickly");
    }
    const noticeId = await sendSlash("help", user);
    const notice = await waitResponse(noticeId);
    expect(notice.body).toMatchObject({ response_type: "ephemeral" });
    expect(notice.body.text).toMatch(/^You're asking quickly — try again in \d+ s\.$/);
    const since = logs.records.length;
    const dropped = [await sendSlash("help", user), await sendSlash("ask why", user)];
    const first = await waitLog("slack: rate limited; event dropped", user, since);
    await waitLog("slack: rate limited; event dropped", user, logs.records.indexOf(first) + 1);
    for (const id of dropped) expect(responsesTo(id)).toHaveLength(0);
  });

  test("THEN mentions past the limit get one ephemeral notice and no public reply", async () => {
    const user = newUser();
    for (let i = 0; i < USER_LIMIT; i++) {
      const since = logs.records.length;
      await sendMention("help", user);
      await waitLog("slack: answered mention", user, since);
    }
    const publicBefore = fake.find((c) => c.method === "chat.postMessage").length;
    const ts = await sendMention("what is the hotline for?", user);
    const notice = await fake.waitFor(
      (c) =>
        c.method === "chat.postEphemeral" &&
        c.body.user === user &&
        /asking quickly/.test(c.body.text),
    );
    expect(notice.body).toMatchObject({ channel: "C0001", thread_ts: ts });
    const since = logs.records.length;
    await sendMention("what is the hotline for?", user);
    await waitLog("slack: rate limited; event dropped", user, since);
    expect(
      fake.find(
        (c) =>
          c.method === "chat.postEphemeral" &&
          c.body.user === user &&
          /asking quickly/.test(c.body.text),
      ),
    ).toHaveLength(1);
    expect(fake.find((c) => c.method === "chat.postMessage").length).toBe(publicBefore);
  });
});

describe("GIVEN a question longer than the limit", () => {
  const long = "why ".repeat(Math.ceil((MAX_QUESTION_LENGTH + 20) / 4));
  const rejection = hotline.ask(long);
  const message = rejection.status === "rejected" ? rejectionText(rejection) : "(not rejected)";

  test("THEN /hotline ask answers with the core's message, ephemerally", async () => {
    const id = await sendSlash(`ask ${long}`, newUser());
    const response = await waitResponse(id);
    expect(response.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(response.body)).toContain(message.replace(/[&<>]/g, ""));
  });

  test("THEN a mention gets the message as an ephemeral reply, nothing public", async () => {
    const user = newUser();
    const since = logs.records.length;
    const ts = await sendMention(long, user);
    await waitLog("slack: answered mention", user, since);
    const ephemeral = fake.find((c) => c.method === "chat.postEphemeral" && c.body.user === user);
    expect(JSON.stringify(ephemeral.map((c) => c.body))).toContain(message.replace(/[&<>]/g, ""));
    expect(
      fake.find((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts),
    ).toHaveLength(0);
  });
});

describe("GIVEN admin commands on the Slack paths", () => {
  test("THEN /hotline subscribe by a non-admin is refused privately and stores nothing", async () => {
    const response = await waitResponse(await sendSlash("subscribe", "UPLAIN"));
    expect(response.body.response_type).toBe("ephemeral");
    expect(response.body.text).toMatch(/Only .*admins/);
    expect(await subscriptions.active()).toEqual([]);
  });

  test("THEN '@hotline subscribe' by a non-admin is refused ephemerally and stores nothing", async () => {
    const since = logs.records.length;
    await sendMention("subscribe", "UPLAIN");
    await waitLog("slack: answered mention", "UPLAIN", since);
    const refusal = fake
      .find((c) => c.method === "chat.postEphemeral" && c.body.user === "UPLAIN")
      .at(-1);
    expect(refusal?.body.text).toMatch(/Only .*admins/);
    expect(await subscriptions.active()).toEqual([]);
  });

  test("THEN '@hotline subscribe' by a configured admin subscribes the channel", async () => {
    const since = logs.records.length;
    await sendMention("subscribe", "UADMIN");
    await waitLog("slack: answered mention", "UADMIN", since);
    expect(await subscriptions.active()).toEqual([
      expect.objectContaining({
        platform: "slack",
        workspaceId: "T0001",
        channelId: "C0001",
        requestedBy: "UADMIN",
      }),
    ]);
  });
});

describe("GIVEN Web API faults while answering a mention", () => {
  const publicReplies = (ts: string) =>
    fake.find((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts);

  test("THEN a 500 is retried by the WebClient and the answer is posted", async () => {
    fake.failNext("chat.postMessage", { status: 500 });
    const user = newUser();
    const since = logs.records.length;
    const ts = await sendMention("what is the hotline for?", user);
    await waitLog("slack: answered mention", user, since);
    expect(publicReplies(ts).length).toBeGreaterThanOrEqual(2);
  });

  test("THEN a 429 with Retry-After is waited out and retried", async () => {
    fake.failNext("chat.postMessage", { status: 429, headers: { "retry-after": "1" } });
    const user = newUser();
    const since = logs.records.length;
    const ts = await sendMention("what is the hotline for?", user);
    await waitLog("slack: answered mention", user, since);
    expect(publicReplies(ts).length).toBeGreaterThanOrEqual(2);
  });

  test("THEN a call that hangs past the timeout is abandoned and retried, and the answer is posted once", async () => {
    fake.failNext("chat.postMessage", { hangMs: 15_000 });
    const user = newUser();
    const since = logs.records.length;
    const ts = await sendMention("what is the hotline for?", user);
    await waitLog("slack: answered mention", user, since);
    const posts = publicReplies(ts);
    // The first message twice (the abandoned attempt and its retry), every other message once.
    const texts = posts.map((c) => String(c.body.text));
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(texts.filter((t) => t === texts[0])).toHaveLength(2);
    expect(new Set(texts).size).toBe(texts.length - 1);
  });

  test("THEN a call that hangs on every attempt ends in a logged failure and an apology, not a stuck handler", async () => {
    // Three attempts (the first and two retries), each hanging far past the timeout and the
    // test's own limit: only the timeout can end them.
    for (let i = 0; i < 3; i++) fake.failNext("chat.postMessage", { hangMs: 30_000 });
    const user = newUser();
    const since = logs.records.length;
    const started = Date.now();
    const ts = await sendMention("what is the hotline for?", user);
    const failure = await logs.waitFor(
      (r) => r.msg === "slack: mention failed" && r.ts === ts,
      since,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(JSON.stringify(failure.err)).toMatch(/timeout|aborted/i);
    const apology = await fake.waitFor(
      (c) => c.method === "chat.postEphemeral" && c.body.user === user && /wrong/.test(c.body.text),
    );
    expect(apology.body).toMatchObject({ channel: "C0001", thread_ts: ts });
  });

  test("THEN a response URL that hangs ends in a logged /hotline failure and the apology is posted", async () => {
    const user = newUser();
    counter += 1;
    const id = `hang${counter}`;
    fake.failNext(id, { hangMs: 30_000 });
    const since = logs.records.length;
    await postToApp(base, slashBody("sources", user, fake.responseUrl(id)), { secret: SECRET });
    const failure = await waitLog("slack: /hotline failed", user, since);
    expect(JSON.stringify(failure)).toMatch(/timeout|aborted/i);
    const apology = await fake.waitFor((c) => c.method === id && /wrong/.test(String(c.body.text)));
    expect(apology.body.response_type).toBe("ephemeral");
  });

  test("THEN channel_not_found is logged with the channel and ts, and the next question is answered", async () => {
    fake.failNext("chat.postMessage", { error: "channel_not_found" });
    const user = newUser();
    const since = logs.records.length;
    const ts = await sendMention("what is the hotline for?", user);
    const failure = await logs.waitFor(
      (r) => r.msg === "slack: mention failed" && r.ts === ts,
      since,
    );
    expect(failure).toMatchObject({ channel: "C0001" });
    expect(JSON.stringify(failure.err)).toContain("channel_not_found");
    const next = newUser();
    await sendMention("what is the hotline for?", next);
    await waitLog("slack: answered mention", next, since);
  });
});

describe("GIVEN faults during a scheduled post", () => {
  let store: ReturnType<typeof openSqliteStore> | undefined;
  afterEach(() => store?.close());

  test("THEN channel_not_found fails the send with the channel named, the scheduler retries, and the post goes out once", async () => {
    store = openSqliteStore({ path: ":memory:" });
    let now = new Date("2026-03-14T08:00:00Z");
    const service = await createSubscriptionService({
      store,
      config: loadConfig({}),
      clock: () => now,
    });
    await service.subscribe({
      platform: "slack",
      workspaceId: "T0001",
      channelId: "CPOSTS",
      time: "09:00",
      timezone: "UTC",
      requestedBy: "x",
    });
    const scheduleLogs: { msg: string; error?: unknown }[] = [];
    const record = (obj: object, msg?: string) =>
      scheduleLogs.push({ ...(obj as object), msg: msg ?? "" });
    const scheduler = createScheduler({
      store,
      hotline,
      senders: [handle.sender],
      logger: { debug: record, info: record, warn: record, error: record } as never,
      clock: () => now,
      tick: () => ({ stop() {} }),
      retry: { baseMs: 60_000, maxAttempts: 3 },
    });
    const posts = () =>
      fake.find((c) => c.method === "chat.postMessage" && c.body.channel === "CPOSTS");
    fake.failNext("chat.postMessage", { error: "channel_not_found" });
    now = NOW;
    await scheduler.runOnce();
    expect(posts()).toHaveLength(1);
    expect(JSON.stringify(scheduleLogs)).toContain(
      "slack: chat.postMessage to channel CPOSTS failed",
    );
    now = new Date(NOW.getTime() + 2 * 60_000);
    await scheduler.runOnce();
    const afterRetry = posts().length;
    expect(afterRetry).toBeGreaterThan(1);
    now = new Date(NOW.getTime() + 60 * 60_000);
    await scheduler.runOnce();
    expect(posts()).toHaveLength(afterRetry);
    for (const call of posts()) assertSlackTextSafe(String(call.body.text), "post");
    await scheduler.stop();
  });
});
