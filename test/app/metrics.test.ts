/**
 * `GET /metrics` and `GET /healthz`: real requests through the request runner, the real
 * scheduler and the real Slack app (against the fake Slack API) go up on the counters that a
 * real HTTP scrape on 127.0.0.1 reads; label values stay within fixed sets whatever is typed;
 * the metrics port is only opened when METRICS_PORT is set; a failing health check answers 503.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { get as httpGet } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countScheduledPosts,
  createMetrics,
  METRIC_NAMES,
  type Metrics,
} from "../../app/metrics.js";
import {
  type HealthCheck,
  healthRoute,
  type MetricsServer,
  metricsRoute,
  startMetricsServer,
} from "../../app/metrics-server.js";
import { startApp } from "../../app/start.js";
import { type Door, handleRequest } from "../../src/commands/handle.js";
import { createRateLimiter } from "../../src/commands/rate-limit.js";
import type { Invocation } from "../../src/commands/run.js";
import { COMMAND } from "../../src/commands/spec.js";
import { loadConfig } from "../../src/config.js";
import { HotlineError } from "../../src/errors.js";
import { defaultCorpusDir, loadHotline } from "../../src/hotline.js";
import { createLogger } from "../../src/log.js";
import { createScheduler } from "../../src/schedule/scheduler.js";
import { openSqliteStore } from "../../src/schedule/sqlite-store.js";
import { createSubscriptionService } from "../../src/schedule/subscriptions.js";
import { eventBody, mention, slashBody } from "../adapters/slack/helpers.js";
import { discordEnv, SLACK_TEST_SECRET, slackEnv } from "../fakes/configs.js";
import { FakeDiscord } from "../fakes/discord.js";
import { LogSink } from "../fakes/recorders.js";
import { postToApp, startFakeSlack } from "../fakes/slack.js";
import { eventMonthDays, fakeClock, manualTick, recordingSender } from "../schedule/helpers.js";

const hotline = loadHotline();
const quiet = createLogger("silent");
/** A question the corpus answers (the README's example). */
const ANSWERED_WHEN = "When did the Beijing-Moscow line open?";

let dir: string;
let corpusDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hotline-metrics-"));
  // A copy, so the corpus snapshot is written under the temp dir, not the repo's cache.
  corpusDir = join(dir, "corpus");
  cpSync(defaultCorpusDir(), corpusDir, { recursive: true });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// --- Reading the exposition ----------------------------------------------------------------

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses Prometheus text format into samples (comment lines skipped). */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) throw new Error(`test: unreadable exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key as string] = JSON.parse(`"${raw}"`);
    }
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the sample `name` whose labels are exactly `labels`; 0 when absent. */
function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  const found = parseExposition(text).find(
    (s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === wanted,
  );
  return found?.value ?? 0;
}

/**
 * GETs `url` on a connection of its own: a kept-alive one that sat idle while a slow request ran
 * (a cold engine under load) can be closed by the server just as it is reused (ECONNRESET).
 */
async function get(url: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          type: response.headers["content-type"] ?? "",
          body,
        }),
      );
      response.on("error", reject);
    }).on("error", reject);
  });
}

/** A port that was free a moment ago on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("test: no port");
  return address.port;
}

/** Polls `read` until `done` holds of its value (or fails the test after 5 s). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A metrics registry served by the real metrics server on 127.0.0.1. */
async function served(
  check?: HealthCheck,
  timeoutMs?: number,
): Promise<{ metrics: Metrics; server: MetricsServer; base: string }> {
  const metrics = createMetrics();
  const server = await startMetricsServer({
    host: "127.0.0.1",
    port: 0,
    routes: [metricsRoute(metrics, quiet), healthRoute({ check, timeoutMs, log: quiet })],
    log: quiet,
  });
  return { metrics, server, base: `http://127.0.0.1:${server.port}` };
}

// --- The request runner ----------------------------------------------------------------------

