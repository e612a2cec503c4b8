import { connect, createServer, type Socket } from "node:net";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { HotlineError } from "../../src/errors.js";
import { openPgStore, PG_MIGRATIONS, type PgStore } from "../../src/schedule/pg-store.js";
import { openTestDatabase, SKIP_LINE } from "./pg-helpers.js";
import { describeScheduleStoreContract } from "./store-contract.js";

// TEST_DATABASE_URL (a real server) or else PGlite on 127.0.0.1; see pg-helpers.ts.
const db = await openTestDatabase();
if (!db) console.warn(SKIP_LINE);

afterAll(async () => {
  await db?.dispose();
});

describe.skipIf(!db)("openPgStore", () => {
  const database = db as NonNullable<typeof db>;
  const opened: PgStore[] = [];
  const open = async (schema = database.schema) => {
    const store = await openPgStore({ url: database.url, schema });
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  describeScheduleStoreContract(`PostgreSQL (${database?.kind})`, {
    async fresh() {
      // Every test starts from empty tables in this file's schema (and ids from 1 again).
      const first = await open();
      await first.close();
      await database.sql(
        `TRUNCATE "${database.schema}".post_claims, "${database.schema}".subscriptions RESTART IDENTITY`,
      );
      return {
        connect: () => openPgStore({ url: database.url, schema: database.schema }),
        dispose: async () => {},
      };
    },
  });

  describe("migrations", () => {
    it("GIVEN an empty schema WHEN three processes open it at once THEN each migration runs once and every store works", async () => {
      const schema = database.extraSchema();
      const stores = await Promise.all([open(schema), open(schema), open(schema)]);
      const versions = await database.sql<{ version: number }>(
        `SELECT version FROM "${schema}".schema_migrations ORDER BY version`,
      );
      expect(versions.map((row) => row.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
      for (const store of stores) await expect(store.ping()).resolves.toBeUndefined();
    });

    it("GIVEN a migrated schema WHEN opened again THEN nothing re-runs and the data is kept", async () => {
      const schema = database.extraSchema();
      const first = await open(schema);
      await first.saveSubscription(
        {
          platform: "slack",
          workspaceId: "T1",
          channelId: "C1",
          time: "09:00",
          timezone: "UTC",
          source: "command",
          requestedBy: "U1",
        },
        new Date("2026-03-01T00:00:00Z"),
      );
      await first.close();
      const second = await open(schema);
      expect((await second.listSubscriptions()).map((s) => s.channelId)).toEqual(["C1"]);
      const versions = await database.sql(`SELECT version FROM "${schema}".schema_migrations`);
      expect(versions).toHaveLength(PG_MIGRATIONS.length);
    });

    it("GIVEN a schema migrated by a newer build WHEN opened THEN rejects with store_failed naming the versions", async () => {
      const schema = database.extraSchema();
      await (await open(schema)).close();
      await database.sql(`INSERT INTO "${schema}".schema_migrations (version) VALUES ($1)`, [
        PG_MIGRATIONS.length + 1,
      ]);
      const failure = openPgStore({ url: database.url, schema });
      await expect(failure).rejects.toBeInstanceOf(HotlineError);
      await expect(failure).rejects.toThrow(
        `schema ${schema} has version ${PG_MIGRATIONS.length + 1}, newer than this build knows (${PG_MIGRATIONS.length}); upgrade hotline`,
      );
    });

    it("GIVEN a schema name with SQL in it WHEN opened THEN rejects before connecting", async () => {
      await expect(
        openPgStore({ url: database.url, schema: 'x"; DROP TABLE y; --' }),
      ).rejects.toThrow(
        'schedule store: schema name "x"; DROP TABLE y; --" must be letters, digits and _',
      );
    });
  });

  describe("errors", () => {
    it("GIVEN a URL with a password and nothing listening WHEN opened THEN store_failed names the database but never the password", async () => {
      const port = await closedPort();
      const url = `postgres://hotline:s3cret-pw@127.0.0.1:${port}/hotline`;
      const failure = await openPgStore({ url, connectTimeoutMs: 2000 }).then(
        () => undefined,
        (error: unknown) => error as HotlineError,
      );
      expect(failure).toBeInstanceOf(HotlineError);
      expect(failure?.code).toBe("store_failed");
      expect(failure?.message).toMatch(
        new RegExp(
          `^schedule store: cannot open postgres://hotline@127\\.0\\.0\\.1:${port}/hotline: `,
        ),
      );
      expect(failure?.message).not.toContain("s3cret-pw");
    });

    it("GIVEN the database goes away and comes back THEN calls reject with store_failed meanwhile, nothing crashes, and the same store works again", async () => {
      const proxy = await startProxy(database.url);
      try {
        const store = await openPgStore({
          url: proxy.url,
          schema: database.schema,
          connectTimeoutMs: 1000,
        });
        opened.push(store);
        await store.ping();
        await proxy.down();
        // Let the pool see its idle connection break first: without a listener for that, the
        // pool's "error" event would crash the process (vitest reports it as an error).
        await new Promise((resolve) => setTimeout(resolve, 300));
        await expect(store.ping()).rejects.toThrow(/^schedule store: ping failed on postgres:\/\//);
        const claim = store.claim(1, "2026-03-01", new Date(), "p1", new Date());
        await expect(claim).rejects.toMatchObject({ code: "store_failed" });
        await proxy.up();
        await expect(store.ping()).resolves.toBeUndefined();
        expect(await store.listSubscriptions()).toEqual(expect.any(Array));
      } finally {
        await proxy.down();
      }
    });
  });

  describe("SharedState", () => {
    const t0 = new Date("2026-03-01T12:00:00.000Z");
    const later = (ms: number) => new Date(t0.getTime() + ms);
    // Keys are unique per test so the tests share the file's schema without interfering.
    let n = 0;
    const key = (name: string) => `${name}-${++n}-${Date.now()}`;

    it("GIVEN one key recorded on two connections at once THEN exactly one sees it first", async () => {
      const [a, b] = [await open(), await open()];
      const k = key("event");
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).firstSeen(k, 60_000, t0)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await a.firstSeen(k, 60_000, later(59_999))).toBe(false);
    });

    it("GIVEN a seen key WHEN its time to live has passed THEN it counts as first seen again, for one caller", async () => {
      const [a, b] = [await open(), await open()];
      const k = key("sig");
      expect(await a.firstSeen(k, 1000, t0)).toBe(true);
      expect(await b.firstSeen(k, 60_000, later(999))).toBe(false);
      const again = await Promise.all([
        a.firstSeen(k, 1000, later(1000)),
        b.firstSeen(k, 1000, later(1000)),
      ]);
      expect(again.sort()).toEqual([false, true]);
    });

    it("GIVEN a live key WHEN recorded again with a longer time to live THEN it is still a repeat", async () => {
      const store = await open();
      const k = key("ttl");
      expect(await store.firstSeen(k, 1000, t0)).toBe(true);
      expect(await store.firstSeen(k, 3_600_000, later(10))).toBe(false);
      // The repeat did not extend the key's life: it expires at t0 + 1 s as first recorded.
      expect(await store.firstSeen(k, 1000, later(1000))).toBe(true);
    });

    it("GIVEN twenty hits on one key from two connections at once THEN the counts are 1 to 20, each once", async () => {
      const [a, b] = [await open(), await open()];
      const k = key("user");
      const counts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).hit(k, 60_000, later(i))),
      );
      expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it("GIVEN hits in two windows THEN each window counts on its own", async () => {
      const store = await open();
      const k = key("channel");
      const windowStart = new Date(Math.floor(t0.getTime() / 60_000) * 60_000);
      const inWindow = (ms: number) => new Date(windowStart.getTime() + ms);
      expect(await store.hit(k, 60_000, inWindow(0))).toBe(1);
      expect(await store.hit(k, 60_000, inWindow(59_999))).toBe(2);
      expect(await store.hit(k, 60_000, inWindow(60_000))).toBe(1);
      expect(await store.hit(`${k}-other`, 60_000, inWindow(1))).toBe(1);
    });

    it("GIVEN expired and live entries WHEN cleaned up THEN only the expired rows go", async () => {
      const schema = database.extraSchema();
      const store = await open(schema);
      await store.firstSeen("old", 1000, t0);
      await store.firstSeen("live", 60_000, t0);
      await store.hit("rate-old", 1000, t0);
      await store.hit("rate-live", 3_600_000, t0);
      expect(await store.cleanup(later(1000))).toBe(2);
      const seen = await database.sql<{ key: string }>(`SELECT key FROM "${schema}".seen_keys`);
      const windows = await database.sql<{ key: string }>(
        `SELECT key FROM "${schema}".rate_windows`,
      );
      expect(seen.map((row) => row.key)).toEqual(["live"]);
      expect(windows.map((row) => row.key)).toEqual(["rate-live"]);
      expect(await store.cleanup(later(1000))).toBe(0);
    });
  });
});

/**
 * A TCP proxy on 127.0.0.1 in front of the test database: `down` drops every connection and
 * stops listening (the database "goes away"), `up` listens again on the same port.
 */
async function startProxy(target: string) {
  const to = new URL(target);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(to.port || 5432), to.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await listen(0);
  const { port } = server.address() as { port: number };
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    up: () => listen(port),
    down: async () => {
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound by the OS, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
