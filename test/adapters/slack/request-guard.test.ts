/**
 * What reaches `POST /slack/events` before Bolt does, through the real Bolt app in HTTP mode on
 * 127.0.0.1 against the fake Slack API: replays, timestamps out of the window either way,
 * bodies that are not objects, and bodies over the cap (refused before they are read).
 */

import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackHandle, startSlack } from "../../../adapters/slack/app.js";
import {
  SLACK_BODY_LIMIT_BYTES,
  SLACK_REPLAY_TTL_MS,
} from "../../../adapters/slack/request-guard.js";
import type { SeenKeys } from "../../../adapters/slack/seen-keys.js";
import { loadConfig } from "../../../src/config.js";
import { loadHotline } from "../../../src/hotline.js";
import { type FakeSlack, postToApp, signSlackRequest, startFakeSlack } from "../../fakes/slack.js";
import { captureLogs, eventBody, mention, slashBody } from "./helpers.js";

const SECRET = "guard-signing-secret-0123456789";
const hotline = loadHotline();
const logs = captureLogs();
let fake: FakeSlack;
let handle: SlackHandle;
let base: string;
let counter = 0;
/** Added to the app's clock (the replay memory's); request timestamps use the real clock. */
let shiftMs = 0;

function config(apiUrl: string) {
  return loadConfig({
    RATE_LIMIT_USER_PER_MINUTE: "100000",
    RATE_LIMIT_CHANNEL_PER_MINUTE: "100000",
    SLACK_BOT_TOKEN: "xoxb-guard",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    PORT: "0",
    HOTLINE_TIMEZONE: "UTC",
  });
}

beforeAll(async () => {
  fake = await startFakeSlack();
  handle = await startSlack({
    hotline,
    config: config(fake.apiUrl),
    logger: logs.logger,
    host: "127.0.0.1",
    retryConfig: { retries: 0 },
    now: () => new Date(Date.now() + shiftMs),
  });
  base = `http://127.0.0.1:${handle.port}`;
});

afterAll(async () => {
  await handle?.stop();
  await fake?.close();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

function next(prefix: string): { user: string; id: string } {
  counter += 1;
  return { user: `UGUARD${counter}`, id: `${prefix}-${counter}` };
}

/** Posts `raw` signed as Slack would, with the given content type. */
async function postRaw(
  raw: string,
  contentType: string,
  timestamp = nowSeconds(),
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlackRequest(SECRET, timestamp, raw),
    },
    body: raw,
  });
  return { status: res.status, text: await res.text() };
}

/**
 * Declares a body of `declaredBytes` but sends only its first `sentBytes`: resolves with the
 * status if the app answers before the rest arrives, rejects if it waits for more (it would be
 * buffering the body).
 */
