/**
 * The two-process load test (`npm run load -- --processes 2`): two real `hotline start`
 * processes in Slack HTTP mode share one PostgreSQL database (`DATABASE_URL`, in a schema of
 * their own that the run creates and drops) behind the round-robin proxy of `proxy.ts`, as an
 * operator runs them behind a load balancer. It sends signed slash commands, then `app_mention`
 * events each followed by Slack-style retries (same event id, a new signature,
 * `x-slack-retry-num`) that the round robin hands to the other process, and checks that every
 * request is acknowledged within Slack's 3 seconds and every question is answered exactly once.
 *
 * The mention chains are sent one request at a time: the proxy alternates per request, so only
 * then does each retry provably reach the other process (the run checks it from the proxy's
 * `x-hotline-backend` header instead of assuming it). Slash commands go `concurrency` at a time.
 *
 * Loopback only, bounded in count and time; the fake Slack API (`startFakeApi` of `load.ts`)
 * runs in this process, the sender in a worker thread. Rate limits are lifted for the run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { loadHotline } from "../src/hotline.js";
import { describePgUrl } from "../src/schedule/pg-store.js";
import { repoRoot } from "./eval.js";
import {
  type Ack,
  expectedAnswers,
  mentionRequest,
  mentionTs,
  type Outgoing,
  percentile,
  type Received,
  SECRET,
  sendAll,
  slashRequest,
  startFakeApi,
  waitFor,
} from "./load.js";
import { type BackendStats, startRoundRobinProxy } from "./proxy.js";

/** The database of the two-process run when neither `--database-url` nor `LOAD_DATABASE_URL` says. */
export const DEFAULT_LOAD_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";

/** Options of {@link runProcessesLoad}. */
export interface ProcessesLoadOptions {
  /** The PostgreSQL database the processes share; the run works in a schema of its own there. */
  databaseUrl: string;
  /** Corpus directory the processes serve; default the repo's corpus. */
  corpusDir?: string | undefined;
  /** Snapshot folder for the processes (`HOTLINE_CACHE_DIR`); default beside the corpus. */
  cacheDir?: string | undefined;
  /** Slash commands to send; default 2,000. */
  requests?: number;
  /** Slash commands in flight at once; default 50. */
  concurrency?: number;
  /** Mention events to send; default 200. */
  mentions?: number;
  /** Slack retries after each mention's first delivery; default 2 (Slack itself sends up to 3). */
  retries?: number;
  /** Give up waiting for start-up or answers after this long; default 120,000 ms. */
  timeoutMs?: number;
  /** Where the report goes; default stdout. */
  print?: (line: string) => void;
}

/** One process's share of the run. */
export interface ProcessFigures {
  /** Requests the proxy handed it during the measured run (the warm-up not counted). */
  requests: number;
  /** Of those, the ones it could not answer (the proxy answered 502/504). */
  failures: number;
  /** The last failure's code as the proxy saw it (`ECONNRESET`…); undefined without failures. */
  lastError: string | undefined;
  /** Redeliveries it dropped as already seen (`hotline_dedupe_hits_total` of its `/metrics`). */
  dedupeHits: number;
  /** What its "hotline is running" log line says it stores in (never the URL). */
  database: string;
}

/** The figures of a two-process run. `ok` is true when every check passed. */
export interface ProcessesLoadReport {
  ok: boolean;
  requests: number;
  mentions: number;
  /** Retries sent in all (mentions × retries per mention). */
  retries: number;
  /** Retries the proxy delivered to another process than the delivery before them. */
  retriesToOtherProcess: number;
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  /** p50 / p99 of the slash commands alone (sent `concurrency` at a time). */
  slashAckMs: [number, number];
  /** p50 / p99 of the mention deliveries alone (sent one at a time: the unqueued cost). */
  mentionAckMs: [number, number];
  /** Seconds from the first measured request to the last acknowledgement. */
  sendSeconds: number;
  /** Requests not acknowledged with HTTP 200 within 3 seconds. */
  lateOrFailedAcks: number;
  /** Slash commands and mentions answered more than once. */
  duplicateAnswers: number;
  /** Slash commands and mentions not answered (or answered only in part). */
  lostAnswers: number;
  /** Of {@link lostAnswers}, the mentions (the rest are slash commands). */
  lostMentions: number;
  /** Answered once, but not with the core's answer. */
  wrongAnswers: number;
  perProcess: ProcessFigures[];
  /** Rows the processes left in the run's schema (Slack seen keys); 0 when they did not use it. */
  sharedSeenKeys: number;
  /** The run's schema (`hotline_load_<random>`), dropped when the run ends. */
  schema: string;
}

/** The outcome of {@link checkDatabase}: reachable, or a one-line reason. */
export type DatabaseCheck = { ok: true } | { ok: false; message: string };

