/**
 * Two Slack apps (two processes behind a load balancer) sharing one set of seen keys, as they
 * share PostgreSQL: a mention delivered to one and Slack's retry of it delivered to the other
 * at the same moment is answered exactly once, never zero times. Found by `npm run load --
 * --processes 2`, where 4 of 200 mentions went unanswered: each process won one of the two
 * dedupe keys (event id, channel:ts) and both dropped the event.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { type SlackHandle, startSlack } from "../../../adapters/slack/app.js";
import { MemorySeenKeys } from "../../../adapters/slack/recent-keys.js";
import type { SeenKeys } from "../../../adapters/slack/seen-keys.js";
import { loadConfig } from "../../../src/config.js";
import { loadHotline } from "../../../src/hotline.js";
import { type FakeSlack, postToApp, startFakeSlack } from "../../fakes/slack.js";
import { captureLogs, eventBody, mention } from "./helpers.js";

const SECRET = "shared-dedupe-secret";
const logs = captureLogs();
const shared = new MemorySeenKeys();
let firstMessageCall = true;
let releaseHeld: () => void = () => {};
const held = new Promise<void>((resolve) => {
  releaseHeld = resolve;
});

/**
 * The shared keys, with the worst interleaving forced: the first `message:` lookup (the first
 * delivery's) waits until the other delivery is done with the keys, i.e. until a second
 * `message:` lookup has been answered or the other delivery was dropped as a duplicate.
 */
const seenKeys: SeenKeys = {
  async firstSeen(key, ttlMs) {
    if (!key.startsWith("message:")) return shared.firstSeen(key, ttlMs);
    if (firstMessageCall) {
      firstMessageCall = false;
      await Promise.race([held, logs.waitFor((r) => r.msg === "slack: duplicate event ignored")]);
      return shared.firstSeen(key, ttlMs);
    }
    const first = await shared.firstSeen(key, ttlMs);
    releaseHeld();
    return first;
  },
};

let fake: FakeSlack;
const apps: SlackHandle[] = [];

beforeAll(async () => {
  fake = await startFakeSlack();
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    HOTLINE_TIMEZONE: "UTC",
  });
  const hotline = loadHotline();
  for (let i = 0; i < 2; i++) {
    apps.push(
      await startSlack({
        hotline,
        config,
        logger: logs.logger,
        seenKeys,
        host: "127.0.0.1",
        retryConfig: { retries: 0 },
      }),
    );
  }
});

afterAll(async () => {
  for (const app of apps) await app.stop();
  await fake?.close();
});

test("GIVEN a mention on one process and its retry on another at the same moment WHEN each would win one dedupe key THEN exactly one of them answers", async () => {
  const [a, b] = apps.map((app) => `http://127.0.0.1:${app.port}`) as [string, string];
  const ts = "1700000900.000900";
  const body = eventBody(mention("timeline", "URACE", ts), "EvRACE0001");
  const first = await postToApp(a, body, { secret: SECRET });
  // Slack signs each delivery afresh: a repeated signature would be refused as a replay.
  const retry = await postToApp(b, body, {
    secret: SECRET,
    timestamp: Math.floor(Date.now() / 1000) + 1,
    headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
  });
  expect([first.status, retry.status]).toEqual([200, 200]);
  // Both deliveries have been decided once two outcomes are logged: answered, or dropped.
  const outcome = (r: { msg?: string; user?: unknown; eventId?: unknown }) =>
    (r.msg === "slack: answered mention" && r.user === "URACE") ||
    (r.msg === "slack: duplicate event ignored" && r.eventId === "EvRACE0001");
  await expect
    .poll(() => logs.records.filter(outcome).length, { timeout: 10_000 })
    .toBeGreaterThanOrEqual(2);
  const answered = logs.records.filter(
    (r) => r.msg === "slack: answered mention" && r.user === "URACE",
  );
  expect(answered).toHaveLength(1);
  const posts = fake.find((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts);
  expect(posts.length).toBeGreaterThan(0);
});
