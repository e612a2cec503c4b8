/**
 * The real `hotline` process: a corrupt corpus stops it with one line, SIGHUP reloads the corpus
 * (keeping the old one when the new one is bad), and SIGTERM/SIGINT shut it down cleanly.
 * Runs `bin/hotline.js` (the compiled build) against the fake Slack Web API on 127.0.0.1.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { defaultCorpusDir } from "../../src/hotline.js";
import { slashBody } from "../adapters/slack/helpers.js";
import { type FakeSlack, postToApp, startFakeSlack } from "../fakes/slack.js";

const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "bin", "hotline.js");
const SECRET = "process-test-secret";
const dirs: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A corpus copy in its own folder: its snapshot (`.hotline-cache/` beside it) goes there too. */
function corpusCopy(): string {
  const dir = join(tempDir("hotline-corpus-"), "corpus");
  cpSync(defaultCorpusDir(), dir, { recursive: true });
  return dir;
}

/** stderr without the launcher's "building…" notice (printed when sources changed). */
function errorLines(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("hotline: sources changed"));
}

beforeAll(() => {
  // Build once up front so the spawned processes do not each rebuild.
  spawnSync(process.execPath, [join(root, "scripts", "build.js")], { stdio: "ignore" });
}, 180_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// The bots started on the repo corpus keep their snapshot here, not in the repo's .hotline-cache/.
let cacheDir: string;
beforeAll(() => {
  cacheDir = tempDir("hotline-cache-");
});

describe("GIVEN a corrupt corpus", () => {
  const firstDoc = (dir: string) =>
    readdirSync(dir)
      .filter((n) => n.endsWith(".md") && !n.startsWith("README"))
      .sort()[0] as string;

  const cases: [string, (dir: string) => string, RegExp][] = [
    [
      "unparseable front matter",
      (dir) => {
        writeFileSync(join(dir, "zz-broken.md"), "---\nid: [unclosed\n---\nA paragraph.\n");
        return "zz-broken.md";
      },
      /corpus: .*zz-broken\.md: /,
    ],
    [
      "a duplicate document id",
      (dir) => {
        const name = firstDoc(dir);
        writeFileSync(join(dir, `zz-copy-${name}`), readFileSync(join(dir, name)));
        return `zz-copy-${name}`;
      },
      /corpus: .*zz-copy-.*duplicate id/,
    ],
    [
      "a missing front matter field",
      (dir) => {
        const name = firstDoc(dir);
        const text = readFileSync(join(dir, name), "utf8").replace(/^title:.*\n/m, "");
        writeFileSync(join(dir, name), text);
        return name;
      },
      /corpus: .*title/,
    ],
  ];

  test.each(cases)(
    "with %s THEN `hotline ask` exits 1 with one line naming the file and the problem",
    (_name, spoil, pattern) => {
      const dir = corpusCopy();
      const file = spoil(dir);
      const result = spawnSync(process.execPath, [bin, "ask", "x", "--corpus", dir], {
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "" },
        timeout: 120_000,
      });
      expect(result.status).toBe(1);
      const lines = errorLines(result.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^hotline: corpus: /);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toMatch(pattern);
      expect(result.stdout).toBe("");
    },
  );
});

interface Running {
  child: ChildProcessWithoutNullStreams;
  port: number;
  logs: Array<Record<string, unknown>>;
  exit: Promise<number | null>;
  waitForLog(msg: string): Promise<Record<string, unknown>>;
}

/** Spawns `hotline start` in Slack HTTP mode and resolves once /healthz answers. */
async function startBot(fake: FakeSlack, corpusDir: string): Promise<Running> {
  const data = tempDir("hotline-db-");
  const child = spawn(process.execPath, [bin, "start", "--corpus", corpusDir], {
    env: {
      PATH: process.env.PATH ?? "",
      SLACK_BOT_TOKEN: "xoxb-process-test",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DATABASE_PATH: join(data, "hotline.db"),
      HOTLINE_CACHE_DIR: cacheDir,
      LOG_LEVEL: "info",
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
        reject(
          new Error(`hotline exited (${code}) before logging "${msg}": ${JSON.stringify(logs)}`),
        ),
      );
    });
  const listening = await waitForLog("slack: listening for HTTP requests on /slack/events");
  const port = Number(listening.port);
  await waitForLog("hotline is running");
  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(health.status).toBe(200);
  return { child, port, logs, exit, waitForLog };
}