/**
 * Connects to `url` once (5 s at most) and disconnects. The message names the database without
 * its password and says how to point the run elsewhere.
 */
export async function checkDatabase(url: string): Promise<DatabaseCheck> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { ok: true };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      ok: false,
      message: `load: PostgreSQL at ${describePgUrl(url)} is unreachable (${reason}); start it or pass --database-url (or LOAD_DATABASE_URL)`,
    };
  } finally {
    await client.end().catch(() => {});
  }
}

/** A running `hotline start` child. */
interface BotProcess {
  child: ChildProcess;
  port: number;
  database: string;
  exited: Promise<void>;
}

/**
 * Spawns `bin/hotline.js start` with exactly `env` (plus PATH), and resolves once it logged that
 * it listens and runs. Rejects, after killing it, when it exits or has not started in `timeoutMs`,
 * with its last log lines.
 */
async function startBot(
  env: Record<string, string>,
  corpusDir: string | undefined,
  timeoutMs: number,
): Promise<BotProcess> {
  const args = [join(repoRoot(), "bin", "hotline.js"), "start"];
  if (corpusDir) args.push("--corpus", corpusDir);
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const tail: string[] = [];
  let buffer = "";
  let port: number | undefined;
  return new Promise<BotProcess>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`load: hotline start ${why}: ${tail.join(" | ")}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    const onExit = (code: number | null) => fail(`exited with code ${code}`);
    child.once("exit", onExit);
    child.stderr?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 5) tail.shift();
        let entry: { msg?: string; port?: number; database?: string };
        try {
          entry = JSON.parse(line);
        } catch {
          continue; // not a log line (the launcher's "building…" notice)
        }
        if (entry.msg === "slack: listening for HTTP requests on /slack/events") port = entry.port;
        if (entry.msg === "hotline is running" && port !== undefined) {
          clearTimeout(timer);
          child.off("exit", onExit);
          resolve({ child, port, database: String(entry.database), exited });
        }
      }
    });
  });
}

/** SIGTERM, then SIGKILL when it has not exited within 20 s (the bot waits 15 s at most). */
async function stopBot(bot: BotProcess): Promise<void> {
  if (bot.child.exitCode !== null || bot.child.signalCode !== null) return;
  bot.child.kill("SIGTERM");
  const timer = setTimeout(() => bot.child.kill("SIGKILL"), 20_000);
  await bot.exited;
  clearTimeout(timer);
}

/** The sum of a counter's samples in Prometheus text (0 when absent). */
function counterSum(metrics: string, name: string): number {
  let sum = 0;
  for (const line of metrics.split("\n")) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) {
      sum += Number(line.slice(line.lastIndexOf(" ") + 1)) || 0;
    }
  }
  return sum;
}

/** Runs the two-process load test and prints its report; see the file comment. */
export async function runProcessesLoad(
  options: ProcessesLoadOptions,
): Promise<ProcessesLoadReport> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const requests = options.requests ?? 2_000;
  const concurrency = options.concurrency ?? 50;
  const mentions = options.mentions ?? 200;
  const retries = options.retries ?? 2;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const wantFor = await expectedAnswers(loadHotline({ corpusDir: options.corpusDir }));
  const schema = `hotline_load_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: options.databaseUrl });
  admin.on("error", () => {});
  await admin.connect();
  const temp = mkdtempSync(join(tmpdir(), "hotline-load-"));
  const bots: BotProcess[] = [];
  // A crash of this process must not leave the bots running.
  const killBots = () => {
    for (const bot of bots) bot.child.kill("SIGKILL");
  };
  process.once("exit", killBots);
  const fake = await startFakeApi((key) => wantFor(key)?.quotes ?? []);
  let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>> | undefined;
  try {
    await admin.query(`CREATE SCHEMA "${schema}"`);
    const env: Record<string, string> = {
      SLACK_BOT_TOKEN: "xoxb-load",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `${fake.base}/api/`,
      PORT: "0",
      HOTLINE_TIMEZONE: "UTC",
      LOG_LEVEL: "info",
      DATABASE_URL: options.databaseUrl,
      DATABASE_SCHEMA: schema,
      // Used only by a build that ignores DATABASE_URL: then both share this SQLite file.
      DATABASE_PATH: join(temp, "hotline.db"),
      RATE_LIMIT_USER_PER_MINUTE: "1000000",
      RATE_LIMIT_CHANNEL_PER_MINUTE: "1000000",
      ...(options.cacheDir ? { HOTLINE_CACHE_DIR: options.cacheDir } : {}),
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    };
    // Started together, as a deployment starts them: the schema's migrations must run once.
    const started = await Promise.allSettled(
      [0, 1].map(() => startBot(env, options.corpusDir, timeoutMs)),
    );
    for (const result of started) if (result.status === "fulfilled") bots.push(result.value);
    const failed = started.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    proxy = await startRoundRobinProxy({ backends: bots.map((b) => `http://127.0.0.1:${b.port}`) });
    const url = `${proxy.url}/slack/events`;

    // A warm-up burst, not counted: each process compiles its code and fills its pools first.
    const warmUp = Math.max(2, Math.min(200, Math.floor(requests / 10)));
    await sendAll(
      url,
      Array.from({ length: warmUp }, (_, i) => slashRequest(fake.base, "w", i)),
      concurrency,
    );
    await waitFor(() => fake.responses.size >= warmUp, timeoutMs);
    const statsBefore = proxy.stats();

    const sendStarted = performance.now();
    const slashAcks = await sendAll(
      url,
      Array.from({ length: requests }, (_, i) => slashRequest(fake.base, "r", i)),
      concurrency,
    );
    // Mention n, then its retries 1…retries, in order, one at a time (see the file comment).
    const chains: Outgoing[] = [];
    for (let n = 0; n < mentions; n++) {
      for (let r = 0; r <= retries; r++) chains.push(mentionRequest(n, r));
    }
    const mentionAcks = await sendAll(url, chains, 1);
    const sendSeconds = (performance.now() - sendStarted) / 1000;

    const answered = () => fake.responses.size - warmUp + fake.threadPosts.size;
    await waitFor(() => answered() >= requests + mentions, timeoutMs);
    // A moment more, so a late second answer is counted as the duplicate it is.
    await new Promise((r) => setTimeout(r, 1_000));

    let retriesToOtherProcess = 0;
    for (let n = 0; n < mentions; n++) {
      for (let r = 1; r <= retries; r++) {
        const previous = mentionAcks[n * (retries + 1) + r - 1] as Ack;
        const retry = mentionAcks[n * (retries + 1) + r] as Ack;
        if (retry.backend !== null && retry.backend !== previous.backend)
          retriesToOtherProcess += 1;
      }
    }
    const tally = { duplicate: 0, lost: 0, wrong: 0, lostMentions: 0 };
    const judge = (
      key: string,
      got: Received | undefined,
      count: "slashCount" | "mentionCount",
    ) => {
      const want = wantFor(key);
      if (!want) tally.wrong += 1;
      else if (!got || got.count < want[count]) tally.lost += 1;
      else if (got.count > want[count]) tally.duplicate += 1;
      else if (got.found.size !== want.quotes.length) tally.wrong += 1;
    };
    for (let i = 0; i < requests; i++) judge(`r${i}`, fake.responses.get(`r${i}`), "slashCount");
    const lostSlash = tally.lost;
    for (let n = 0; n < mentions; n++) {
      judge(mentionTs(n), fake.threadPosts.get(mentionTs(n)), "mentionCount");
    }
    tally.lostMentions = tally.lost - lostSlash;

    const statsAfter = proxy.stats();
    const perProcess = await Promise.all(
      bots.map(async (bot, i): Promise<ProcessFigures> => {
        const metrics = await fetch(`http://127.0.0.1:${bot.port}/metrics`).then((r) => r.text());
        const before = statsBefore[i] as BackendStats;
        const after = statsAfter[i] as BackendStats;
        return {
          requests: after.requests - before.requests,
          failures: after.failures - before.failures,
          lastError: after.failures > before.failures ? after.lastError : undefined,
          dedupeHits: counterSum(metrics, "hotline_dedupe_hits_total"),
          database: bot.database,
        };
      }),
    );
    const seen = await admin
      .query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".seen_keys`)
      .then((r) => Number(r.rows[0]?.n ?? 0))
      .catch(() => 0);

    const acks = [...slashAcks, ...mentionAcks];
    const latencies = acks.map((a) => a.ms).sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const p50p99 = (list: Ack[]): [number, number] => {
      const sorted = list.map((a) => a.ms).sort((a, b) => a - b);
      return [round(percentile(sorted, 50)), round(percentile(sorted, 99))];
    };
    const report: ProcessesLoadReport = {
      ok: false,
      requests,
      mentions,
      retries: mentions * retries,
      retriesToOtherProcess,
      ackP50Ms: round(percentile(latencies, 50)),
      ackP99Ms: round(percentile(latencies, 99)),
      ackMaxMs: round(latencies.at(-1) ?? 0),
      slashAckMs: p50p99(slashAcks),
      mentionAckMs: p50p99(mentionAcks),
      sendSeconds: round(sendSeconds),
      lateOrFailedAcks: acks.filter((a) => a.status !== 200 || a.ms > 3_000).length,
      duplicateAnswers: tally.duplicate,
      lostAnswers: tally.lost,
      lostMentions: tally.lostMentions,
      wrongAnswers: tally.wrong,
      perProcess,
      sharedSeenKeys: seen,
      schema,
    };
    report.ok =
      report.lateOrFailedAcks === 0 &&
      report.duplicateAnswers === 0 &&
      report.lostAnswers === 0 &&
      report.wrongAnswers === 0 &&
      report.retriesToOtherProcess === report.retries &&
      report.sharedSeenKeys > 0;
    printReport(report, { concurrency, url: options.databaseUrl, print });
    return report;
  } finally {
    await proxy?.close();
    await Promise.all(bots.map(stopBot));
    process.off("exit", killBots);
    await fake.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    await admin.end().catch(() => {});
    rmSync(temp, { recursive: true, force: true });
  }
}

