/**
 * Two processes, one database: two real `hotline start` processes (the compiled build) in Slack
 * HTTP mode against the fake Slack API on 127.0.0.1, both with `DATABASE_URL` pointing at one
 * PostgreSQL schema, behave as one bot. A mention answered by one is not answered again when
 * Slack retries it on the other, and a request replayed to the other is refused; a subscription
 * made through one is seen by the other; two schedulers on the same tick post once; a process
 * killed with SIGKILL mid-send leaves a claim that another scheduler resumes, so the post is
 * neither doubled nor lost.
 *
 * Uses TEST_DATABASE_URL (a real server, as in CI) or else PGlite (see test/schedule/pg-helpers.ts);
 * skipped with one visible line when neither can run.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { webApi } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSlackSender } from "../../adapters/slack/sender.js";
import { defaultCorpusDir, loadHotline } from "../../src/hotline.js";
import { createLogger } from "../../src/log.js";
import { openPgStore, type PgStore } from "../../src/schedule/pg-store.js";
import { createScheduler } from "../../src/schedule/scheduler.js";
import { eventBody, mention, slashBody } from "../adapters/slack/helpers.js";
import { LogSink } from "../fakes/recorders.js";
import {
  FAKE_BOT,
  type FakeSlack,
  postToApp,
  signSlackRequest,
  startFakeSlack,
} from "../fakes/slack.js";
import { openTestDatabase, SKIP_LINE } from "../schedule/pg-helpers.js";

const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "bin", "hotline.js");
const SECRET = "two-process-test-secret";
const ADMIN = "UADMIN01";

const db = await openTestDatabase();
if (!db) console.warn(SKIP_LINE);

let dir: string;
let corpusDir: string;
const running = new Set<Bot>();

beforeAll(() => {
  // Build once up front so the spawned processes do not each rebuild.
  spawnSync(process.execPath, [join(root, "scripts", "build.js")], { stdio: "ignore" });
  dir = mkdtempSync(join(tmpdir(), "hotline-two-process-"));
  // The seed corpus plus one event dated to today (UTC), so today's on-this-day post exists.
  corpusDir = join(dir, "corpus");
  cpSync(defaultCorpusDir(), corpusDir, { recursive: true });
  const now = new Date();
  const monthDay = now.toLocaleDateString("en-US", {
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
  writeFileSync(
    join(corpusDir, "two-process-today.md"),
    `---\nid: two-process-today\ntitle: A hotline test call\npublisher: Test Wire\npublished: 2010-06-01\nurl: http://example.test/today\n---\n\nOn ${monthDay}, 2009, the military hotline was tested for the first time.\n`,
  );
}, 180_000);

afterEach(async () => {
  // A test that failed half-way must not leave a process behind.
  await Promise.all([...running].map((bot) => bot.kill("SIGKILL")));
});

afterAll(async () => {
  await db?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

interface Bot {
  name: string;
  child: ChildProcessWithoutNullStreams;
  base: string;
  logs: Array<Record<string, unknown>>;
  exit: Promise<number | null>;
  waitForLog(msg: string): Promise<Record<string, unknown>>;
  /** Sends `signal` and resolves with the exit code once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/** Spawns `hotline start` in Slack HTTP mode on `schema`; resolves once it is running. */
async function startBot(
  name: string,
  fake: FakeSlack,
  schema: string,
  env: Record<string, string> = {},
): Promise<Bot> {
  const database = db as NonNullable<typeof db>;
  const child = spawn(process.execPath, [bin, "start", "--corpus", corpusDir], {
    env: {
      PATH: process.env.PATH ?? "",
      SLACK_BOT_TOKEN: "xoxb-two-process",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_ADMIN_USER_IDS: ADMIN,
      PORT: "0",
      DATABASE_URL: database.url,
      DATABASE_SCHEMA: schema,
      // Never opened with DATABASE_URL set; pointed into the temp dir all the same.
      DATABASE_PATH: join(dir, `${name}.db`),
      HOTLINE_CACHE_DIR: join(dir, "cache"),
      HOTLINE_TIMEZONE: "UTC",
      LOG_LEVEL: "info",
      ...env,
    },
  });
  const logs: Array<Record<string, unknown>> = [];
  const listeners = new Set<() => void>();
  let buffer = "";
  child.stderr.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("{")) continue;
      logs.push(JSON.parse(line));
      for (const listener of listeners) listener();
    }
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitForLog = (msg: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const found = logs.find((l) => l.msg === msg);
        if (found) {
          listeners.delete(check);
          resolve(found);
        }
      };
      listeners.add(check);
      check();
      void exit.then((code) =>
        reject(new Error(`${name} exited (${code}) before "${msg}": ${JSON.stringify(logs)}`)),
      );
    });
  const bot: Bot = {
    name,
    child,
    base: "",
    logs,
    exit,
    waitForLog,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const code = await exit;
      running.delete(bot);
      return code;
    },
  };
  running.add(bot);
  const listening = await waitForLog("slack: listening for HTTP requests on /slack/events");
  bot.base = `http://127.0.0.1:${Number(listening.port)}`;
  await waitForLog("hotline is running");
  return bot;
}