describe("GIVEN a running bot (Slack HTTP mode)", () => {
  let fake: FakeSlack;
  let running: Running | undefined;
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterEach(() => {
    if (running && running.child.exitCode === null) running.child.kill("SIGKILL");
    running = undefined;
  });
  afterAll(async () => {
    await fake?.close();
  });

  test.each(["SIGTERM", "SIGINT"] as const)(
    "WHEN it gets %s THEN it logs 'stopped' and exits 0",
    async (signal) => {
      running = await startBot(fake, defaultCorpusDir());
      running.child.kill(signal);
      expect(await running.exit).toBe(0);
      expect(running.logs.map((l) => l.msg)).toEqual(
        expect.arrayContaining(["shutting down", "stopped"]),
      );
      expect(running.logs.find((l) => l.msg === "shutting down")).toMatchObject({ signal });
    },
    60_000,
  );

  test("WHEN the corpus is broken and it gets SIGHUP THEN the failure is logged naming the file and it keeps answering", async () => {
    const dir = corpusCopy();
    running = await startBot(fake, dir);
    writeFileSync(join(dir, "zz-broken.md"), "---\nid: [unclosed\n---\nA paragraph.\n");
    running.child.kill("SIGHUP");
    const failure = await running.waitForLog(
      "corpus reload failed; still serving the previous corpus",
    );
    expect(JSON.stringify(failure.err)).toContain("zz-broken.md");
    const res = await postToApp(
      `http://127.0.0.1:${running.port}`,
      slashBody("ask what is the hotline for?", "UPROC", fake.responseUrl("proc-after-hup")),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    const answer = await fake.waitFor(
      (c) => c.kind === "response" && c.method === "proc-after-hup",
    );
    expect(answer.body.response_type).toBe("in_channel");
    running.child.kill("SIGTERM");
    expect(await running.exit).toBe(0);
  }, 60_000);

  test("WHEN a FIFO named x.md appears and it gets SIGHUP THEN the reload fails at once naming it, and it keeps answering", async () => {
    const dir = corpusCopy();
    running = await startBot(fake, dir);
    expect(spawnSync("mkfifo", [join(dir, "x.md")]).status).toBe(0);
    running.child.kill("SIGHUP");
    // A reload that opened the FIFO would wait for a writer forever: this log would never come.
    const failure = await running.waitForLog(
      "corpus reload failed; still serving the previous corpus",
    );
    expect(failure.err).toMatchObject({
      code: "corpus_unreadable",
      message: `corpus: ${join(dir, "x.md")}: not a regular file`,
    });
    expect(running.logs.filter((l) => l.msg === "corpus file refused")).toEqual([
      expect.objectContaining({ file: join(dir, "x.md"), reason: "not a regular file" }),
    ]);
    const res = await postToApp(
      `http://127.0.0.1:${running.port}`,
      slashBody("ask what is the hotline for?", "UPROC", fake.responseUrl("proc-after-fifo")),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    const answer = await fake.waitFor(
      (c) => c.kind === "response" && c.method === "proc-after-fifo",
    );
    expect(answer.body.response_type).toBe("in_channel");
    running.child.kill("SIGTERM");
    expect(await running.exit).toBe(0);
  }, 60_000);

  test("WHEN the corpus is fixed and it gets SIGHUP THEN the reload succeeds", async () => {
    const dir = corpusCopy();
    running = await startBot(fake, dir);
    running.child.kill("SIGHUP");
    await running.waitForLog("corpus reloaded");
    running.child.kill("SIGTERM");
    expect(await running.exit).toBe(0);
  }, 60_000);
});
