/**
 * Start-up failures of the real `hotline start` process against the local fakes: a refused
 * Discord or Slack token, a port already in use and an unreachable API each end with one line
 * naming the cause and the fix, exit status 1 and no stack trace; an unreachable API is retried
 * with backoff, one log line per attempt, and a start that finds the API late goes on normally.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startPlatform } from "../../app/startup.js";
import { loadConfig } from "../../src/config.js";
import { defaultCorpusDir } from "../../src/hotline.js";
import { createLogger } from "../../src/log.js";
import { discordEnv } from "../fakes/configs.js";
import { FakeDiscord } from "../fakes/discord.js";
import { LogSink } from "../fakes/recorders.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack.js";

const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "bin", "hotline.js");
const BAD_DISCORD_TOKEN = "not-the-bot-token-secret";

let dir: string;
let corpusDir: string;
let discord: FakeDiscord;
let slack: FakeSlack;
let runs = 0;
/** Every spawned process, killed in afterAll if a failed test left one running. */
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  // Build once up front so the spawned processes do not each rebuild.
  spawnSync(process.execPath, [join(root, "scripts", "build.js")], { stdio: "ignore" });
  dir = mkdtempSync(join(tmpdir(), "hotline-startup-"));
  // A copy, so the corpus snapshot is written under the temp dir, not the repo's cache.
  corpusDir = join(dir, "corpus");
  cpSync(defaultCorpusDir(), corpusDir, { recursive: true });
  discord = await FakeDiscord.start();
  slack = await startFakeSlack();
}, 180_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await discord?.stop();
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Spawns `hotline start` with only `env` (plus PATH), a temp database and the corpus copy. */
function hotlineStart(env: Record<string, string>): Run {
  runs += 1;
  const child = spawn(process.execPath, [bin, "start"], {
    env: {
      PATH: process.env.PATH ?? "",
      CORPUS_DIR: corpusDir,
      DATABASE_PATH: join(dir, `run-${runs}.db`),
      ...env,
    },
  });
  children.push(child);
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  child.stdout.resume();
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stderr: () => stderr, exit };
}