/** A subscription of `channel` at 00:00 UTC, active since yesterday: due at once, today. */
async function dueSubscription(schema: string, channel: string): Promise<number> {
  const database = db as NonNullable<typeof db>;
  const store = await openPgStore({ url: database.url, schema });
  try {
    const saved = await store.saveSubscription(
      {
        platform: "slack",
        workspaceId: FAKE_BOT.teamId,
        channelId: channel,
        time: "00:00",
        timezone: "UTC",
        source: "command",
        requestedBy: ADMIN,
      },
      new Date(Date.now() - 24 * 3600_000),
    );
    return saved.subscription.id;
  } finally {
    await store.close();
  }
}

/** The part indices of hotline's posts in `channel`, in posting order. */
function postedParts(fake: FakeSlack, channel: string): number[] {
  return (fake.history.get(channel) ?? []).map((message) => {
    const metadata = message.metadata as { event_payload: { part: number } };
    return metadata.event_payload.part;
  });
}

describe.skipIf(!db)(`GIVEN two hotline processes on one PostgreSQL (${db?.kind})`, () => {
  const database = db as NonNullable<typeof db>;
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it("WHEN a mention reaches A and Slack's retry of it (same event_id, new signature) reaches B THEN it is answered exactly once, and A's request replayed to B is refused", async () => {
    const schema = database.extraSchema();
    const [a, b] = await Promise.all([startBot("a", fake, schema), startBot("b", fake, schema)]);
    const ts = "1700000500.000100";
    const body = eventBody(
      mention("When did the Beijing-Moscow line open?", "U1", ts),
      "EvTwoProc1",
    );
    const raw = JSON.stringify(body);
    const sent = Math.floor(Date.now() / 1000);
    expect((await postToApp(a.base, body, { secret: SECRET, timestamp: sent })).status).toBe(200);
    const retry = await postToApp(b.base, body, {
      secret: SECRET,
      timestamp: sent + 1,
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(retry.status).toBe(200);
    // The same signed bytes again, on the other process: a replay, refused there too.
    const replay = await postToApp(b.base, body, {
      secret: SECRET,
      timestamp: sent,
      signature: signSlackRequest(SECRET, sent, raw),
    });
    expect(replay.status).toBe(409);

    // Whichever process recorded the event first answers it; the other drops it.
    await Promise.race([
      a.waitForLog("slack: answered mention"),
      b.waitForLog("slack: answered mention"),
    ]);
    await Promise.race([
      a.waitForLog("slack: duplicate event ignored"),
      b.waitForLog("slack: duplicate event ignored"),
    ]);
    const answers = () =>
      fake.find((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts);
    expect(answers()).toHaveLength(1);
    expect(answers()[0]?.body.text).toMatch(/14 March 2008/);
    const answered = [a, b].filter((bot) =>
      bot.logs.some((l) => l.msg === "slack: answered mention"),
    );
    expect(answered).toHaveLength(1);
    await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
    expect(answers()).toHaveLength(1);
  }, 60_000);

  it("WHEN a channel subscribes through A THEN B sees the subscription (its time and timezone)", async () => {
    const schema = database.extraSchema();
    const [a, b] = await Promise.all([startBot("a", fake, schema), startBot("b", fake, schema)]);
    const reply = async (bot: Bot, text: string, id: string) => {
      const response = await postToApp(
        bot.base,
        slashBody(text, ADMIN, fake.responseUrl(id), "C0SUB"),
        { secret: SECRET },
      );
      expect(response.status).toBe(200);
      const call = await fake.waitFor((c) => c.kind === "response" && c.method === id);
      return String(call.body.text);
    };
    expect(await reply(a, "subscribe 07:45 Europe/London", "sub-on-a")).toBe(
      "Subscribed: this channel gets on-this-day posts at 07:45 (Europe/London) on days with events.",
    );
    expect(await reply(b, "subscribe", "sub-on-b")).toBe(
      "Already subscribed: posts at 07:45 (Europe/London). Nothing was added twice.",
    );
    const rows = await database.sql<{ channel_id: string; time: string }>(
      `SELECT channel_id, time FROM "${schema}".subscriptions WHERE active`,
    );
    expect(rows).toEqual([{ channel_id: "C0SUB", time: "07:45" }]);
    await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
  }, 60_000);

  it("WHEN one user's commands alternate between A and B THEN one limit counts them all: the third in a minute gets the notice", async () => {
    // The shared windows are whole minutes: start well inside one, so all three land in it.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
    const schema = database.extraSchema();
    const env = { RATE_LIMIT_USER_PER_MINUTE: "2" };
    const [a, b] = await Promise.all([
      startBot("a", fake, schema, env),
      startBot("b", fake, schema, env),
    ]);
    const replies: string[] = [];
    for (const [i, bot] of [a, b, a].entries()) {
      const id = `limit-${i}`;
      const response = await postToApp(
        bot.base,
        slashBody("sources", "ULIMIT1", fake.responseUrl(id), "C0LIMIT"),
        { secret: SECRET },
      );
      expect(response.status).toBe(200);
      const call = await fake.waitFor((c) => c.kind === "response" && c.method === id);
      replies.push(String(call.body.text));
    }
    expect(replies[0]).not.toMatch(/asking quickly/);
    expect(replies[1]).not.toMatch(/asking quickly/);
    expect(replies[2]).toMatch(/^You're asking quickly — try again in \d+ s\.$/);
    await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
  }, 90_000);

  it("WHEN both processes' schedulers find the same post due on the same tick THEN it is posted once, by one of them", async () => {
    const schema = database.extraSchema();
    const id = await dueSubscription(schema, "C0TICK");
    // Started together, each runs its first tick at once and finds today's post due.
    const [a, b] = await Promise.all([startBot("a", fake, schema), startBot("b", fake, schema)]);
    const claims = await database.sql<{ status: string; attempts: number; parts_sent: number }>(
      `SELECT status, attempts, parts_sent FROM "${schema}".post_claims WHERE subscription_id = $1`,
      [id],
    );
    expect(claims).toEqual([{ status: "sent", attempts: 1, parts_sent: expect.any(Number) }]);
    const parts = postedParts(fake, "C0TICK");
    expect(parts).toEqual([...Array(claims[0]?.parts_sent).keys()]);
    expect(parts.length).toBeGreaterThan(0);
    const posted = [a, b].filter((bot) => bot.logs.some((l) => l.msg === "on-this-day: posted"));
    expect(posted).toHaveLength(1);
    await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
  }, 60_000);
});

describe.skipIf(!db)("GIVEN a process killed with SIGKILL mid-send", () => {
  const database = db as NonNullable<typeof db>;
  let fake: FakeSlack;
  const stores: PgStore[] = [];
  beforeAll(async () => {
    // Stamped with the real clock, so the history lookup of a resume finds what was posted.
    fake = await startFakeSlack({ clock: () => new Date() });
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await fake?.close();
  });

  it.each([
    ["never reached Slack (its connection died with the process)", false, "resend"],
    ["reached Slack, but the process died before it heard so", true, "delivered"],
  ] as const)(
    "WHEN the part in flight %s THEN the claim is left 'sending', and once its lease passes another scheduler resumes it: the post arrives once, nothing doubled, nothing lost",
    async (_case, postFirst, check) => {
      const schema = database.extraSchema();
      const channel = postFirst ? "C0KILLPOSTED" : "C0KILLLOST";
      const id = await dueSubscription(schema, channel);
      // The first part hangs at Slack; the process is killed while it waits.
      const hangMs = 2_000;
      fake.failNext("chat.postMessage", { hangMs, postFirst });
      const started = startBot("a", fake, schema);
      await fake.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === channel);
      const hangEnds = Date.now() + hangMs;
      const a = [...running].find((bot) => bot.name === "a") as Bot;
      await a.kill("SIGKILL");
      await expect(started).rejects.toThrow(/exited/);
      // Let Slack's side settle (the hung call ends, and is dropped with its dead connection)
      // before anyone asks Slack what arrived: with the real 60 s lease it always has.
      await new Promise((resolve) => setTimeout(resolve, hangEnds - Date.now() + 200));
      const [left] = await database.sql<{ status: string; parts_sent: number; lease_until: Date }>(
        `SELECT status, parts_sent, lease_until FROM "${schema}".post_claims WHERE subscription_id = $1`,
        [id],
      );
      expect(left).toMatchObject({ status: "sending", parts_sent: 0 });

      // The other process's scheduler, on a clock past the dead process's lease.
      const store = await openPgStore({ url: database.url, schema });
      stores.push(store);
      const sink = new LogSink();
      const client = new webApi.WebClient("xoxb-two-process", {
        slackApiUrl: fake.apiUrl,
        retryConfig: { retries: 0 },
      });
      if (!left) throw new Error("the killed process left no claim");
      const later = new Date(left.lease_until.getTime() + 1_000);
      const scheduler = createScheduler({
        store,
        hotline: loadHotline({ corpusDir }),
        senders: [createSlackSender(client)],
        clock: () => later,
        logger: createLogger("info", sink),
        processId: "process-b",
      });
      await scheduler.runOnce();
      await scheduler.stop();

      const resumed = sink.lines.find((l) => l.msg === "on-this-day: resuming an interrupted post");
      expect(resumed).toMatchObject({ check, partsSent: 0 });
      const [claim] = await database.sql<{ status: string; attempts: number; parts_sent: number }>(
        `SELECT status, attempts, parts_sent FROM "${schema}".post_claims WHERE subscription_id = $1`,
        [id],
      );
      expect(claim).toMatchObject({ status: "sent", attempts: 2 });
      // Every part once, in order: the one in flight neither sent twice nor dropped.
      expect(postedParts(fake, channel)).toEqual([...Array(claim?.parts_sent).keys()]);
    },
    60_000,
  );
});
