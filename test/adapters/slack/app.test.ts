import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackHandle, startSlack } from "../../../adapters/slack/app.js";
import { ADMIN_LOOKUP_FAILED_MESSAGE } from "../../../adapters/slack/context.js";
import { escapeSlack, SLACK_LIMITS } from "../../../adapters/slack/message.js";
import { SHARE_ACTION_ID } from "../../../adapters/slack/render.js";
import { loadConfig } from "../../../src/config.js";
import { HotlineError } from "../../../src/errors.js";
import { loadHotline } from "../../../src/hotline.js";
import type { Answer, Reply } from "../../../src/model.js";
import { formatDate } from "../../../src/present/format.js";
import { rejectionText } from "../../../src/present/texts.js";
import { sendPost } from "../../fakes/recorders.js";
import {
  FAKE_BOT,
  type FakeSlack,
  postToApp,
  type SlackCall,
  startFakeSlack,
} from "../../fakes/slack.js";
import {
  buttonBody,
  captureLogs,
  eventBody,
  mention,
  type SqliteSubscriptions,
  slashBody,
  sqliteSubscriptions,
} from "./helpers.js";

const SECRET = "test-signing-secret-0123456789";
const hotline = loadHotline();
// A fixed clock: "today" is 14 March, a day the corpus has events for.
const NOW = new Date("2026-03-14T12:00:00Z");

let fake: FakeSlack;
let handle: SlackHandle;
let base: string;
const logs = captureLogs();
// The real SQLite store (in memory), as the bot runs it.
const subscriptions: SqliteSubscriptions = await sqliteSubscriptions(() => NOW);
let userCounter = 0;
let requestCounter = 0;

/** A fresh user id per request, so log lines and recorded calls belong to one test. */
function newUser(): string {
  userCounter += 1;
  return `UTEST${String(userCounter).padStart(4, "0")}`;
}

beforeAll(async () => {
  fake = await startFakeSlack();
  fake.users.set("UWSADMIN", { id: "UWSADMIN", is_admin: true });
  fake.users.set("UOWNER", { id: "UOWNER", is_owner: true });
  fake.users.set("UPLAIN", { id: "UPLAIN", is_admin: false, is_owner: false });
  const config = loadConfig({
    // These tests ask many questions from one channel; rate limits are tested in test/reliability.
    RATE_LIMIT_USER_PER_MINUTE: "100000",
    RATE_LIMIT_CHANNEL_PER_MINUTE: "100000",
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_ADMIN_USER_IDS: "ULISTED, UOTHER",
    PORT: "0",
    HOTLINE_TIMEZONE: "UTC",
  });
  handle = await startSlack({
    hotline,
    config,
    logger: logs.logger,
    subscriptions: subscriptions.service,
    now: () => NOW,
    host: "127.0.0.1",
    retryConfig: { retries: 0 },
  });
  base = `http://127.0.0.1:${handle.port}`;
});

afterAll(async () => {
  await handle?.stop();
  await fake?.close();
  await subscriptions.close();
});

/** Sends `/hotline text` as `user`; resolves with every response-URL post once it is answered. */
async function slash(text: string, user = newUser()): Promise<SlackCall[]> {
  requestCounter += 1;
  const id = `r${requestCounter}-${user}`;
  const since = logs.records.length;
  const res = await postToApp(base, slashBody(text, user, fake.responseUrl(id)), {
    secret: SECRET,
  });
  expect(res.status).toBe(200);
  await logs.waitFor(
    (r) => r.user === user && /^slack: (answered \/hotline|\/hotline failed)$/.test(r.msg ?? ""),
    since,
  );
  return fake.find((c) => c.kind === "response" && c.method === id);
}

/** Delivers a mention; resolves with the Web API calls made for it once it is answered. */
async function mentionOf(
  text: string,
  ts: string,
  threadTs?: string,
  user = newUser(),
): Promise<SlackCall[]> {
  const since = logs.records.length;
  const res = await postToApp(base, eventBody(mention(text, user, ts, threadTs)), {
    secret: SECRET,
  });
  expect(res.status).toBe(200);
  await logs.waitFor((r) => r.user === user && r.msg === "slack: answered mention", since);
  return fake.find(
    (c) =>
      (c.method === "chat.postMessage" && c.body.thread_ts === (threadTs ?? ts)) ||
      (c.method === "chat.postEphemeral" && c.body.user === user),
  );
}

