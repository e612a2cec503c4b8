/**
 * The load test (`npm run load [-- REQUESTS CONCURRENCY MENTIONS]`, entry `run-load.ts`).
 * Starts the real Slack adapter in HTTP mode on 127.0.0.1 with an in-process fake of the Slack
 * Web API and response URLs, then sends a bounded burst of signed slash commands and mention
 * events (some mentions delivered twice, as Slack's retries do). It checks that every request is
 * acknowledged within Slack's 3 seconds, every answer matches the core's own answer, and nothing
 * is answered twice; it prints throughput, p50/p99 acknowledgement latency and RSS before and
 * after. Loopback only; bounded in count and time (gives up after `timeoutMs`).
 *
 * Rate limits are set far above the burst for this run (every request comes from a handful of
 * users in one channel, which the production limits would rightly refuse).
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { startSlack } from "../adapters/slack/app.js";
import { escapeSlack } from "../adapters/slack/message.js";
import { fitResponseUrl, renderResult } from "../adapters/slack/render.js";
import { createRateLimiter } from "../src/commands/rate-limit.js";
import { runCommand } from "../src/commands/run.js";
import { loadConfig } from "../src/config.js";
import { loadHotline } from "../src/hotline.js";
import type { Hotline } from "../src/hotline-api.js";
import { createLogger } from "../src/log.js";

/** Options of {@link runLoad}. */
export interface LoadOptions {
  /** Corpus directory; default the repo's corpus. */
  corpusDir?: string | undefined;
  /** Slash commands to send; default 2,000. */
  requests?: number;
  /** Requests in flight at once; default 50. */
  concurrency?: number;
  /** Mention events to send (plus one redelivery of every tenth); default 200. */
  mentions?: number;
  /** Give up waiting for answers after this long; default 120,000 ms. */
  timeoutMs?: number;
  /** Where the report goes; default stdout. */
  print?: (line: string) => void;
}

/** The figures of a run. `ok` is true when every check passed. */
export interface LoadReport {
  ok: boolean;
  requests: number;
  mentions: number;
  redeliveries: number;
  /** Slash commands and events acknowledged per second over the send phase. */
  throughput: number;
  /** Answers per second, from the first request to the last answer. */
  answerRate: number;
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  /** Requests not acknowledged with HTTP 200 within 3 seconds. */
  lateOrFailedAcks: number;
  /** Requests whose answers differ from the core's (missing, wrong or duplicated). */
  wrongAnswers: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  /** JS heap in use before and after (after a full GC when node runs with --expose-gc). */
  heapBeforeMb: number;
  heapAfterMb: number;
  /** The adapter's event-loop delay during the burst (answers are computed on that loop). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

/** The signing secret the load tests sign with and the adapter verifies. */
export const SECRET = "load-test-signing-secret";
/** The bot's user id, as the fake `auth.test` reports it. */
export const BOT_USER = "ULOADBOT";
const QUESTIONS = [
  "ask what is the hotline for?",
  "ask why was the Beijing–Moscow hotline set up?",
  "when first use of the hotline",
  "ask who uses the military hotline?",
  "ask what is the capital of France?",
  "when the hotline opened",
];

/** The `p`th percentile (nearest rank) of ascending `sorted`; 0 when empty. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Messages received for one request: how many, and which expected quotes they contained. */
export interface Received {
  count: number;
  found: Set<string>;
}

/**
 * A minimal Slack Web API and response-URL endpoint that counts what the app sends. It keeps
 * only counts and found quotes (not the bodies), so memory figures are the adapter's own.
 */
export async function startFakeApi(quotesFor: (key: string) => string[]) {
  const responses = new Map<string, Received>();
  const threadPosts = new Map<string, Received>();
  const record = (map: Map<string, Received>, key: string, raw: string) => {
    const entry = map.get(key) ?? { count: 0, found: new Set<string>() };
    entry.count += 1;
    for (const quote of quotesFor(key)) if (raw.includes(quote)) entry.found.add(quote);
    map.set(key, entry);
  };
  let ts = 1_700_000_000;
  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const path = req.url ?? "/";
      const json = (payload: unknown) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      const response = /^\/response\/(\w+)$/.exec(path);
      if (response?.[1]) {
        record(responses, response[1], raw);
        return json({ ok: true });
      }
      const method = /^\/api\/([\w.]+)$/.exec(path)?.[1];
      if (method === "auth.test") {
        return json({
          ok: true,
          team_id: "TLOAD",
          user_id: BOT_USER,
          bot_id: "BLOAD",
          user: "hotline",
        });
      }
      if (method === "chat.postMessage") {
        const form = new URLSearchParams(raw);
        const thread = form.get("thread_ts") ?? "";
        record(threadPosts, thread, `${form.get("blocks")}${form.get("text")}`);
        ts += 1;
        return json({ ok: true, ts: `${ts}.000100` });
      }
      return json({ ok: true });
    });
  });
  // Longer than the run: an idle keep-alive socket closed by the server just as the client reuses
  // it fails that request ("fetch failed"), a loopback artefact that says nothing about the bot.
  server.keepAliveTimeout = 300_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    responses,
    threadPosts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One request for the sender. */