function answerBeforeFullBody(
  headers: Record<string, string>,
  declaredBytes: number | undefined,
  sentBytes: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: "127.0.0.1",
      port: handle.port,
      method: "POST",
      path: "/slack/events",
      headers: {
        ...headers,
        ...(declaredBytes === undefined ? {} : { "content-length": String(declaredBytes) }),
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer after ${sentBytes} of ${declaredBytes ?? "chunked"} bytes`));
    }, 3000);
    req.on("response", (res) => {
      clearTimeout(timer);
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    // The server closes the connection after refusing; a write racing that close may fail.
    req.on("error", () => {});
    req.write(Buffer.alloc(sentBytes, 0x20));
  });
}

describe("GIVEN a signed request sent twice (a replay)", () => {
  it("THEN the copy is refused with 409 and the command is answered once", async () => {
    const { user, id } = next("replay");
    const body = slashBody("help", user, fake.responseUrl(id));
    const timestamp = nowSeconds();
    const first = await postToApp(base, body, { secret: SECRET, timestamp });
    const replay = await postToApp(base, body, { secret: SECRET, timestamp });
    expect(first.status).toBe(200);
    expect(replay.status).toBe(409);
    await fake.waitFor((c) => c.method === id);
    // A later request is answered after anything the replay could have started.
    const later = next("after-replay");
    await postToApp(base, slashBody("help", later.user, fake.responseUrl(later.id)), {
      secret: SECRET,
    });
    await fake.waitFor((c) => c.method === later.id);
    expect(fake.find((c) => c.method === id)).toHaveLength(1);
  });

  it("THEN a replayed mention event is refused with 409 and answered once", async () => {
    const { user } = next("mention-replay");
    const ts = `1700100${counter}.000100`;
    const body = eventBody(mention("sources", user, ts));
    const timestamp = nowSeconds();
    const since = logs.records.length;
    expect((await postToApp(base, body, { secret: SECRET, timestamp })).status).toBe(200);
    expect((await postToApp(base, body, { secret: SECRET, timestamp })).status).toBe(409);
    await logs.waitFor((r) => r.msg === "slack: answered mention" && r.user === user, since);
    expect(
      logs.records.filter((r) => r.msg === "slack: duplicate event ignored" && r.ts === ts),
    ).toEqual([]);
  });

  it("THEN the same body signed at another second is not a replay (Slack's own retries)", async () => {
    const { user, id } = next("resigned");
    const body = slashBody("help", user, fake.responseUrl(id));
    const timestamp = nowSeconds();
    expect((await postToApp(base, body, { secret: SECRET, timestamp })).status).toBe(200);
    expect((await postToApp(base, body, { secret: SECRET, timestamp: timestamp - 1 })).status).toBe(
      200,
    );
  });

  it("THEN the signature is remembered for the ten minutes its timestamp can stay acceptable", async () => {
    const { user, id } = next("ttl");
    const body = slashBody("help", user, fake.responseUrl(id));
    const timestamp = nowSeconds();
    try {
      expect((await postToApp(base, body, { secret: SECRET, timestamp })).status).toBe(200);
      shiftMs = SLACK_REPLAY_TTL_MS - 1000;
      expect((await postToApp(base, body, { secret: SECRET, timestamp })).status).toBe(409);
      // Past the ttl the memory has forgotten it (in real time the timestamp would be stale by then).
      shiftMs = SLACK_REPLAY_TTL_MS;
      expect((await postToApp(base, body, { secret: SECRET, timestamp })).status).toBe(200);
    } finally {
      shiftMs = 0;
    }
    expect(SLACK_REPLAY_TTL_MS).toBe(10 * 60 * 1000);
  });
});

describe("GIVEN a request stamped outside five minutes of now", () => {
  for (const [label, offset] of [
    ["ten minutes ahead", 10 * 60],
    ["a hundred years ahead", 100 * 365 * 24 * 3600],
    ["six minutes behind", -6 * 60],
  ] as const) {
    it(`THEN ${label} is refused with 401 and not answered`, async () => {
      const { user, id } = next("stamp");
      const res = await postToApp(base, slashBody("help", user, fake.responseUrl(id)), {
        secret: SECRET,
        timestamp: nowSeconds() + offset,
      });
      expect(res.status).toBe(401);
      expect(res.text).toContain("more than five minutes from now");
    });
  }

  it("THEN four minutes either way is still accepted", async () => {
    for (const offset of [4 * 60, -4 * 60]) {
      const { user, id } = next("near");
      const res = await postToApp(base, slashBody("help", user, fake.responseUrl(id)), {
        secret: SECRET,
        timestamp: nowSeconds() + offset,
      });
      expect(res.status).toBe(200);
      await fake.waitFor((c) => c.method === id);
    }
  });

  it("THEN a timestamp that is not a number, or a malformed signature, is refused with 401", async () => {
    const { user, id } = next("malformed");
    const body = slashBody("help", user, fake.responseUrl(id));
    const bad: Record<string, string>[] = [
      { "x-slack-request-timestamp": "soon", "x-slack-signature": `v0=${"a".repeat(64)}` },
      { "x-slack-request-timestamp": String(nowSeconds()), "x-slack-signature": "v0=abc" },
      { "x-slack-request-timestamp": String(nowSeconds()) },
    ];
    for (const headers of bad) {
      const res = await fetch(`${base}/slack/events`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body,
      });
      expect(res.status).toBe(401);
    }
    expect(fake.find((c) => c.method === id)).toEqual([]);
  });
});

describe("GIVEN a signed body that is not a JSON object", () => {
  for (const raw of ["null", "[]", "42", '"text"', "{not json"]) {
    it(`THEN ${raw} gets 400`, async () => {
      const res = await postRaw(raw, "application/json");
      expect(res.status).toBe(400);
    });
  }

  it("THEN a form whose payload is null gets 400", async () => {
    const res = await postRaw("payload=null", "application/x-www-form-urlencoded");
    expect(res.status).toBe(400);
  });

  it("THEN the app still answers the next request", async () => {
    const { user, id } = next("after-null");
    await postToApp(base, slashBody("help", user, fake.responseUrl(id)), { secret: SECRET });
    const answer = await fake.waitFor((c) => c.method === id);
    expect(answer.body.response_type).toBe("ephemeral");
  });
});

describe("GIVEN a body over the cap", () => {
  const signedHeaders = () => ({
    "content-type": "application/json",
    "x-slack-request-timestamp": String(nowSeconds()),
    "x-slack-signature": `v0=${"0".repeat(64)}`,
  });

  it("THEN the cap is 64 KiB", () => {
    expect(SLACK_BODY_LIMIT_BYTES).toBe(65_536);
  });

  it("THEN a 3.9 MB unsigned body is refused with 401 before it is sent in full", async () => {
    const status = await answerBeforeFullBody(
      { "content-type": "application/json" },
      3_900_000,
      16 * 1024,
    );
    expect(status).toBe(401);
  });

  it("THEN a 3.9 MB body with signature headers is refused with 413 before it is sent in full", async () => {
    expect(await answerBeforeFullBody(signedHeaders(), 3_900_000, 16 * 1024)).toBe(413);
  });

  it("THEN a chunked body is refused with 413 once it passes the cap, without waiting for its end", async () => {
    expect(await answerBeforeFullBody(signedHeaders(), undefined, SLACK_BODY_LIMIT_BYTES + 1)).toBe(
      413,
    );
  });

  it("THEN a signed event just under the cap is accepted", async () => {
    const { user } = next("big");
    const ts = `1700200${counter}.000100`;
    const event = eventBody(mention("sources", user, ts));
    const padding = "x".repeat(SLACK_BODY_LIMIT_BYTES - JSON.stringify(event).length - 200);
    const raw = JSON.stringify({ ...event, padding });
    expect(Buffer.byteLength(raw)).toBeLessThan(SLACK_BODY_LIMIT_BYTES);
    const since = logs.records.length;
    expect((await postRaw(raw, "application/json")).status).toBe(200);
    await logs.waitFor((r) => r.msg === "slack: answered mention" && r.user === user, since);
  });

  it("THEN a sender hanging up mid-body is logged as refused and the next request is answered", async () => {
    const since = logs.records.length;
    const req = request({
      host: "127.0.0.1",
      port: handle.port,
      method: "POST",
      path: "/slack/events",
      headers: { ...signedHeaders(), "content-length": "10000" },
    });
    req.on("error", () => {});
    req.write(Buffer.alloc(100, 0x20), () => req.destroy());
    const refused = await logs.waitFor((r) => r.msg === "slack: request refused", since);
    expect(refused).toMatchObject({ status: 400, reason: "body unreadable: aborted" });
    const { user, id } = next("after-hangup");
    await postToApp(base, slashBody("help", user, fake.responseUrl(id)), { secret: SECRET });
    expect((await fake.waitFor((c) => c.method === id)).body.response_type).toBe("ephemeral");
  });

  it("THEN GET /healthz still answers", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe("GIVEN Slack's unsigned ssl_check", () => {
  it("THEN ssl_check=1 gets 200 and an unsigned command gets 401", async () => {
    const check = await fetch(`${base}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "ssl_check=1&token=x",
    });
    expect(check.status).toBe(200);
    const { user, id } = next("unsigned");
    const unsigned = await fetch(`${base}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: slashBody("help", user, fake.responseUrl(id)),
    });
    expect(unsigned.status).toBe(401);
    expect(fake.find((c) => c.method === id)).toEqual([]);
  });
});

describe("GIVEN a replay memory that cannot answer", () => {
  it("THEN requests are refused with 503 (closed, not open) and nothing is answered", async () => {
    const failing: SeenKeys = { firstSeen: () => Promise.reject(new Error("database down")) };
    const own = await startSlack({
      hotline,
      config: config(fake.apiUrl),
      logger: logs.logger,
      host: "127.0.0.1",
      retryConfig: { retries: 0 },
      seenKeys: failing,
    });
    try {
      const { user, id } = next("closed");
      const res = await postToApp(
        `http://127.0.0.1:${own.port}`,
        slashBody("help", user, fake.responseUrl(id)),
        { secret: SECRET },
      );
      expect(res.status).toBe(503);
      expect(fake.find((c) => c.method === id)).toEqual([]);
      await logs.waitFor((r) => r.msg === "slack: request check failed; refused");
    } finally {
      await own.stop();
    }
  });
});