/** Resolves once stderr has a line matching `pattern`. */
async function waitForLine(run: Run, pattern: RegExp): Promise<void> {
  while (
    !run
      .stderr()
      .split("\n")
      .some((line) => pattern.test(line))
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The run's stderr split into log lines (pino JSON) and the rest (what a person reads). */
async function finished(run: Run): Promise<{ code: number | null; text: string[]; logs: Json[] }> {
  const code = await run.exit;
  const lines = run
    .stderr()
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("hotline: sources changed"));
  return {
    code,
    text: lines.filter((l) => !l.startsWith("{")),
    logs: lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l)),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: pino's JSON lines, asserted field by field
type Json = any;

/** A 127.0.0.1 port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const slackHttp = () => ({
  SLACK_BOT_TOKEN: "xoxb-test-token",
  SLACK_SIGNING_SECRET: "test-signing-secret",
  SLACK_API_URL: slack.apiUrl,
  PORT: "0",
});

describe("GIVEN a credential the platform refuses", () => {
  test("WHEN Discord answers 401 to the token THEN one line says DISCORD_TOKEN was refused and how to get a new one, exit 1, no stack, no token", async () => {
    const run = hotlineStart({ ...discordEnv(discord), DISCORD_TOKEN: BAD_DISCORD_TOKEN });
    const { code, text } = await finished(run);
    expect(code).toBe(1);
    expect(run.stderr()).not.toContain(BAD_DISCORD_TOKEN);
    expect(text).toEqual([
      "hotline: discord: Discord refused DISCORD_TOKEN (401 Unauthorized: invalid token). Fix: in the Developer Portal open your application, Bot, Reset Token, and set DISCORD_TOKEN to the new token.",
    ]);
    expect(
      discord.find((r) => r.path === "/gateway/bot" && r.status === 401).length,
    ).toBeGreaterThan(0);
  });

  test("WHEN the token is refused with DISCORD_SHARDS=2 THEN the parent says so in one line before launching any shard, exit 1", async () => {
    const { code, text, logs } = await finished(
      hotlineStart({
        ...discordEnv(discord),
        DISCORD_TOKEN: BAD_DISCORD_TOKEN,
        DISCORD_SHARDS: "2",
      }),
    );
    expect(code).toBe(1);
    expect(text).toEqual([
      "hotline: discord: Discord refused DISCORD_TOKEN (401 Unauthorized: invalid token). Fix: in the Developer Portal open your application, Bot, Reset Token, and set DISCORD_TOKEN to the new token.",
    ]);
    expect(logs.filter((l) => l.msg === "discord: shard launched")).toEqual([]);
  });

  test("WHEN Slack answers invalid_auth to the bot token THEN one line says SLACK_BOT_TOKEN was refused and where to copy it, exit 1", async () => {
    slack.failNext("auth.test", { error: "invalid_auth" });
    const { code, text } = await finished(hotlineStart(slackHttp()));
    expect(code).toBe(1);
    expect(text).toEqual([
      "hotline: slack: Slack refused SLACK_BOT_TOKEN (invalid_auth). Fix: copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions of your app at api.slack.com/apps and set SLACK_BOT_TOKEN; reinstall the app if it was revoked.",
    ]);
  });

  test("WHEN Slack answers invalid_auth to the app token in Socket Mode THEN one line names SLACK_APP_TOKEN (not the bot token), exit 1", async () => {
    slack.failNext("apps.connections.open", { error: "invalid_auth" });
    const { code, text } = await finished(
      hotlineStart({
        SLACK_BOT_TOKEN: "xoxb-test-token",
        SLACK_APP_TOKEN: "xapp-test-token",
        SLACK_API_URL: slack.apiUrl,
      }),
    );
    expect(code).toBe(1);
    expect(text).toEqual([
      "hotline: slack: Slack refused SLACK_APP_TOKEN (invalid_auth). Fix: under Basic Information, App-Level Tokens, create a token with connections:write (xapp-…) and set SLACK_APP_TOKEN; Socket Mode must be on.",
    ]);
  });
});

describe("GIVEN the HTTP port is taken by another process", () => {
  let busy: Server;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => busy.close(() => resolve()));
  });

  test("THEN one line names the port and says to free it or change PORT, exit 1, no stack", async () => {
    const port = (busy.address() as { port: number }).port;
    const { code, text } = await finished(hotlineStart({ ...slackHttp(), PORT: String(port) }));
    expect(code).toBe(1);
    expect(text).toEqual([
      `hotline: slack: port ${port} is already in use (EADDRINUSE). Fix: stop the process listening on it, or set PORT to a free port.`,
    ]);
  });
});

describe("GIVEN an API that cannot be reached (a closed port on 127.0.0.1)", () => {
  test("WHEN it stays unreachable THEN each attempt is logged with a growing wait, and after STARTUP_RETRY_SECONDS one line says so and how to fix it, exit 1", async () => {
    const port = await closedPort();
    const { code, text, logs } = await finished(
      hotlineStart({
        ...discordEnv(discord),
        DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
        STARTUP_RETRY_SECONDS: "3",
      }),
    );
    expect(code).toBe(1);
    const attempts = logs.filter((l) => l.platform === "discord" && l.attempt !== undefined);
    expect(attempts.map((l) => [l.level, l.attempt, l.retryInMs])).toEqual([
      [40, 1, 1000],
      [40, 2, 2000],
    ]);
    expect(attempts[0]?.msg).toBe(
      `discord: cannot reach the Discord API (connect ECONNREFUSED 127.0.0.1:${port}); attempt 1, retrying in 1 s`,
    );
    expect(text).toEqual([
      `hotline: discord: cannot reach the Discord API at http://127.0.0.1:${port}/api (connect ECONNREFUSED 127.0.0.1:${port}) after 3 attempts in 3 s. Fix: check the network, DNS, firewall or proxy or DISCORD_API_URL, then start again (STARTUP_RETRY_SECONDS sets how long to retry).`,
    ]);
  });

  test("WHEN Slack's API is unreachable THEN the same: attempts logged, then one line naming SLACK_API_URL, exit 1", async () => {
    const port = await closedPort();
    const { code, text, logs } = await finished(
      hotlineStart({
        ...slackHttp(),
        SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
        STARTUP_RETRY_SECONDS: "1",
      }),
    );
    expect(code).toBe(1);
    expect(logs.filter((l) => l.platform === "slack" && l.attempt === 1)).toHaveLength(1);
    expect(text).toEqual([
      `hotline: slack: cannot reach the Slack API at http://127.0.0.1:${port}/api (connect ECONNREFUSED 127.0.0.1:${port}) after 2 attempts in 1 s. Fix: check the network, DNS, firewall or proxy or SLACK_API_URL, then start again (STARTUP_RETRY_SECONDS sets how long to retry).`,
    ]);
  });

  test("WHEN the API comes up while it retries THEN the bot connects and runs, and stops cleanly", async () => {
    const port = await closedPort();
    const late = await (async () => {
      const run = hotlineStart({
        ...discordEnv(discord),
        DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
        STARTUP_RETRY_SECONDS: "60",
      });
      await waitForLine(run, /"attempt":1/);
      return { run, fake: await FakeDiscord.start({ port }) };
    })();
    try {
      await waitForLine(late.run, /"msg":"hotline is running"/);
      expect(late.fake.identifies).toHaveLength(1);
      late.run.child.kill("SIGTERM");
      const { code, text } = await finished(late.run);
      expect(code).toBe(0);
      expect(text).toEqual([]);
    } finally {
      late.run.child.kill("SIGKILL");
      await late.fake.stop();
    }
  });
});

describe("startPlatform's backoff (in process, injected clock)", () => {
  test("GIVEN the default 60 s THEN it waits 1, 2, 4, 8, 16 then 30 s at most, never past the budget, and never calls begin", async () => {
    const waits: number[] = [];
    const sink = new LogSink();
    let began = false;
    const config = loadConfig({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "123456789012345678" });
    expect(config.startupRetrySeconds).toBe(60);
    await expect(
      startPlatform({
        platform: "discord",
        config,
        logger: createLogger("info", sink),
        begin: async () => {
          began = true;
        },
        probe: async () => "connect ECONNREFUSED 192.0.2.1:443",
        sleep: async (ms) => {
          waits.push(ms);
        },
      }),
    ).rejects.toThrow(
      "discord: cannot reach the Discord API at https://discord.com/api (connect ECONNREFUSED 192.0.2.1:443) after 6 attempts in 31 s.",
    );
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(sink.lines.map((l) => l.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(began).toBe(false);
  });

  test("GIVEN STARTUP_RETRY_SECONDS=0 THEN one attempt and the error, no waiting", async () => {
    const waits: number[] = [];
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      STARTUP_RETRY_SECONDS: "0",
    });
    await expect(
      startPlatform({
        platform: "slack",
        config,
        logger: createLogger("silent"),
        begin: async () => undefined,
        probe: async () => "getaddrinfo ENOTFOUND slack.com",
        sleep: async (ms) => {
          waits.push(ms);
        },
      }),
    ).rejects.toThrow("after 1 attempt in 0 s");
    expect(waits).toEqual([]);
  });
});