export interface Outgoing {
  body: string;
  type: string;
  headers: Record<string, string>;
}

/**
 * The sender runs in a worker thread with its own event loop, so acknowledgement latency is
 * measured as Slack would see it, not delayed by the answers the adapter computes on the main
 * thread. Plain JavaScript (eval) so it runs the same from the sources and from `dist/`.
 */
const SENDER = `
const { parentPort, workerData } = require("node:worker_threads");
const { createHmac } = require("node:crypto");
const { url, secret, requests, concurrency } = workerData;
const results = new Array(requests.length);
let next = 0;
async function send(r) {
  // Slack signs each delivery afresh and retries seconds later: a redelivery never repeats the
  // original's signature (a repeat is refused as a replay), so retry n is n seconds later.
  const timestamp = Math.floor(Date.now() / 1000) + Number(r.headers["x-slack-retry-num"] ?? 0);
  const signature = "v0=" + createHmac("sha256", secret).update("v0:" + timestamp + ":" + r.body).digest("hex");
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": r.type, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature, ...r.headers },
      body: r.body,
      signal: AbortSignal.timeout(10000),
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started, backend: res.headers.get("x-hotline-backend") };
  } catch {
    return { status: 0, ms: performance.now() - started, backend: null };
  }
}
async function worker() {
  while (next < requests.length) {
    const i = next++;
    results[i] = await send(requests[i]);
  }
}
Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker)).then(() => parentPort.postMessage(results));
`;

/**
 * One acknowledgement: HTTP status (0 when the request failed), milliseconds from send to the
 * end of the response, and the backend that served it when a proxy said so (`x-hotline-backend`).
 */
export interface Ack {
  status: number;
  ms: number;
  backend: string | null;
}