function payloadText(calls: SlackCall[]): string {
  return calls.map((c) => JSON.stringify(c.body.blocks) + String(c.body.text)).join("\n");
}

/** The escaped text as it appears inside JSON-serialised blocks. */
function inJson(text: string): string {
  return JSON.stringify(escapeSlack(text)).slice(1, -1);
}

function answered(reply: Reply): Answer {
  if (reply.status !== "answered")
    throw new Error(`expected an answer from the corpus, got ${reply.status}`);
  return reply;
}

function expectWithinLimits(calls: SlackCall[]): void {
  expect(calls.length).toBeGreaterThan(0);
  for (const call of calls) {
    const blocks = call.body.blocks as { type: string; text?: { text: string } }[];
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    const sections = blocks.filter((block) => block.type === "section");
    for (const block of sections) {
      expect(block.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionChars);
    }
    expect(JSON.stringify(blocks).length).toBeLessThan(SLACK_LIMITS.messageChars * 2);
  }
}

describe("Slack HTTP endpoint", () => {
  it("GIVEN a load balancer THEN GET /healthz answers 200", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("GIVEN Slack's url_verification THEN the challenge is echoed", async () => {
    const res = await postToApp(
      base,
      { type: "url_verification", token: "t", challenge: "abc123" },
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: "abc123" });
  });

  it("GIVEN a request with a bad signature THEN it is rejected with 401 and not answered", async () => {
    const user = newUser();
    const res = await postToApp(base, slashBody("help", user, fake.responseUrl(`bad-${user}`)), {
      secret: SECRET,
      signature: `v0=${"0".repeat(64)}`,
    });
    expect(res.status).toBe(401);
    const wrongSecret = await postToApp(
      base,
      slashBody("help", user, fake.responseUrl(`bad-${user}`)),
      {
        secret: "not-the-secret",
      },
    );
    expect(wrongSecret.status).toBe(401);
  });

  it("GIVEN a correctly signed request older than five minutes THEN it is rejected with 401", async () => {
    const user = newUser();
    const res = await postToApp(base, slashBody("help", user, fake.responseUrl(`old-${user}`)), {
      secret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(res.status).toBe(401);
  });

  it("GIVEN rejected requests THEN nothing was ever sent to their response URLs", async () => {
    // Runs after the rejections above; a real answer arrives first to show the pipe works.
    await slash("help");
    expect(fake.find((c) => c.kind === "response" && /^(bad|old)-/.test(c.method))).toEqual([]);
  });
});

describe("/hotline slash command", () => {
  it("GIVEN when <event> THEN the channel sees the lead date as a header and each quote with its citation", async () => {
    const question = "the Russian line opened";
    const reply = answered(hotline.when(question));
    const calls = await slash(`when ${question}`);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.body.response_type === "in_channel")).toBe(true);
    const first = calls[0]?.body.blocks as { type: string; text: { text: string } }[];
    // A when-question the corpus dates: its answer leads with the date.
    const date = reply.date;
    if (!date) throw new Error(`expected the corpus to date "${question}"`);
    expect(first[0]?.type).toBe("header");
    expect(first[0]?.text.text.toLowerCase()).toBe(formatDate(date).toLowerCase());
    const text = payloadText(calls);
    for (const quote of reply.quotes) {
      expect(text).toContain(inJson(quote.text));
      expect(text).toContain(`<${quote.source.url}|`);
      expect(text).toContain(quote.location);
    }
    // The note is shown exactly when the core's answer has one.
    expect(text.includes("*Note:*")).toBe(Boolean(reply.note));
    expectWithinLimits(calls);
  });

  it("GIVEN ask <question> THEN the channel sees every quote of the core's answer", async () => {
    const question = "why was Russia first";
    const reply = answered(hotline.ask(question));
    const calls = await slash(`ask ${question}`);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.body.response_type === "in_channel")).toBe(true);
    const text = payloadText(calls);
    for (const quote of reply.quotes) expect(text).toContain(inJson(quote.text));
    expect(calls.every((c) => c.body.unfurl_links === false)).toBe(true);
  });

  it("GIVEN a bare question THEN it is treated as ask", async () => {
    const question = "why was Russia first";
    const reply = answered(hotline.ask(question));
    const text = payloadText(await slash(question));
    for (const quote of reply.quotes) expect(text).toContain(inJson(quote.text));
  });

  it("GIVEN timeline THEN every event is listed, in channel, within the limits", async () => {
    const calls = await slash("timeline");
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.body.response_type === "in_channel")).toBe(true);
    const text = payloadText(calls);
    for (const event of hotline.timeline()) expect(text).toContain(inJson(event.quote.text));
    expectWithinLimits(calls);
  });

  it("GIVEN today THEN the events of this month-day read 'On this day in YEAR'", async () => {
    const digest = hotline.today("03-14");
    const text = payloadText(await slash("today"));
    for (const event of digest.events) {
      expect(text).toContain(`On this day in ${event.date.iso.slice(0, 4)}:`);
      expect(text).toContain(inJson(event.quote.text));
    }
    for (const event of digest.next?.events ?? []) expect(text).toContain(inJson(event.quote.text));
  });

  it("GIVEN sources THEN each document is linked with its title", async () => {
    const text = payloadText(await slash("sources"));
    for (const source of hotline.sources())
      expect(text).toContain(`<${source.url}|${inJson(source.title)}>`);
  });

  it("GIVEN help, empty input THEN the help goes only to the asker", async () => {
    for (const input of ["help", "", "   "]) {
      const calls = await slash(input);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.body.response_type).toBe("ephemeral");
      expect(payloadText(calls)).toContain("/hotline when &lt;event&gt;");
    }
  });

  it("GIVEN a question over the length limit THEN only the asker sees the rejection", async () => {
    const calls = await slash(`ask ${"why ".repeat(200)}`);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.response_type).toBe("ephemeral");
    const reply = hotline.ask("why ".repeat(200).trim());
    expect(reply.status).toBe("rejected");
    const text = reply.status === "rejected" ? rejectionText(reply) : "<not rejected>";
    expect(payloadText(calls)).toContain(inJson(text));
  });

  it("GIVEN --hide THEN the answer is private with a Share button, and sharing posts it to the channel", async () => {
    const user = newUser();
    const calls = await slash("sources --hide", user);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.body.response_type === "ephemeral")).toBe(true);
    const blocks = calls.at(-1)?.body.blocks as {
      type: string;
      elements?: { action_id: string; value: string }[];
    }[];
    const button = blocks.find((b) => b.type === "actions")?.elements?.[0];
    expect(button?.action_id).toBe(SHARE_ACTION_ID);

    const id = `share-${user}`;
    const res = await postToApp(
      base,
      buttonBody(SHARE_ACTION_ID, button?.value ?? "", user, fake.responseUrl(id)),
      {
        secret: SECRET,
      },
    );
    expect(res.status).toBe(200);
    await fake.waitFor((c) => c.method === id && c.body.delete_original === true);
    const shared = fake.find((c) => c.method === id && c.body.response_type === "in_channel");
    expect(shared.length).toBeGreaterThan(0);
    const text = payloadText(shared);
    for (const source of hotline.sources()) expect(text).toContain(inJson(source.title));
    expect(text).toContain(`Shared by <@${user}>`);
  });

  it("GIVEN --public THEN the answer goes to the channel", async () => {
    const calls = await slash("ask --public why was Russia first");
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.body.response_type === "in_channel")).toBe(true);
  });

  it("GIVEN a question containing <!channel>, a user and &lt; THEN the echo drops the mentions, keeps &lt; escaped and pings nobody", async () => {
    // What Slack sends when a user types: @channel @someone what is &lt;this&gt; <b> hotline?
    const calls = await slash(
      "ask <!channel> <@U999|someone> what is &amp;lt;this&amp;gt; &lt;b&gt; hotline?",
    );
    const text = payloadText(calls);
    expect(text).not.toMatch(/<!channel>|<!here>|<@U999/);
    // The core's chat normaliser drops the broadcast and the user mention; the rest is escaped.
    expect(text).toContain("what is &amp;lt;this&amp;gt; &lt;b&gt; hotline?");
    expect(text).not.toMatch(/@\u200B?channel|someone/);
  });

  it("GIVEN a non-admin subscribing THEN they are refused privately and nothing is stored", async () => {
    const calls = await slash("subscribe 08:30 Europe/London", "UPLAIN");
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.response_type).toBe("ephemeral");
    expect(payloadText(calls)).toMatch(/Only .*admins/);
    expect(await subscriptions.active()).toEqual([]);
    expect(
      fake.find((c) => c.method === "users.info" && c.body.user === "UPLAIN").length,
    ).toBeGreaterThan(0);
  });

  it("GIVEN an admin from SLACK_ADMIN_USER_IDS THEN subscribe and unsubscribe work for this channel", async () => {
    const sub = await slash("subscribe 08:30 Europe/London", "ULISTED");
    expect(payloadText(sub)).toContain("Subscribed");
    expect(await subscriptions.active()).toEqual([
      expect.objectContaining({
        platform: "slack",
        workspaceId: FAKE_BOT.teamId,
        channelId: "C0001",
        time: "08:30",
        timezone: "Europe/London",
        requestedBy: "ULISTED",
      }),
    ]);
    // The configured list is enough: no users.info lookup for a listed admin.
    expect(fake.find((c) => c.method === "users.info" && c.body.user === "ULISTED")).toEqual([]);
    const unsub = await slash("unsubscribe", "ULISTED");
    expect(payloadText(unsub)).toContain("no longer");
    expect(await subscriptions.active()).toEqual([]);
  });

  it("GIVEN a workspace admin or owner THEN users.info grants the admin commands", async () => {
    expect(payloadText(await slash("subscribe", "UWSADMIN"))).toContain("Subscribed");
    expect(await subscriptions.active()).toEqual([
      expect.objectContaining({ channelId: "C0001", requestedBy: "UWSADMIN" }),
    ]);
    expect(payloadText(await slash("unsubscribe", "UOWNER"))).toContain("no longer");
    expect(await subscriptions.active()).toEqual([]);
  });

  for (const [label, failure] of [
    ["a Slack error", { error: "internal_error" }],
    ["an HTTP 500", { status: 500 }],
  ] as const) {
    it(`GIVEN users.info fails with ${label} THEN a workspace admin's subscribe and unsubscribe are refused with one line saying why, and nothing changes`, async () => {
      fake.failNext("users.info", failure);
      const refused = await slash("subscribe 07:00 UTC", "UWSADMIN");
      expect(refused).toHaveLength(1);
      expect(refused[0]?.body).toMatchObject({
        response_type: "ephemeral",
        text: `:warning: ${ADMIN_LOOKUP_FAILED_MESSAGE}`,
      });
      expect(ADMIN_LOOKUP_FAILED_MESSAGE).not.toContain("\n");
      expect(await subscriptions.active()).toEqual([]);

      // Subscribed while Slack answers; an unsubscribe during a failure leaves it in place.
      expect(payloadText(await slash("subscribe 07:00 UTC", "UWSADMIN"))).toContain("Subscribed");
      fake.failNext("users.info", failure);
      const kept = await slash("unsubscribe", "UWSADMIN");
      expect(payloadText(kept)).toContain(escapeSlack(ADMIN_LOOKUP_FAILED_MESSAGE));
      expect(await subscriptions.active()).toEqual([expect.objectContaining({ time: "07:00" })]);
      expect(payloadText(await slash("unsubscribe", "UWSADMIN"))).toContain("no longer");
    });
  }

  it("GIVEN users.info fails on a mention THEN '@hotline subscribe' by a workspace admin is refused ephemerally and stores nothing", async () => {
    fake.failNext("users.info", { error: "internal_error" });
    const ts = "1700000050.000050";
    const calls = await mentionOf("subscribe", ts, undefined, "UWSADMIN");
    expect(calls.filter((c) => c.method === "chat.postMessage")).toEqual([]);
    const refusal = calls.filter((c) => c.method === "chat.postEphemeral");
    expect(refusal).toHaveLength(1);
    expect(payloadText(refusal)).toContain(escapeSlack(ADMIN_LOOKUP_FAILED_MESSAGE));
    expect(await subscriptions.active()).toEqual([]);
  });

  it("GIVEN the response URL fails THEN the error is logged, the asker gets a short apology, and the next command works", async () => {
    const user = newUser();
    const id = `fail-${user}`;
    fake.failNext(id, { status: 500 });
    const since = logs.records.length;
    await postToApp(base, slashBody("sources", user, fake.responseUrl(id)), { secret: SECRET });
    await logs.waitFor((r) => r.msg === "slack: /hotline failed" && r.user === user, since);
    const apology = await fake.waitFor((c) => c.method === id && /wrong/.test(String(c.body.text)));
    expect(apology.body.response_type).toBe("ephemeral");
    expect((await slash("sources")).length).toBeGreaterThan(0);
  });
});