function printReport(
  report: ProcessesLoadReport,
  run: { concurrency: number; url: string; print: (line: string) => void },
): void {
  const { print } = run;
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  const each = (figure: (p: ProcessFigures) => number | string) =>
    report.perProcess.map((p, i) => `#${i + 1} ${figure(p)}`).join("   ");
  print(
    `Slack HTTP mode, 2 hotline processes behind a round-robin proxy on 127.0.0.1 (rate limits lifted for this run)`,
  );
  print(
    `  database:       ${describePgUrl(run.url)}, schema ${report.schema} (dropped after the run)`,
  );
  print(`  stores:         ${each((p) => p.database)}`);
  print(
    `  slash commands: ${report.requests} (${run.concurrency} concurrent)   mentions: ${report.mentions}, each followed by ${report.retries / Math.max(1, report.mentions)} retries (one at a time)`,
  );
  print(
    `  requests per process: ${each((p) => p.requests)}   proxy failures: ${each((p) => (p.lastError ? `${p.failures} (${p.lastError})` : p.failures))}`,
  );
  print(`  dedupe hits (/metrics): ${each((p) => p.dedupeHits)}`);
  print(
    `  ack latency:    p50 ${report.ackP50Ms} ms   p99 ${report.ackP99Ms} ms   max ${report.ackMaxMs} ms   (${report.requests + report.mentions + report.retries} requests in ${report.sendSeconds} s)`,
  );
  print(
    `    slash commands p50 ${report.slashAckMs[0]} ms, p99 ${report.slashAckMs[1]} ms;   mention deliveries p50 ${report.mentionAckMs[0]} ms, p99 ${report.mentionAckMs[1]} ms`,
  );
  print(
    `  ${mark(report.retriesToOtherProcess === report.retries)} retries delivered to the other process: ${report.retriesToOtherProcess} of ${report.retries}`,
  );
  print(
    `  ${mark(report.lateOrFailedAcks === 0)} acks over 3 s or failed: ${report.lateOrFailedAcks}`,
  );
  print(`  ${mark(report.duplicateAnswers === 0)} duplicate answers: ${report.duplicateAnswers}`);
  print(
    `  ${mark(report.lostAnswers === 0)} lost answers: ${report.lostAnswers} (${report.lostAnswers - report.lostMentions} slash commands, ${report.lostMentions} mentions)`,
  );
  print(`  ${mark(report.wrongAnswers === 0)} wrong answers: ${report.wrongAnswers}`);
  print(
    `  ${mark(report.sharedSeenKeys > 0)} shared state in PostgreSQL: ${report.sharedSeenKeys} seen keys in the run's schema`,
  );
  print(report.ok ? "load: PASS" : "load: FAIL");
}

