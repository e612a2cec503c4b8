/**
 * The composition root's store: `DATABASE_URL` opens PostgreSQL (in `DATABASE_SCHEMA`), which is
 * also the state processes share (seen keys, rate windows); unset, SQLite with in-memory shared
 * state. `/healthz` checks the store: 503 once its database cannot be reached.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimiterOver, seenKeysOver, startSharedCleanup } from "../../app/shared-state.js";
import { startApp } from "../../app/start.js";
import { openSchedule } from "../../app/store.js";
import { loadConfig } from "../../src/config.js";
import { defaultCorpusDir } from "../../src/hotline.js";
import { createLogger } from "../../src/log.js";
import { LogSink } from "../fakes/recorders.js";
import { startTcpProxy } from "../fakes/tcp-proxy.js";
import { openTestDatabase, SKIP_LINE } from "../schedule/pg-helpers.js";

const db = await openTestDatabase();
if (!db) console.warn(SKIP_LINE);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hotline-app-store-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.dispose();
});

const channel = { platform: "slack", workspaceId: "T1", channelId: "C1" } as const;

describe("GIVEN no DATABASE_URL", () => {
  it("THEN the store is the SQLite file and the shared state is this process's own memory", async () => {
    const config = loadConfig({ DATABASE_PATH: join(dir, "one.db") });
    const a = await openSchedule(config);
    const b = await openSchedule(config);
    try {
      expect(a.distributed).toBe(false);
      await a.subscriptions.subscribe({ ...channel, requestedBy: "U1" });
      // The file is shared (SQLite), the memory is not: each process has its own seen keys.
      expect((await b.store.findSubscription(channel))?.channelId).toBe("C1");
      expect(await a.shared.firstSeen("event:Ev1", 60_000, new Date())).toBe(true);
      expect(await a.shared.firstSeen("event:Ev1", 60_000, new Date())).toBe(false);
      expect(await b.shared.firstSeen("event:Ev1", 60_000, new Date())).toBe(true);
    } finally {
      await a.store.close();
      await b.store.close();
    }
  });
});

describe.skipIf(!db)("GIVEN DATABASE_URL and DATABASE_SCHEMA", () => {
  const database = db as NonNullable<typeof db>;
  const config = () =>
    loadConfig({
      DATABASE_URL: database.url,
      DATABASE_SCHEMA: database.schema,
      DATABASE_PATH: join(dir, "unused.db"),
    });

  it("THEN two processes' stores are one PostgreSQL schema: a subscription, a seen key and a rate window made by one are seen by the other", async () => {
    const a = await openSchedule(config());
    const b = await openSchedule(config());
    try {
      expect([a.distributed, b.distributed]).toEqual([true, true]);
      await a.subscriptions.subscribe({ ...channel, time: "07:30", requestedBy: "U1" });
      expect((await b.store.findSubscription(channel))?.time).toBe("07:30");
      const rows = await database.sql<{ channel_id: string }>(
        `SELECT channel_id FROM "${database.schema}".subscriptions`,
      );
      expect(rows.map((r) => r.channel_id)).toEqual(["C1"]);
      // Slack's retry of an event delivered to the other process is a repeat.
      expect(await seenKeysOver(a.shared).firstSeen("event:EvShared", 60_000)).toBe(true);
      expect(await seenKeysOver(b.shared).firstSeen("event:EvShared", 60_000)).toBe(false);
      // One limit between them: 2 per user, the third (on either process) is refused.
      const limits = { rateLimit: { userPerMinute: 2, channelPerMinute: 100 } };
      const now = () => 7_000;
      const user = { userId: "slack:T1:U9", channelId: "slack:T1:C1" };
      expect(await rateLimiterOver(a.shared, limits, now).check(user)).toEqual({ allowed: true });
      expect(await rateLimiterOver(b.shared, limits, now).check(user)).toEqual({ allowed: true });
      expect(await rateLimiterOver(a.shared, limits, now).check(user)).toMatchObject({
        allowed: false,
        scope: "user",
        notify: true,
      });
    } finally {
      await a.store.close();
      await b.store.close();
    }
  });

  it("WHEN the cleanup timer runs THEN expired seen keys go, so the table stays bounded", async () => {
    const opened = await openSchedule(config());
    const stop = startSharedCleanup(opened.shared, createLogger("silent"), 20);
    try {
      await opened.shared.firstSeen("event:old", 1, new Date(Date.now() - 10_000));
      const count = async () =>
        (
          await database.sql<{ n: string }>(
            `SELECT count(*) AS n FROM "${database.schema}".seen_keys WHERE key = 'event:old'`,
          )
        )[0]?.n;
      expect(await count()).toBe("1");
      await expect.poll(count, { timeout: 5_000 }).toBe("0");
    } finally {
      stop();
      await opened.store.close();
    }
  });

  it("WHEN the database becomes unreachable THEN /healthz answers 503 naming the store (no password), and 200 before", async () => {
    const corpusDir = join(dir, "corpus");
    cpSync(defaultCorpusDir(), corpusDir, { recursive: true });
    const target = new URL(database.url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const through = new URL(database.url);
    through.host = `127.0.0.1:${proxy.port}`;
    through.password = "s3cret-pw";
    const sink = new LogSink();
    const app = await startApp({
      config: loadConfig({
        DATABASE_URL: through.toString(),
        DATABASE_SCHEMA: database.schema,
        METRICS_PORT: "0",
      }),
      corpusDir,
      logger: createLogger("info", sink),
      adapters: [],
    });
    try {
      const health = async () => {
        const response = await fetch(`http://127.0.0.1:${app.metricsPort}/healthz`);
        return { status: response.status, body: await response.text() };
      };
      expect(await health()).toEqual({ status: 200, body: '{"ok":true}' });
      await proxy.stop();
      const down = await health();
      expect(down.status).toBe(503);
      expect(JSON.parse(down.body)).toMatchObject({
        ok: false,
        detail: expect.stringMatching(
          /^store unreachable: schedule store: ping failed on postgres:\/\/postgres@127\.0\.0\.1:\d+\//,
        ),
      });
      expect(down.body).not.toContain("s3cret-pw");
      expect(JSON.stringify(sink.lines)).not.toContain("s3cret-pw");
    } finally {
      await proxy.stop();
      await app.stop();
    }
  });
});