/** Sends `requests` signed, `concurrency` at a time, from a worker; resolves with each ack. */
export function sendAll(url: string, requests: Outgoing[], concurrency: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SENDER, {
      eval: true,
      workerData: { url, secret: SECRET, requests, concurrency },
    });
    worker.once("message", (results: Ack[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

/** What the adapter must send for one request key: message count and the quotes to contain. */
export interface Expected {
  slashCount: number;
  mentionCount: number;
  quotes: string[];
}

/**
 * Computes, with the core itself, what the adapter must send for each load question (rendered
 * as the Slack adapter renders it), and returns the lookup by request key: `r<i>` / `w<i>` for
 * slash command i, a mention's ts (whose last digits are its number) for a mention.
 */
export async function expectedAnswers(
  hotline: Hotline,
): Promise<(key: string) => Expected | undefined> {
  const ctx = {
    channel: { platform: "slack" as const, workspaceId: "TLOAD", channelId: "CLOAD" },
    userId: "ULOAD",
    isAdmin: false,
    today: "03-14",
  };
  const expected = await Promise.all(
    QUESTIONS.map(async (text): Promise<Expected> => {
      const [name = "ask", ...rest] = text.split(" ");
      const option = name === "ask" ? "question" : "event";
      const result = await runCommand(
        hotline,
        { name, options: { [option]: rest.join(" ") } },
        ctx,
      );
      const reply = result.kind === "answer" ? result.reply : undefined;
      return {
        slashCount: fitResponseUrl(renderResult(result), "@hotline <your question>").length,
        mentionCount: renderResult(result).length,
        quotes:
          reply?.status === "answered"
            ? reply.quotes.map((q) => JSON.stringify(escapeSlack(q.text)).slice(1, -1))
            : [],
      };
    }),
  );
  return (key) =>
    expected[Number(/^[rw]/.test(key) ? key.slice(1) : key.split(".")[1]) % QUESTIONS.length];
}

/** Slash command `i` (a load question), answering to `<apiBase>/response/<prefix><i>`. */
export function slashRequest(apiBase: string, prefix: string, i: number): Outgoing {
  const body = new URLSearchParams({
    team_id: "TLOAD",
    channel_id: "CLOAD",
    user_id: `ULOAD${i % 7}`,
    command: "/hotline",
    text: QUESTIONS[i % QUESTIONS.length] as string,
    response_url: `${apiBase}/response/${prefix}${i}`,
    trigger_id: `t${i}`,
  }).toString();
  return { body, type: "application/x-www-form-urlencoded", headers: {} };
}

/** The ts of mention `n`, in channel CLOAD; its answer is posted in that thread. */
export function mentionTs(n: number): string {
  return `1700000000.${String(n).padStart(6, "0")}`;
}

/**
 * The `app_mention` event `n` (event id `EvLOAD<n>`). `retryNum` 0 is the first delivery; from
 * 1 on it is Slack's redelivery number `retryNum`: the same body, with `x-slack-retry-num` and
 * `x-slack-retry-reason` headers (the sender signs every delivery afresh).
 */
export function mentionRequest(n: number, retryNum: number): Outgoing {
  const text = (QUESTIONS[n % QUESTIONS.length] as string).replace(/^ask /, "");
  const body = JSON.stringify({
    team_id: "TLOAD",
    api_app_id: "ALOAD",
    type: "event_callback",
    event_id: `EvLOAD${n}`,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: "TLOAD", user_id: BOT_USER, is_bot: true }],
    event: {
      type: "app_mention",
      user: `ULOAD${n % 7}`,
      team: "TLOAD",
      channel: "CLOAD",
      text: `<@${BOT_USER}> ${text}`,
      ts: mentionTs(n),
    },
  });
  const retry: Record<string, string> =
    retryNum > 0
      ? { "x-slack-retry-num": String(retryNum), "x-slack-retry-reason": "http_timeout" }
      : {};
  return { body, type: "application/json", headers: retry };
}

/** Polls `done` every 50 ms until it holds or `ms` have passed. */
export async function waitFor(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Runs the load test and prints its report; see the file comment. */
export async function runLoad(options: LoadOptions = {}): Promise<LoadReport> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const requests = options.requests ?? 2_000;
  const concurrency = options.concurrency ?? 50;
  const mentions = options.mentions ?? 200;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const hotline = loadHotline({ corpusDir: options.corpusDir });
  const wantFor = await expectedAnswers(hotline);
  const fake = await startFakeApi((key) => wantFor(key)?.quotes ?? []);
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-load",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${fake.base}/api/`,
    PORT: "0",
    HOTLINE_TIMEZONE: "UTC",
  });
  const handle = await startSlack({
    hotline,
    config,
    logger: createLogger("warn"),
    host: "127.0.0.1",
    rateLimiter: createRateLimiter({ userPerMinute: 1_000_000, channelPerMinute: 1_000_000 }),
    retryConfig: { retries: 0 },
  });
  const url = `http://127.0.0.1:${handle.port}/slack/events`;
  const slash = (prefix: string, i: number) => slashRequest(fake.base, prefix, i);
  // A warm-up burst first, so "before" is the adapter's steady state (code compiled, pools
  // and caches filled) and "after" shows only what the main burst left behind.
  const warmUp = Math.max(1, Math.min(200, Math.floor(requests / 10)));
  await sendAll(
    url,
    Array.from({ length: warmUp }, (_, i) => slash("w", i)),
    concurrency,
  );
  await waitFor(() => fake.responses.size >= warmUp, timeoutMs);
  global.gc?.();
  const before = process.memoryUsage();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const started = performance.now();
  const slashRequests = Array.from({ length: requests }, (_, i) => slash("r", i));
  const redeliveries = Math.floor(mentions / 10);
  const mentionRequests = Array.from(
    { length: mentions + redeliveries },
    (_, i): Outgoing =>
      // The last tenth are redeliveries of earlier events (same event id, a retry header).
      i < mentions ? mentionRequest(i, 0) : mentionRequest((i - mentions) * 10, 1),
  );
  const slashAcks = await sendAll(url, slashRequests, concurrency);
  const mentionAcks = await sendAll(url, mentionRequests, concurrency);
  const sendSeconds = (performance.now() - started) / 1000;
  loopDelay.disable();

  // Wait (bounded) until every answer has arrived, then a moment more to catch duplicates.
  const answered = () => fake.responses.size - warmUp + fake.threadPosts.size;
  await waitFor(() => answered() >= requests + mentions, timeoutMs);
  const answerSeconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 500));

  let wrongAnswers = 0;
  const wrong = (key: string, got: Received | undefined, count: "slashCount" | "mentionCount") => {
    const want = wantFor(key);
    return !want || got?.count !== want[count] || got.found.size !== want.quotes.length;
  };
  for (let i = 0; i < requests; i++)
    if (wrong(`r${i}`, fake.responses.get(`r${i}`), "slashCount")) wrongAnswers += 1;
  for (let n = 0; n < mentions; n++) {
    const ts = mentionTs(n);
    if (wrong(ts, fake.threadPosts.get(ts), "mentionCount")) wrongAnswers += 1;
  }
  global.gc?.();
  const after = process.memoryUsage();
  await handle.stop();
  await fake.close();

  const acks = [...slashAcks, ...mentionAcks];
  const latencies = acks.map((a) => a.ms).sort((a, b) => a - b);
  const report: LoadReport = {
    ok: false,
    requests,
    mentions,
    redeliveries,
    throughput: Math.round(acks.length / sendSeconds),
    answerRate: Math.round((requests + mentions) / answerSeconds),
    ackP50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    ackP99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
    ackMaxMs: Math.round((latencies.at(-1) ?? 0) * 10) / 10,
    lateOrFailedAcks: acks.filter((a) => a.status !== 200 || a.ms > 3_000).length,
    wrongAnswers,
    rssBeforeMb: mb(before.rss),
    rssAfterMb: mb(after.rss),
    heapBeforeMb: mb(before.heapUsed),
    heapAfterMb: mb(after.heapUsed),
    loopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e5) / 10,
    loopDelayMaxMs: Math.round(loopDelay.max / 1e5) / 10,
  };
  report.ok = report.lateOrFailedAcks === 0 && report.wrongAnswers === 0;
  print(`Slack HTTP mode, 127.0.0.1, ${concurrency} concurrent (rate limits lifted for this run)`);
  print(`  slash commands: ${requests}   mentions: ${mentions} (+${redeliveries} redelivered)`);
  print(
    `  throughput:     ${report.throughput} requests acknowledged/s, ${report.answerRate} answered/s`,
  );
  print(
    `  ack latency:    p50 ${report.ackP50Ms} ms   p99 ${report.ackP99Ms} ms   max ${report.ackMaxMs} ms`,
  );
  print(`  event-loop delay: p99 ${report.loopDelayP99Ms} ms   max ${report.loopDelayMaxMs} ms`);
  print(`  acks over 3 s or failed: ${report.lateOrFailedAcks}`);
  print(`  answers wrong, missing or doubled: ${report.wrongAnswers}`);
  print(
    `  RSS:  ${report.rssBeforeMb} MB after the warm-up, ${report.rssAfterMb} MB after the burst`,
  );
  print(
    `  heap: ${report.heapBeforeMb} MB after a warm-up of ${warmUp}, ${report.heapAfterMb} MB after the burst${global.gc ? " (each after a full GC)" : ""}`,
  );
  print(report.ok ? "load: PASS" : "load: FAIL");
  return report;
}

/** `npm run load [-- REQUESTS CONCURRENCY MENTIONS]`: exit code 0 when every check passed. */
export async function loadCommand(
  positionals: string[],
  corpusDir: string,
  print: (line: string) => void,
): Promise<number> {
  const [requests, concurrency, mentions] = positionals.map((p) => Number.parseInt(p, 10));
  const positive = (n: number | undefined) =>
    n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
  const report = await runLoad({
    corpusDir,
    print,
    ...(positive(requests) ? { requests: positive(requests) } : {}),
    ...(positive(concurrency) ? { concurrency: positive(concurrency) } : {}),
    ...(positive(mentions) ? { mentions: positive(mentions) } : {}),
  });
  return report.ok ? 0 : 1;
}