/**
 * `npm run load -- --processes 2 [REQUESTS CONCURRENCY MENTIONS]`: checks the database first
 * (unreachable: one line on `printError`, exit code 2), then runs; 0 when every check passed,
 * 1 otherwise. `databaseUrl` undefined or blank means {@link DEFAULT_LOAD_DATABASE_URL}.
 */
export async function processesLoadCommand(
  positionals: string[],
  options: {
    corpusDir: string;
    cacheDir: string | undefined;
    databaseUrl: string | undefined;
    print: (line: string) => void;
    printError: (line: string) => void;
  },
): Promise<number> {
  const databaseUrl = options.databaseUrl || DEFAULT_LOAD_DATABASE_URL;
  const check = await checkDatabase(databaseUrl);
  if (!check.ok) {
    options.printError(check.message);
    return 2;
  }
  const [requests, concurrency, mentions] = positionals.map((p) => Number.parseInt(p, 10));
  const positive = (n: number | undefined) =>
    n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
  const report = await runProcessesLoad({
    databaseUrl,
    corpusDir: options.corpusDir,
    cacheDir: options.cacheDir,
    print: options.print,
    ...(positive(requests) ? { requests: positive(requests) } : {}),
    ...(positive(concurrency) ? { concurrency: positive(concurrency) } : {}),
    ...(positive(mentions) ? { mentions: positive(mentions) } : {}),
  });
  return report.ok ? 0 : 1;
}
