/**
 * Moves a bot from the embedded SQLite store to PostgreSQL (`hotline db migrate`): copies every
 * subscription (active or not, ids kept) and every post claim, in one PostgreSQL transaction, so
 * a post claimed before the move is not posted again after it. Idempotent: rows already in
 * PostgreSQL are left alone, so a second run copies nothing.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { HotlineError } from "../errors.js";
import { describePgUrl, openPgStore, quoteSchema } from "./pg-store.js";

/** What {@link copySqliteToPostgres} did. */
export interface CopyCounts {
  /** Subscriptions inserted, found already there (same id and channel), and in conflict. */
  subscriptions: { copied: number; present: number; conflicting: number[] };
  /** Claims inserted, found already there, and not copied because their subscription conflicts. */
  claims: { copied: number; present: number; skipped: number };
}

/** Options of {@link copySqliteToPostgres}. */
export interface CopyOptions {
  /** The SQLite file (`DATABASE_PATH`); it must exist and is only read. */
  sqlitePath: string;
  /** The PostgreSQL URL (`DATABASE_URL`); its schema is created or migrated first. */
  url: string;
  /** PostgreSQL schema; default `public`. */
  schema?: string;
}

interface SqliteSubscription {
  id: number;
  platform: string;
  workspace_id: string;
  channel_id: string;
  time: string;
  timezone: string;
  source: string;
  requested_by: string | null;
  active: number;
  active_since: string;
  created_at: string;
  updated_at: string;
}

interface SqliteClaim {
  subscription_id: number;
  local_date: string;
  status: string;
  attempts: number;
  claimed_by: string;
  claimed_at: string;
  sent_at: string | null;
  last_error: string | null;
  next_attempt_at: string | null;
  /** Present once the SQLite store tracks parts and leases. */
  parts_sent?: number | null;
  lease_until?: string | null;
}

