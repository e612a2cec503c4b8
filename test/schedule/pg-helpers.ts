/**
 * A PostgreSQL database for a test file. With `TEST_DATABASE_URL` set (CI, `.ci/run`), the real
 * server it names; otherwise PGlite (PostgreSQL compiled to WebAssembly) served on 127.0.0.1
 * through pglite-socket, so the store is exercised through the same `pg` client code path. Each
 * file gets its own schema `hotline_test_<random>`, dropped by `dispose`.
 */
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { MIGRATIONS } from "../../src/schedule/sqlite-store.js";

/** The database a test file uses. */
export interface TestDatabase {
  /** Connection URL (no password on this machine; trust authentication). */
  url: string;
  /** This file's own schema, created empty. */
  schema: string;
  /** "postgresql" (TEST_DATABASE_URL) or "pglite" (embedded). */
  kind: "postgresql" | "pglite";
  /** A fresh schema name for a test that needs one of its own (dropped by `dispose` too). */
  extraSchema(): string;
  /** Runs one SQL statement as an administrator (tests only). */
  sql<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<R[]>;
  /** Drops every schema this file made and stops PGlite if it was started. */
  dispose(): Promise<void>;
}

const randomSchema = () => `hotline_test_${randomBytes(6).toString("hex")}`;

/**
 * Starts (or connects to) the test database. Resolves to `undefined` only when PGlite cannot run
 * here and `CI` is unset: the caller then skips with one visible line. In CI it rejects instead,
 * so the PostgreSQL tests never skip silently there.
 */
export async function openTestDatabase(): Promise<TestDatabase | undefined> {
  const external = process.env.TEST_DATABASE_URL?.trim();
  let url: string;
  let stop: () => Promise<void> = async () => {};
  let kind: TestDatabase["kind"];
  if (external) {
    url = external;
    kind = "postgresql";
  } else {
    try {
      const { PGlite } = await import("@electric-sql/pglite");
      const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
      const db = await PGlite.create();
      // Port 0: the OS picks a free port. PGlite runs one query at a time; the server queues
      // the connections' queries and keeps a transaction's statements together.
      const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 64 });
      await server.start();
      url = `postgres://postgres@${server.getServerConn()}/postgres`;
      kind = "pglite";
      stop = async () => {
        await server.stop();
        await db.close();
      };
    } catch (error) {
      if (process.env.CI) throw error;
      return undefined;
    }
  }
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  admin.on("error", () => {});
  const schemas: string[] = [];
  const extraSchema = () => {
    const name = randomSchema();
    schemas.push(name);
    return name;
  };
  const schema = extraSchema();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  return {
    url,
    schema,
    kind,
    extraSchema,
    async sql<R extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      return (await admin.query<R>(text, values)).rows;
    },
    async dispose() {
      for (const name of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      await admin.end();
      await stop();
    },
  };
}

/** The line printed when the PostgreSQL tests cannot run here. */
export const SKIP_LINE =
  "PostgreSQL store tests skipped: PGlite could not start here; set TEST_DATABASE_URL=postgres://user@host:5432/db to run them against a server";

/**
 * A SQLite file in the real store's format (the SQL of its MIGRATIONS), with two subscriptions
 * (one inactive) and four claims in different states. With `partsAndLeases`, the claims table
 * also has `parts_sent` and `lease_until` (added here when this build's SQLite schema lacks them).
 */
export function makeSqliteFile(path: string, partsAndLeases: boolean): void {
  const sqlite = new Database(path);
  for (const [i, sql] of MIGRATIONS.entries()) {
    sqlite.exec(sql);
    sqlite.pragma(`user_version = ${i + 1}`);
  }
  const columns = new Set(
    sqlite
      .prepare<[], { name: string }>("PRAGMA table_info(post_claims)")
      .all()
      .map((c) => c.name),
  );
  if (partsAndLeases) {
    if (!columns.has("parts_sent")) {
      sqlite.exec("ALTER TABLE post_claims ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0");
    }
    if (!columns.has("lease_until"))
      sqlite.exec("ALTER TABLE post_claims ADD COLUMN lease_until TEXT");
  }
  const insertSubscription = sqlite.prepare(
    `INSERT INTO subscriptions (id, platform, workspace_id, channel_id, time, timezone, source,
       requested_by, active, active_since, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  insertSubscription.run(
    3,
    "discord",
    "G1",
    "C1",
    "09:00",
    "Europe/London",
    "command",
    "U1",
    1,
    "2026-01-02T09:00:00.000Z",
    "2026-01-01T09:00:00.000Z",
    "2026-01-02T09:00:00.000Z",
  );
  insertSubscription.run(
    7,
    "slack",
    "T1",
    "C2",
    "18:30",
    "UTC",
    "config",
    null,
    0,
    "2026-01-01T10:00:00.000Z",
    "2026-01-01T10:00:00.000Z",
    "2026-01-03T10:00:00.000Z",
  );
  const insertClaim = sqlite.prepare(
    `INSERT INTO post_claims (subscription_id, local_date, status, attempts, claimed_by,
       claimed_at, sent_at, last_error, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  insertClaim.run(
    3,
    "2026-01-02",
    "sent",
    1,
    "host-a",
    "2026-01-02T09:00:00.000Z",
    "2026-01-02T09:00:01.000Z",
    null,
    null,
  );
  insertClaim.run(
    3,
    "2026-01-03",
    "failed",
    2,
    "host-a",
    "2026-01-03T09:00:00.000Z",
    null,
    "503",
    "2026-01-03T09:10:00.000Z",
  );
  insertClaim.run(
    3,
    "2026-01-04",
    "sending",
    1,
    "host-a",
    "2026-01-04T09:00:00.000Z",
    null,
    null,
    null,
  );
  insertClaim.run(
    7,
    "2026-01-02",
    "interrupted",
    1,
    "host-b",
    "2026-01-02T18:30:00.000Z",
    null,
    "stopped",
    null,
  );
  if (partsAndLeases) {
    sqlite.exec(
      `UPDATE post_claims SET parts_sent = 2, lease_until = '2026-01-04T09:05:00.000Z'
       WHERE subscription_id = 3 AND local_date = '2026-01-04'`,
    );
  }
  sqlite.close();
}