/** One request through the real runner, as a Slack door whose reply is kept (or fails). */
function request(
  metrics: Metrics,
  invocation: Invocation,
  options: {
    platform?: string;
    isAdmin?: boolean;
    failReply?: boolean;
    limiter?: ReturnType<typeof createRateLimiter>;
  } = {},
) {
  const door: Door = {
    platform: options.platform ?? "slack",
    label: "command",
    fields: {},
    rate: { key: { userId: "u", channelId: "c" }, user: "u", channel: "c" },
    notifyLimited: async () => {},
    read: () => invocation,
    context: () => ({
      channel: { platform: "slack", workspaceId: "T1", channelId: "C1" },
      userId: "u",
      isAdmin: options.isAdmin ?? false,
      today: "03-14",
    }),
    reply: async () => {
      if (options.failReply) throw new Error("platform said 500");
    },
    apologise: async () => {},
  };
  return handleRequest(
    {
      hotline,
      log: quiet,
      observe: metrics.observe,
      limiter:
        options.limiter ??
        createRateLimiter({ userPerMinute: 1_000_000, channelPerMinute: 1_000_000 }),
    },
    door,
  );
}

describe("GIVEN the metrics of the request runner, served on a metrics port", () => {
  let metrics: Metrics;
  let server: MetricsServer;
  let base: string;
  beforeAll(async () => {
    ({ metrics, server, base } = await served());
  });
  afterAll(async () => {
    await server.stop();
  });

  it("WHEN a `when` question is answered THEN its answer counter and latency count each go up by one", async () => {
    const labels = { platform: "slack", command: "when" };
    const before = (await get(`${base}/metrics`)).body;
    await request(metrics, { name: "when", options: { event: ANSWERED_WHEN } });
    const after = await get(`${base}/metrics`);
    expect(after.status).toBe(200);
    expect(after.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const answered = { ...labels, status: "answered" };
    expect(sampleValue(after.body, METRIC_NAMES.answers, answered)).toBe(
      sampleValue(before, METRIC_NAMES.answers, answered) + 1,
    );
    const count = `${METRIC_NAMES.latency}_count`;
    expect(sampleValue(after.body, count, labels)).toBe(sampleValue(before, count, labels) + 1);
    // The question is never a label value.
    expect(after.body).not.toContain("Beijing-Moscow");
  });

  it.each([
    ["no_answer", { name: "ask", options: { question: "What colour is the telephone's cord?" } }],
    ["rejected", { name: "when", options: { event: "   " } }],
    ["answered", { name: "timeline", options: {} }],
  ] as const)(
    "WHEN the runner's reply is %s THEN that status is counted for that command",
    async (status, invocation) => {
      const labels = { platform: "slack", command: invocation.name, status };
      const before = sampleValue((await get(`${base}/metrics`)).body, METRIC_NAMES.answers, labels);
      await request(metrics, { name: invocation.name, options: { ...invocation.options } });
      const after = sampleValue((await get(`${base}/metrics`)).body, METRIC_NAMES.answers, labels);
      expect(after).toBe(before + 1);
    },
  );

  it("WHEN the reply cannot be sent THEN the command is counted as an error, and timed", async () => {
    const before = (await get(`${base}/metrics`)).body;
    await request(metrics, { name: "sources", options: {} }, { failReply: true });
    const after = (await get(`${base}/metrics`)).body;
    const labels = { platform: "slack", command: "sources" };
    expect(sampleValue(after, METRIC_NAMES.answers, { ...labels, status: "error" })).toBe(
      sampleValue(before, METRIC_NAMES.answers, { ...labels, status: "error" }) + 1,
    );
    expect(sampleValue(after, METRIC_NAMES.answers, { ...labels, status: "answered" })).toBe(
      sampleValue(before, METRIC_NAMES.answers, { ...labels, status: "answered" }),
    );
    const count = `${METRIC_NAMES.latency}_count`;
    expect(sampleValue(after, count, labels)).toBe(sampleValue(before, count, labels) + 1);
  });

  it("WHEN a non-admin tries to subscribe THEN a decline is counted and the command is rejected", async () => {
    const before = (await get(`${base}/metrics`)).body;
    await request(metrics, { name: "subscribe", options: {} }, { isAdmin: false });
    const after = (await get(`${base}/metrics`)).body;
    const labels = { platform: "slack", command: "subscribe" };
    expect(sampleValue(after, METRIC_NAMES.declines, labels)).toBe(
      sampleValue(before, METRIC_NAMES.declines, labels) + 1,
    );
    expect(sampleValue(after, METRIC_NAMES.answers, { ...labels, status: "rejected" })).toBe(
      sampleValue(before, METRIC_NAMES.answers, { ...labels, status: "rejected" }) + 1,
    );
  });

  it("WHEN a user goes past the rate limit THEN each refused request is counted, by scope", async () => {
    const limiter = createRateLimiter({ userPerMinute: 1, channelPerMinute: 100, now: () => 0 });
    const labels = { platform: "discord", scope: "user" };
    const before = sampleValue(
      (await get(`${base}/metrics`)).body,
      METRIC_NAMES.rateLimited,
      labels,
    );
    for (let i = 0; i < 3; i++) {
      await request(metrics, { name: "help", options: {} }, { platform: "discord", limiter });
    }
    const after = sampleValue(
      (await get(`${base}/metrics`)).body,
      METRIC_NAMES.rateLimited,
      labels,
    );
    expect(after).toBe(before + 2);
  });

  it("WHEN an observer throws THEN the request is still answered and the failure logged", async () => {
    const sink = new LogSink();
    const replies: string[] = [];
    await handleRequest(
      {
        hotline,
        log: createLogger("debug", sink),
        observe: () => {
          throw new Error("observer exploded");
        },
      },
      {
        platform: "slack",
        label: "command",
        fields: {},
        notifyLimited: async () => {},
        read: () => ({ name: "help", options: {} }),
        context: () => ({
          channel: { platform: "slack", workspaceId: "T1", channelId: "C1" },
          userId: "u",
          isAdmin: false,
          today: "03-14",
        }),
        reply: async (result) => {
          replies.push(result.kind);
        },
        apologise: async () => {
          replies.push("apology");
        },
      },
    );
    expect(replies).toEqual(["help"]);
    expect(sink.lines.find((l) => l.msg === "slack: request observer failed")).toMatchObject({
      message: "observer exploded",
    });
  });

  it("THEN the default process metrics are served too", async () => {
    const { body } = await get(`${base}/metrics`);
    expect(sampleValue(body, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(sampleValue(body, "nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
  });

  it("WHEN another path or method is asked THEN 404 and 405", async () => {
    expect((await get(`${base}/slack/events`)).status).toBe(404);
    const post = await fetch(`${base}/metrics`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
  });
});

describe("GIVEN anything a user can type, on any platform name", () => {
  // Fixed so a failure can be replayed; printed so the run's log records it.
  const SEED = 20_261_303;

  it("THEN every label value is from a fixed set and no typed text reaches the exposition", async () => {
    console.log(`metrics label property: fast-check seed ${SEED}`);
    const metrics = createMetrics({ processMetrics: false });
    const MARK = "zq9MARK";
    const typed = fc.record({
      platform: fc.oneof(fc.constantFrom("slack", "discord"), fc.string({ maxLength: 12 })),
      name: fc.oneof(
        fc.constantFrom(...COMMAND.subcommands.map((s) => s.name), "WHEN", "Ask"),
        fc.string({ maxLength: 20 }),
        fc.string({ unit: "grapheme", maxLength: 20 }),
      ),
      text: fc.string({ maxLength: 60 }),
      failReply: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(typed, async ({ platform, name, text, failReply }) => {
        const words = `${MARK} ${text}`;
        await request(
          metrics,
          { name, options: { question: words, event: words, time: words, timezone: words } },
          { platform, failReply, isAdmin: true },
        );
      }),
      { seed: SEED, numRuns: 200 },
    );
    const { body } = await metrics.scrape();
    expect(body).not.toContain(MARK);
    const allowed: Record<string, Set<string>> = {
      platform: new Set(["discord", "slack", "console", "other"]),
      command: new Set([...COMMAND.subcommands.map((s) => s.name), "unknown"]),
      status: new Set(["answered", "no_answer", "rejected", "error"]),
    };
    const samples = parseExposition(body).filter((s) => s.name.startsWith("hotline_"));
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      for (const [key, value] of Object.entries(sample.labels)) {
        if (key === "le") continue;
        expect(allowed[key]?.has(value), `${sample.name} ${key}="${value}"`).toBe(true);
      }
    }
    // Typed names outside the spec all land on one series.
    expect(
      sampleValue(body, METRIC_NAMES.answers, {
        platform: "other",
        command: "unknown",
        status: "answered",
      }) +
        sampleValue(body, METRIC_NAMES.answers, {
          platform: "other",
          command: "unknown",
          status: "error",
        }),
    ).toBeGreaterThan(0);
  });
});

describe("GIVEN the real scheduler whose logger is counted", () => {
  const eventDay = eventMonthDays(hotline).find((md) => !md.startsWith("02-")) ?? "";

  /** A scheduler over a fresh SQLite file with one subscribed Discord channel at 09:00 UTC. */
  async function scheduled(name: string, failures: number, maxAttempts: number, metrics: Metrics) {
    const date = `2025-${eventDay}`;
    const clock = fakeClock(`${date}T00:00:00Z`);
    const store = openSqliteStore({ path: join(dir, `${name}.db`) });
    const service = await createSubscriptionService({
      store,
      config: { onThisDayTime: "09:00", timezone: "UTC", onThisDayChannels: undefined },
      clock: clock.clock,
    });
    const outcome = await service.subscribe({
      platform: "discord",
      workspaceId: "guild-1",
      channelId: name,
      time: "09:00",
      timezone: "UTC",
      requestedBy: "admin",
    });
    if (!outcome.ok) throw new Error(outcome.message);
    const sink = new LogSink();
    const scheduler = createScheduler({
      store,
      hotline,
      senders: [recordingSender("discord", clock.clock, { failures })],
      clock: clock.clock,
      logger: countScheduledPosts(createLogger("info", sink), metrics.recordScheduledPost),
      tick: manualTick,
      retry: { baseMs: 60_000, maxAttempts },
    });
    return { date, clock, store, scheduler, sink };
  }

  it("WHEN a post fails once, then is sent, and another fails for good THEN retried, sent and failed each count one", async () => {
    const metrics = createMetrics({ processMetrics: false });
    const posts = async (outcome: string) =>
      sampleValue((await metrics.scrape()).body, METRIC_NAMES.scheduledPosts, { outcome });

    const flaky = await scheduled("flaky", 1, 3, metrics);
    flaky.clock.set(`${flaky.date}T09:00:00Z`);
    await flaky.scheduler.runOnce();
    expect([await posts("retried"), await posts("sent")]).toEqual([1, 0]);
    flaky.clock.set(`${flaky.date}T09:01:00Z`);
    await flaky.scheduler.runOnce();
    expect([await posts("retried"), await posts("sent")]).toEqual([1, 1]);
    // The lines still reach the logger.
    expect(flaky.sink.has("on-this-day: posted")).toBe(true);
    await flaky.scheduler.stop();
    await flaky.store.close();

    const broken = await scheduled("broken", 100, 1, metrics);
    broken.clock.set(`${broken.date}T09:00:00Z`);
    await broken.scheduler.runOnce();
    await broken.scheduler.stop();
    await broken.store.close();
    expect([await posts("retried"), await posts("sent"), await posts("failed")]).toEqual([1, 1, 1]);
  });
});

describe("GIVEN /healthz with a check", () => {
  it.each([
    ["no check", 200, undefined, { ok: true }],
    ["a passing check", 200, async () => ({ ok: true }), { ok: true }],
    [
      "a check that fails",
      503,
      async () => ({ ok: false, detail: "database unreachable" }),
      { ok: false, detail: "database unreachable" },
    ],
    [
      "a check that throws (its message stays in the log)",
      503,
      async () => {
        throw new Error("connect ECONNREFUSED db.internal:5432");
      },
      { ok: false, detail: "health check failed" },
    ],
    [
      "a check that never settles",
      503,
      () => new Promise<never>(() => {}),
      { ok: false, detail: "health check timed out after 50 ms" },
    ],
  ] as const)("WHEN %s THEN %i", async (_name, status, check, body) => {
    const { server, base } = await served(check as HealthCheck | undefined, 50);
    try {
      const response = await get(`${base}/healthz`);
      expect(response.status).toBe(status);
      expect(JSON.parse(response.body)).toEqual(body);
    } finally {
      await server.stop();
    }
  });
});

describe("GIVEN METRICS_PORT", () => {
  it("WHEN the port is taken THEN the server refuses to start with a message naming the variables", async () => {
    const { server } = await served();
    try {
      const second = startMetricsServer({
        host: "127.0.0.1",
        port: server.port,
        routes: [],
        log: quiet,
      });
      await expect(second).rejects.toThrow(HotlineError);
      await expect(second).rejects.toThrow(
        `metrics: cannot listen on 127.0.0.1:${server.port} (METRICS_HOST, METRICS_PORT)`,
      );
    } finally {
      await server.stop();
    }
  });

  it("WHEN it is unset THEN no port serves /metrics; WHEN set THEN that port does, with /healthz", async () => {
    const port = await freePort();
    const env = { DATABASE_PATH: join(dir, "port.db"), HOTLINE_TIMEZONE: "UTC" };
    const off = await startApp({
      config: loadConfig(env),
      corpusDir,
      logger: quiet,
      adapters: [],
    });
    try {
      expect(off.metricsPort).toBeUndefined();
      await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
    } finally {
      await off.stop();
    }
    const on = await startApp({
      config: loadConfig({ ...env, METRICS_PORT: String(port) }),
      corpusDir,
      logger: quiet,
      adapters: [],
      health: async () => ({ ok: false, detail: "database unreachable" }),
    });
    try {
      expect(on.metricsPort).toBe(port);
      const metrics = await get(`http://127.0.0.1:${port}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.body).toContain(`# TYPE ${METRIC_NAMES.answers} counter`);
      expect((await get(`http://127.0.0.1:${port}/healthz`)).status).toBe(503);
    } finally {
      await on.stop();
    }
    // Stopping the app closes the port.
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });

  it("WHEN its value is not a port THEN the config is refused naming the variable; an empty METRICS_HOST means 127.0.0.1", () => {
    expect(() => loadConfig({ METRICS_PORT: "90000" })).toThrow(
      "config: METRICS_PORT must be a port number (0 to 65535)",
    );
    expect(() => loadConfig({ METRICS_PORT: "metrics" })).toThrow("METRICS_PORT");
    expect(loadConfig({ METRICS_PORT: "9464" }).metrics).toEqual({ host: "127.0.0.1", port: 9464 });
    expect(loadConfig({ METRICS_PORT: "9464", METRICS_HOST: " " }).metrics?.host).toBe("127.0.0.1");
    expect(loadConfig({ METRICS_PORT: "9464", METRICS_HOST: "0.0.0.0" }).metrics?.host).toBe(
      "0.0.0.0",
    );
    expect(loadConfig({}).metrics).toBeUndefined();
  });
});

describe("GIVEN the bot in Slack HTTP mode against the fake Slack API", () => {
  it("WHEN a /hotline when and a retried mention arrive THEN PORT's /metrics counts them, and /healthz reports the failing check", async () => {
    const fake = await startFakeSlack();
    const port = await freePort();
    const app = await startApp({
      config: loadConfig({
        DATABASE_PATH: join(dir, "slack.db"),
        HOTLINE_TIMEZONE: "UTC",
        ...slackEnv(fake),
        PORT: String(port),
      }),
      corpusDir,
      logger: quiet,
      health: async () => ({ ok: false, detail: "database unreachable" }),
    });
    const base = `http://127.0.0.1:${port}`;
    try {
      const answered = { platform: "slack", command: "when", status: "answered" };
      const before = (await get(`${base}/metrics`)).body;

      const slash = await postToApp(
        base,
        slashBody(`when ${ANSWERED_WHEN}`, "UMETRICS", fake.responseUrl("metrics-when")),
        { secret: SLACK_TEST_SECRET },
      );
      expect(slash.status).toBe(200);
      await fake.waitFor((c) => c.kind === "response" && c.method === "metrics-when");
      const afterSlash = await eventually(
        async () => (await get(`${base}/metrics`)).body,
        (body) => sampleValue(body, METRIC_NAMES.answers, answered) > 0,
      );
      expect(sampleValue(afterSlash, METRIC_NAMES.answers, answered)).toBe(
        sampleValue(before, METRIC_NAMES.answers, answered) + 1,
      );
      const count = `${METRIC_NAMES.latency}_count`;
      const whenLabels = { platform: "slack", command: "when" };
      expect(sampleValue(afterSlash, count, whenLabels)).toBe(
        sampleValue(before, count, whenLabels) + 1,
      );

      // Slack retries an event with the same event id: the second delivery is a dedupe hit.
      const event = eventBody(mention("sources", "UMETRICS", "1700000100.000100"), "EvMETRICS1");
      // A real retry is signed anew (another timestamp); a repeated signature is a replay (409).
      // Both timestamps are fixed up front so a second boundary between the posts cannot make
      // them equal.
      const firstSignedAt = Math.floor(Date.now() / 1000);
      expect(
        (await postToApp(base, event, { secret: SLACK_TEST_SECRET, timestamp: firstSignedAt }))
          .status,
      ).toBe(200);
      const retry = await postToApp(base, event, {
        secret: SLACK_TEST_SECRET,
        timestamp: firstSignedAt - 1,
        headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      });
      expect(retry.status).toBe(200);
      const afterRetry = await eventually(
        async () => (await get(`${base}/metrics`)).body,
        (body) => sampleValue(body, METRIC_NAMES.dedupeHits, { platform: "slack" }) > 0,
      );
      expect(sampleValue(afterRetry, METRIC_NAMES.dedupeHits, { platform: "slack" })).toBe(1);
      expect(
        sampleValue(afterRetry, METRIC_NAMES.answers, {
          platform: "slack",
          command: "sources",
          status: "answered",
        }),
      ).toBe(1);

      const health = await get(`${base}/healthz`);
      expect(health.status).toBe(503);
      expect(JSON.parse(health.body)).toEqual({ ok: false, detail: "database unreachable" });
    } finally {
      await app.stop();
      await fake.close();
    }
  });

  it("WHEN METRICS_PORT is also set THEN /metrics moves there and PORT serves only /healthz", async () => {
    const fake = await startFakeSlack();
    const port = await freePort();
    const app = await startApp({
      config: loadConfig({
        DATABASE_PATH: join(dir, "slack-metrics-port.db"),
        HOTLINE_TIMEZONE: "UTC",
        ...slackEnv(fake),
        PORT: String(port),
        METRICS_PORT: "0",
      }),
      corpusDir,
      logger: quiet,
    });
    try {
      expect((await get(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
      expect((await get(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const metrics = await get(`http://127.0.0.1:${app.metricsPort}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.body).toContain(`# TYPE ${METRIC_NAMES.answers} counter`);
    } finally {
      await app.stop();
      await fake.close();
    }
  });
});

describe("GIVEN the bot on Discord (the fake gateway) with METRICS_PORT", () => {
  it("WHEN /hotline sources is run THEN the metrics port counts it for Discord", async () => {
    const fake = await FakeDiscord.start();
    const app = await startApp({
      config: loadConfig({
        DATABASE_PATH: join(dir, "discord.db"),
        HOTLINE_TIMEZONE: "UTC",
        ...discordEnv(fake),
        METRICS_PORT: "0",
      }),
      corpusDir,
      logger: quiet,
    });
    try {
      const labels = { platform: "discord", command: "sources", status: "answered" };
      const url = `http://127.0.0.1:${app.metricsPort}/metrics`;
      expect(sampleValue((await get(url)).body, METRIC_NAMES.answers, labels)).toBe(0);
      fake.sendCommand("sources");
      const body = await eventually(
        async () => (await get(url)).body,
        (text) => sampleValue(text, METRIC_NAMES.answers, labels) > 0,
      );
      expect(sampleValue(body, METRIC_NAMES.answers, labels)).toBe(1);
    } finally {
      await app.stop();
      await fake.stop();
    }
  });
});