describe("@-mentions", () => {
  it("GIVEN a mention at the channel root THEN the bot answers in a thread on the mention, with the mention stripped", async () => {
    const question = "why was Russia first";
    const reply = answered(hotline.ask(question));
    const ts = "1700000100.000100";
    const calls = await mentionOf(question, ts);
    const posts = calls.filter((c) => c.method === "chat.postMessage");
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      expect(post.body.channel).toBe("C0001");
      expect(post.body.thread_ts).toBe(ts);
    }
    const text = payloadText(posts);
    for (const quote of reply.quotes) expect(text).toContain(inJson(quote.text));
    expect(text).not.toContain(FAKE_BOT.userId);
  });

  it("GIVEN a mention inside a thread THEN the answer goes to the thread's root", async () => {
    const calls = await mentionOf(
      "when the Russian line opened",
      "1700000200.000200",
      "1700000150.000000",
    );
    const posts = calls.filter((c) => c.method === "chat.postMessage");
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((p) => p.body.thread_ts === "1700000150.000000")).toBe(true);
  });

  it("GIVEN the same event delivered twice with X-Slack-Retry-Num THEN there is exactly one reply", async () => {
    const user = newUser();
    const ts = "1700000300.000300";
    const body = eventBody(mention("timeline", user, ts), "EvRETRY0001");
    // Both timestamps are fixed up front: a retry signed "now - 1" a second after the first
    // delivery would carry the first's signature and be refused as a replay.
    const firstSignedAt = Math.floor(Date.now() / 1000);
    await postToApp(base, body, { secret: SECRET, timestamp: firstSignedAt });
    await logs.waitFor((r) => r.user === user && r.msg === "slack: answered mention");
    // Slack signs each delivery afresh; an identical signature would be refused as a replay.
    const retry = await postToApp(base, body, {
      secret: SECRET,
      timestamp: firstSignedAt - 1,
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(retry.status).toBe(200);
    await logs.waitFor(
      (r) => r.msg === "slack: duplicate event ignored" && r.eventId === "EvRETRY0001",
    );
    const posts = fake.find((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts);
    expect(posts.length).toBeGreaterThan(0);
    // One reply (which may span several messages): a second would repeat the first's texts.
    expect(new Set(posts.map((c) => c.body.text)).size).toBe(posts.length);
    expect(
      logs.records.filter((r) => r.msg === "slack: answered mention" && r.user === user),
    ).toHaveLength(1);
  });

  it("GIVEN a retry with the same event_id in a different envelope (other ts, event_time, retry headers) THEN it is dropped by its event id", async () => {
    const user = newUser();
    const first = eventBody(mention("sources", user, "1700000350.000350"), "EvRETRY0002");
    await postToApp(base, first, { secret: SECRET });
    await logs.waitFor((r) => r.user === user && r.msg === "slack: answered mention");
    const since = logs.records.length;
    // Only the event id is shared: the channel:ts key cannot catch this one.
    const retry = {
      ...eventBody(mention("sources", user, "1700000351.000351"), "EvRETRY0002"),
      event_time: 1_700_000_999,
    };
    const res = await postToApp(base, retry, {
      secret: SECRET,
      headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_error" },
    });
    expect(res.status).toBe(200);
    const dropped = await logs.waitFor(
      (r) => r.msg === "slack: duplicate event ignored" && r.eventId === "EvRETRY0002",
      since,
    );
    expect(dropped).toMatchObject({ ts: "1700000351.000351", retryNum: 2 });
    expect(
      fake.find((c) => c.method === "chat.postMessage" && c.body.thread_ts === "1700000351.000351"),
    ).toEqual([]);
    expect(
      logs.records.filter((r) => r.msg === "slack: answered mention" && r.user === user),
    ).toHaveLength(1);
  });

  it("GIVEN one message delivered as both message and app_mention THEN there is exactly one reply", async () => {
    const user = newUser();
    const ts = "1700000400.000400";
    const event = mention("sources", user, ts);
    await postToApp(base, eventBody({ ...event, type: "message", channel_type: "channel" }), {
      secret: SECRET,
    });
    await logs.waitFor((r) => r.user === user && r.msg === "slack: answered mention");
    await postToApp(base, eventBody(event), { secret: SECRET });
    await logs.waitFor((r) => r.msg === "slack: duplicate event ignored" && r.ts === ts);
    const posts = fake.find((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts);
    expect(posts.length).toBeGreaterThan(0);
    // A second reply would repeat the first message's text.
    expect(new Set(posts.map((c) => c.body.text)).size).toBe(posts.length);
    expect(
      logs.records.filter((r) => r.msg === "slack: answered mention" && r.user === user),
    ).toHaveLength(1);
  });

  it("GIVEN bot messages, edits and joins THEN they are ignored", async () => {
    const base1 = mention("timeline", newUser(), "1700000500.000500");
    const ignored = [
      { ...base1, bot_id: "BOTHER", ts: "1700000500.000501" },
      { ...base1, edited: { user: "U1", ts: "1" }, ts: "1700000500.000502" },
      { ...base1, type: "message", subtype: "channel_join", ts: "1700000500.000503" },
    ];
    for (const event of ignored) {
      await postToApp(base, eventBody(event), { secret: SECRET });
      await logs.waitFor((r) => r.msg === "slack: event ignored" && r.ts === event.ts);
    }
    for (const event of ignored) {
      expect(
        fake.find((c) => c.method.startsWith("chat.") && c.body.thread_ts === event.ts),
      ).toEqual([]);
    }
  });

  it("GIVEN a mention with <!channel> and &lt; THEN the broadcasts are dropped and &lt; stays escaped", async () => {
    // Typed: @hotline @channel @here what is &lt;x&gt;?
    const calls = await mentionOf(
      "<!channel> <!here> what is &amp;lt;x&amp;gt;?",
      "1700000600.000600",
    );
    const text = payloadText(calls);
    expect(text).not.toMatch(/<!channel>|<!here>/);
    expect(text).toContain("what is &amp;lt;x&amp;gt;?");
    expect(text).not.toMatch(/@\u200B?channel|@\u200B?here/);
  });

  it("GIVEN a bare mention or --hide THEN the reply is ephemeral to the asker, in the thread", async () => {
    const user = newUser();
    const ts = "1700000700.000700";
    await mentionOf("", ts, undefined, user);
    const ephemeral = fake.find((c) => c.method === "chat.postEphemeral" && c.body.user === user);
    expect(ephemeral).toHaveLength(1);
    expect(ephemeral[0]?.body.thread_ts).toBe(ts);
    expect(payloadText(ephemeral)).toContain("/hotline when");
    expect(fake.find((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts)).toEqual(
      [],
    );
  });

  it("GIVEN the Web API fails THEN the error is logged, the asker is told, and the next mention is answered", async () => {
    const user = newUser();
    const ts = "1700000800.000800";
    fake.failNext("chat.postMessage", { error: "channel_not_found" });
    await postToApp(base, eventBody(mention("why was Russia first", user, ts)), { secret: SECRET });
    const error = await logs.waitFor((r) => r.msg === "slack: mention failed" && r.ts === ts);
    expect(JSON.stringify(error.err)).toContain("channel_not_found");
    await fake.waitFor(
      (c) => c.method === "chat.postEphemeral" && c.body.user === user && /wrong/.test(c.body.text),
    );

    // An HTTP 500 with retries off fails at once too, and the app still serves.
    fake.failNext("chat.postMessage", { status: 500 });
    const ts2 = "1700000801.000801";
    await postToApp(base, eventBody(mention("timeline", newUser(), ts2)), { secret: SECRET });
    await logs.waitFor((r) => r.msg === "slack: mention failed" && r.ts === ts2);

    const next = await mentionOf("why was Russia first", "1700000900.000900");
    expect(next.filter((c) => c.method === "chat.postMessage").length).toBeGreaterThan(0);
  });
});

describe("on-this-day sender", () => {
  it("GIVEN a digest THEN it is posted to the channel, and a failure throws a platform_failed error", async () => {
    const digest = hotline.today("03-14");
    const channel = {
      platform: "slack" as const,
      workspaceId: FAKE_BOT.teamId,
      channelId: "CDAILY",
    };
    expect(handle.sender.owns(channel)).toBe(true);
    expect(handle.sender.owns({ ...channel, platform: "discord" })).toBe(false);
    await sendPost(handle.sender, channel, digest);
    const posts = fake.find((c) => c.method === "chat.postMessage" && c.body.channel === "CDAILY");
    expect(posts.length).toBeGreaterThan(0);
    expect(posts[0]?.token).toBe("xoxb-test-token");
    for (const event of digest.events)
      expect(payloadText(posts)).toContain(inJson(event.quote.text));

    fake.failNext("chat.postMessage", { error: "not_in_channel" });
    const failure = await sendPost(handle.sender, channel, digest).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HotlineError);
    expect((failure as HotlineError).code).toBe("platform_failed");
    expect((failure as HotlineError).message).toMatch(/^slack: .*CDAILY.*not_in_channel/);
  });
});