/** Reads every subscription and claim of the SQLite file at `path`. */
function readSqlite(path: string): { subscriptions: SqliteSubscription[]; claims: SqliteClaim[] } {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new HotlineError(
      "store_failed",
      `db migrate: cannot open SQLite file ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  try {
    const tables = new Set(
      db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((row) => row.name),
    );
    if (!tables.has("subscriptions") || !tables.has("post_claims")) {
      throw new HotlineError(
        "store_failed",
        `db migrate: ${path} is not a hotline database (no subscriptions or post_claims table)`,
      );
    }
    return {
      subscriptions: db
        .prepare<[], SqliteSubscription>("SELECT * FROM subscriptions ORDER BY id")
        .all(),
      claims: db
        .prepare<[], SqliteClaim>("SELECT * FROM post_claims ORDER BY subscription_id, local_date")
        .all(),
    };
  } finally {
    db.close();
  }
}

/**
 * Copies `options.sqlitePath` into PostgreSQL at `options.url`. A subscription whose id is taken
 * in PostgreSQL by another channel (or whose channel is there under another id) is not copied,
 * nor are its claims: it is reported in `conflicting` for an operator to look at. The identity
 * sequence is advanced past the highest id, so new subscriptions never collide with copied ones.
 * A claim still `sending` without a lease (an older SQLite store) gets a lease ending at its
 * claim time, so the first sweep marks it interrupted instead of leaving it hanging.
 * Rejects with `store_failed` naming the file or the database (never its password).
 */
export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyCounts> {
  const source = readSqlite(options.sqlitePath);
  const schema = options.schema ?? "public";
  const s = quoteSchema(schema);
  // Opening the store creates the schema and runs its migrations (under the advisory lock).
  await (await openPgStore({ url: options.url, schema })).close();

  const counts: CopyCounts = {
    subscriptions: { copied: 0, present: 0, conflicting: [] },
    claims: { copied: 0, present: 0, skipped: 0 },
  };
  const client = new pg.Client({ connectionString: options.url });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("BEGIN");
    for (const row of source.subscriptions) {
      const inserted = await client.query(
        `INSERT INTO ${s}.subscriptions (id, platform, workspace_id, channel_id, time, timezone,
           source, requested_by, active, active_since, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT DO NOTHING`,
        [
          row.id,
          row.platform,
          row.workspace_id,
          row.channel_id,
          row.time,
          row.timezone,
          row.source,
          row.requested_by,
          row.active === 1,
          row.active_since,
          row.created_at,
          row.updated_at,
        ],
      );
      if (inserted.rowCount === 1) {
        counts.subscriptions.copied++;
        continue;
      }
      const same = await client.query(
        `SELECT 1 FROM ${s}.subscriptions
         WHERE id = $1 AND platform = $2 AND workspace_id = $3 AND channel_id = $4`,
        [row.id, row.platform, row.workspace_id, row.channel_id],
      );
      if (same.rowCount === 1) counts.subscriptions.present++;
      else counts.subscriptions.conflicting.push(row.id);
    }
    const conflicting = new Set(counts.subscriptions.conflicting);
    for (const row of source.claims) {
      if (conflicting.has(row.subscription_id)) {
        counts.claims.skipped++;
        continue;
      }
      const leaseUntil =
        row.lease_until ?? (row.status === "sending" ? row.claimed_at : null) ?? null;
      const inserted = await client.query(
        `INSERT INTO ${s}.post_claims (subscription_id, local_date, status, attempts, parts_sent,
           claimed_by, claimed_at, lease_until, sent_at, last_error, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (subscription_id, local_date) DO NOTHING`,
        [
          row.subscription_id,
          row.local_date,
          row.status,
          row.attempts,
          row.parts_sent ?? 0,
          row.claimed_by,
          row.claimed_at,
          leaseUntil,
          row.sent_at,
          row.last_error,
          row.next_attempt_at,
        ],
      );
      if (inserted.rowCount === 1) counts.claims.copied++;
      else counts.claims.present++;
    }
    if (counts.subscriptions.copied > 0) await advanceSequence(client, s);
    await client.query("COMMIT");
    return counts;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    if (error instanceof HotlineError) throw error;
    throw new HotlineError(
      "store_failed",
      `db migrate: copying into ${describePgUrl(options.url)} failed: ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Moves the id sequence past the highest id (never back), since copied rows kept their ids. */
async function advanceSequence(client: pg.Client, s: string): Promise<void> {
  const { rows } = await client.query<{ seq: string }>(
    "SELECT pg_get_serial_sequence($1, 'id') AS seq",
    [`${s}.subscriptions`],
  );
  const seq = rows[0]?.seq as string;
  await client.query(
    `SELECT setval($1::regclass, m) FROM (SELECT max(id) AS m FROM ${s}.subscriptions) AS top,
       (SELECT last_value, is_called FROM ${seq}) AS current
     WHERE m > (CASE WHEN is_called THEN last_value ELSE last_value - 1 END)`,
    [seq],
  );
}

/** The one line `hotline db migrate` prints for `counts`. */
export function describeCopy(counts: CopyCounts, from: string, to: string): string {
  const { subscriptions: subs, claims } = counts;
  const conflicts = subs.conflicting.length
    ? `; ${subs.conflicting.length} subscription(s) not copied because PostgreSQL has another channel under the same id or the same channel under another id (SQLite ids ${subs.conflicting.join(", ")}), with their ${claims.skipped} claim(s)`
    : "";
  if (subs.copied === 0 && claims.copied === 0) {
    return `db migrate: nothing to copy: ${subs.present} subscription(s) and ${claims.present} post claim(s) from ${from} are already in ${to}${conflicts}`;
  }
  return `db migrate: copied ${subs.copied} subscription(s) and ${claims.copied} post claim(s) from ${from} to ${to}; already there: ${subs.present} subscription(s), ${claims.present} post claim(s)${conflicts}`;
}
