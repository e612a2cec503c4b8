import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { HotlineError } from "../../src/errors.js";
import { copySqliteToPostgres, describeCopy } from "../../src/schedule/migrate.js";
import { openPgStore } from "../../src/schedule/pg-store.js";
import { tempDir } from "./helpers.js";
import { makeSqliteFile, openTestDatabase, SKIP_LINE } from "./pg-helpers.js";

// TEST_DATABASE_URL (a real server) or else PGlite on 127.0.0.1; see pg-helpers.ts.
const db = await openTestDatabase();
if (!db) console.warn(SKIP_LINE);

afterAll(async () => {
  await db?.dispose();
});

describe.skipIf(!db)("copySqliteToPostgres", () => {
  const database = db as NonNullable<typeof db>;
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const sqliteFile = (partsAndLeases: boolean) => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, "hotline.db");
    makeSqliteFile(path, partsAndLeases);
    return path;
  };
  const store = async (schema: string) => {
    const opened = await openPgStore({ url: database.url, schema });
    cleanups.push(() => opened.close());
    return opened;
  };

  it("GIVEN a SQLite file of this build's format WHEN copied THEN every subscription keeps its id and every claim its state", async () => {
    const schema = database.extraSchema();
    const sqlitePath = sqliteFile(false);
    const counts = await copySqliteToPostgres({ sqlitePath, url: database.url, schema });
    expect(counts).toEqual({
      subscriptions: { copied: 2, present: 0, conflicting: [] },
      claims: { copied: 4, present: 0, skipped: 0 },
    });
    const pg = await store(schema);
    // Only the active subscription is listed; the inactive one is there for re-activation.
    expect(await pg.listSubscriptions()).toEqual([
      {
        id: 3,
        platform: "discord",
        workspaceId: "G1",
        channelId: "C1",
        time: "09:00",
        timezone: "Europe/London",
        source: "command",
        requestedBy: "U1",
        activeSince: "2026-01-02T09:00:00.000Z",
      },
    ]);
    expect(await pg.getClaim(3, "2026-01-02")).toEqual({
      subscriptionId: 3,
      localDate: "2026-01-02",
      status: "sent",
      attempts: 1,
      partsSent: 0,
      claimedBy: "host-a",
      claimedAt: "2026-01-02T09:00:00.000Z",
      leaseUntil: null,
      sentAt: "2026-01-02T09:00:01.000Z",
      lastError: null,
      nextAttemptAt: null,
    });
    expect(await pg.getClaim(3, "2026-01-03")).toMatchObject({
      status: "failed",
      attempts: 2,
      lastError: "503",
      nextAttemptAt: "2026-01-03T09:10:00.000Z",
    });
    expect(await pg.getClaim(7, "2026-01-02")).toMatchObject({ status: "interrupted" });
    // A claim copied mid-send has its lease end at its claim time: the first sweep resolves it.
    expect(await pg.getClaim(3, "2026-01-04")).toMatchObject({
      status: "sending",
      leaseUntil: "2026-01-04T09:00:00.000Z",
    });
    expect((await pg.sweepInterrupted(new Date("2026-01-04T09:00:00.001Z"))).length).toBe(1);
  });

  it("GIVEN copied subscriptions WHEN a new channel subscribes in PostgreSQL THEN it gets an id past the copied ones", async () => {
    const schema = database.extraSchema();
    await copySqliteToPostgres({ sqlitePath: sqliteFile(false), url: database.url, schema });
    const pg = await store(schema);
    const { subscription } = await pg.saveSubscription(
      {
        platform: "discord",
        workspaceId: "G1",
        channelId: "new",
        time: "09:00",
        timezone: "UTC",
        source: "command",
        requestedBy: "U9",
      },
      new Date("2026-02-01T00:00:00Z"),
    );
    expect(subscription.id).toBe(8);
    // The inactive copied subscription re-activates under its old id, keeping its claims.
    const again = await pg.saveSubscription(
      {
        platform: "slack",
        workspaceId: "T1",
        channelId: "C2",
        time: "18:30",
        timezone: "UTC",
        source: "command",
        requestedBy: "U2",
      },
      new Date("2026-02-01T00:00:00Z"),
    );
    expect(again.subscription.id).toBe(7);
    expect(await pg.claim(7, "2026-01-02", new Date(), "host-c", new Date())).toBe(false);
  });

  it("GIVEN a SQLite file with parts and leases WHEN copied THEN they are copied as they are", async () => {
    const schema = database.extraSchema();
    await copySqliteToPostgres({ sqlitePath: sqliteFile(true), url: database.url, schema });
    const pg = await store(schema);
    expect(await pg.getClaim(3, "2026-01-04")).toMatchObject({
      status: "sending",
      partsSent: 2,
      leaseUntil: "2026-01-04T09:05:00.000Z",
    });
  });

  it("GIVEN a finished copy WHEN run again THEN nothing changes and the line says so", async () => {
    const schema = database.extraSchema();
    const sqlitePath = sqliteFile(false);
    await copySqliteToPostgres({ sqlitePath, url: database.url, schema });
    const before = await database.sql(
      `SELECT * FROM "${schema}".post_claims ORDER BY subscription_id, local_date`,
    );
    const second = await copySqliteToPostgres({ sqlitePath, url: database.url, schema });
    expect(second).toEqual({
      subscriptions: { copied: 0, present: 2, conflicting: [] },
      claims: { copied: 0, present: 4, skipped: 0 },
    });
    expect(
      await database.sql(
        `SELECT * FROM "${schema}".post_claims ORDER BY subscription_id, local_date`,
      ),
    ).toEqual(before);
    expect(describeCopy(second, `sqlite:${sqlitePath}`, "postgres://h/db")).toBe(
      `db migrate: nothing to copy: 2 subscription(s) and 4 post claim(s) from sqlite:${sqlitePath} are already in postgres://h/db`,
    );
  });

  it("GIVEN PostgreSQL already subscribes a copied channel under another id WHEN copied THEN that subscription and its claims are left out and reported", async () => {
    const schema = database.extraSchema();
    const pg = await store(schema);
    const { subscription } = await pg.saveSubscription(
      {
        platform: "discord",
        workspaceId: "G1",
        channelId: "C1",
        time: "07:00",
        timezone: "UTC",
        source: "command",
        requestedBy: "U5",
      },
      new Date("2026-02-01T00:00:00Z"),
    );
    expect(subscription.id).toBe(1);
    const counts = await copySqliteToPostgres({
      sqlitePath: sqliteFile(false),
      url: database.url,
      schema,
    });
    expect(counts).toEqual({
      subscriptions: { copied: 1, present: 0, conflicting: [3] },
      claims: { copied: 1, present: 0, skipped: 3 },
    });
    expect(
      (await pg.findSubscription({ platform: "discord", workspaceId: "G1", channelId: "C1" }))
        ?.time,
    ).toBe("07:00");
    expect(await pg.getClaim(3, "2026-01-02")).toBeUndefined();
  });

  it("GIVEN a missing SQLite file WHEN copied THEN store_failed names the file and PostgreSQL is not touched", async () => {
    const schema = database.extraSchema();
    const t = tempDir();
    cleanups.push(t.cleanup);
    const missing = join(t.dir, "nope.db");
    const failure = copySqliteToPostgres({ sqlitePath: missing, url: database.url, schema });
    await expect(failure).rejects.toBeInstanceOf(HotlineError);
    await expect(failure).rejects.toThrow(`db migrate: cannot open SQLite file ${missing}:`);
    const schemas = await database.sql(
      "SELECT 1 FROM information_schema.schemata WHERE schema_name = $1",
      [schema],
    );
    expect(schemas).toEqual([]);
  });
});
