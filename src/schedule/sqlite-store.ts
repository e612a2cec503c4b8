/**
 * The embedded {@link ScheduleStore}: one SQLite file (better-sqlite3), created and migrated at
 * open, in WAL mode so readers never block the writer and several processes can share it.
 * The post claim is a plain INSERT into a table keyed by (subscription_id, local_date): SQLite
 * serialises writers, so exactly one insert per key succeeds, whichever process makes it. Every
 * later change of a claim (a part recorded, a lease renewed, a retry or resume taken over) is one
 * conditional UPDATE whose changed-row count says whether this caller won.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { HotlineError } from "../errors.js";
import {
  type ClaimStatus,
  channelKey,
  type PostClaim,
  type SaveResult,
  type ScheduleStore,
  type StoredSubscription,
  type SubscriptionSource,
  type SubscriptionWrite,
} from "./store.js";
import type { ChannelRef, Platform } from "./types.js";

/**
 * Schema migrations, in order; `PRAGMA user_version` records how many have run. Append new
 * entries, never edit old ones: a deployed database has already run them.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscriptions (
     id INTEGER PRIMARY KEY,
     platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack', 'console')),
     workspace_id TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     time TEXT NOT NULL,
     timezone TEXT NOT NULL,
     source TEXT NOT NULL CHECK (source IN ('command', 'config')),
     requested_by TEXT,
     active INTEGER NOT NULL DEFAULT 1,
     active_since TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     UNIQUE (platform, workspace_id, channel_id)
   );
   CREATE TABLE post_claims (
     subscription_id INTEGER NOT NULL REFERENCES subscriptions (id),
     local_date TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'interrupted')),
     attempts INTEGER NOT NULL,
     claimed_by TEXT NOT NULL,
     claimed_at TEXT NOT NULL,
     sent_at TEXT,
     last_error TEXT,
     next_attempt_at TEXT,
     PRIMARY KEY (subscription_id, local_date)
   );
   CREATE INDEX post_claims_by_status ON post_claims (status, next_attempt_at);`,
  // Per-part delivery and leases (issue 12): a retry resumes at the first undelivered part, and a
  // `sending` claim whose lease passed is interrupted whatever its age. Rows claimed before this
  // migration have no lease, so the next sweep treats them as interrupted.
  `ALTER TABLE post_claims ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE post_claims ADD COLUMN lease_until TEXT;`,
];

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /**
   * The database file (config `DATABASE_PATH`, default `./data/hotline.db`). Its parent
   * directory is created when missing. `:memory:` gives a private in-memory database (tests).
   */
  path: string;
  /**
   * How long a write waits for another process's write lock before failing, in milliseconds.
   * Default 5000: claims are tiny, so contention clears in far less.
   */
  busyTimeoutMs?: number;
}

interface SubscriptionRow {
  id: number;
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  time: string;
  timezone: string;
  source: SubscriptionSource;
  requested_by: string | null;
  active: number;
  active_since: string;
}

interface ClaimRow {
  subscription_id: number;
  local_date: string;
  status: ClaimStatus;
  attempts: number;
  claimed_by: string;
  claimed_at: string;
  parts_sent: number;
  lease_until: string | null;
  sent_at: string | null;
  last_error: string | null;
  next_attempt_at: string | null;
}

const toSubscription = (row: SubscriptionRow): StoredSubscription => ({
  id: row.id,
  platform: row.platform,
  workspaceId: row.workspace_id,
  channelId: row.channel_id,
  time: row.time,
  timezone: row.timezone,
  source: row.source,
  requestedBy: row.requested_by,
  activeSince: row.active_since,
});

const toClaim = (row: ClaimRow): PostClaim => ({
  subscriptionId: row.subscription_id,
  localDate: row.local_date,
  status: row.status,
  attempts: row.attempts,
  partsSent: row.parts_sent,
  claimedBy: row.claimed_by,
  claimedAt: row.claimed_at,
  leaseUntil: row.lease_until,
  sentAt: row.sent_at,
  lastError: row.last_error,
  nextAttemptAt: row.next_attempt_at,
});

function migrate(db: Database.Database, path: string): void {
  // IMMEDIATE takes the write lock before reading user_version, so two processes starting
  // together cannot both run the same migration.
  db.transaction(() => {
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new HotlineError(
        "store_failed",
        `schedule store: ${path} has schema version ${version}, newer than this build knows (${MIGRATIONS.length}); upgrade hotline`,
      );
    }
    for (let next = version; next < MIGRATIONS.length; next++) {
      db.exec(MIGRATIONS[next] as string);
      db.pragma(`user_version = ${next + 1}`);
    }
  }).immediate();
}

/**
 * Proves at open that the file can be written, so an unwritable database stops the bot at start
 * instead of failing on the first post: a schema write inside a transaction that is rolled back,
 * so nothing changes. SQLite opens a read-only file (or a file in a read-only directory, where
 * it cannot create the `-wal` and `-shm` files) without complaint and fails only on a write.
 */
function probeWrite(db: Database.Database): void {
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec("CREATE TABLE hotline_write_probe (x INTEGER); DROP TABLE hotline_write_probe;");
  } finally {
    db.exec("ROLLBACK");
  }
}

/**
 * Opens (creating and migrating as needed) the SQLite schedule store at `options.path`.
 * Throws a `store_failed` HotlineError naming the path when the file cannot be opened, cannot be
 * written (a read-only file or directory: checked by a rolled-back write) or its schema is newer
 * than this build.
 */
export function openSqliteStore(options: SqliteStoreOptions): ScheduleStore {
  const { path } = options;
  let db: Database.Database | undefined;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    // WAL lets readers (ticks, /hotline commands) run while another process claims a post.
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    migrate(db, path);
    probeWrite(db);
  } catch (error) {
    if (db?.open) db.close();
    if (error instanceof HotlineError) throw error;
    throw new HotlineError(
      "store_failed",
      `schedule store: cannot open ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return new SqliteStore(db, path);
}

type ClaimKey = { subscriptionId: number; localDate: string };

/**
 * better-sqlite3 answers synchronously; the contract is asynchronous for server databases. Each
 * method runs its statements at once and returns a settled promise, so a SQLite call is still
 * atomic and never interleaves with another.
 */
class SqliteStore implements ScheduleStore {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
  ) {
    const channelKey =
      "platform = @platform AND workspace_id = @workspaceId AND channel_id = @channelId";
    const claimKey = "subscription_id = @subscriptionId AND local_date = @localDate";
    this.statements = {
      findAny: db.prepare<ChannelRef, SubscriptionRow>(
        `SELECT * FROM subscriptions WHERE ${channelKey}`,
      ),
      findActive: db.prepare<ChannelRef, SubscriptionRow>(
        `SELECT * FROM subscriptions WHERE ${channelKey} AND active = 1`,
      ),
      insert: db.prepare(
        `INSERT INTO subscriptions
           (platform, workspace_id, channel_id, time, timezone, source, requested_by, active, active_since, created_at, updated_at)
         VALUES (@platform, @workspaceId, @channelId, @time, @timezone, @source, @requestedBy, 1, @at, @at, @at)`,
      ),
      update: db.prepare(
        `UPDATE subscriptions SET time = @time, timezone = @timezone, source = @source,
           requested_by = @requestedBy, updated_at = @at,
           active_since = CASE WHEN active = 1 THEN active_since ELSE @at END, active = 1
         WHERE id = @id`,
      ),
      byId: db.prepare<[number], SubscriptionRow>("SELECT * FROM subscriptions WHERE id = ?"),
      listActive: db.prepare<[], SubscriptionRow>(
        "SELECT * FROM subscriptions WHERE active = 1 ORDER BY id",
      ),
      deactivate: db.prepare(
        `UPDATE subscriptions SET active = 0, updated_at = @at
         WHERE ${channelKey} AND active = 1 AND source = @source`,
      ),
      activeConfig: db.prepare<[], SubscriptionRow>(
        "SELECT * FROM subscriptions WHERE active = 1 AND source = 'config'",
      ),
      deactivateId: db.prepare("UPDATE subscriptions SET active = 0, updated_at = ? WHERE id = ?"),
      claim: db.prepare(
        `INSERT INTO post_claims
           (subscription_id, local_date, status, attempts, parts_sent, claimed_by, claimed_at, lease_until)
         VALUES (@subscriptionId, @localDate, 'sending', 1, 0, @claimedBy, @at, @leaseUntil)
         ON CONFLICT (subscription_id, local_date) DO NOTHING`,
      ),
      getClaim: db.prepare<ClaimKey, ClaimRow>(`SELECT * FROM post_claims WHERE ${claimKey}`),
      renewLease: db.prepare(
        `UPDATE post_claims SET lease_until = @leaseUntil
         WHERE ${claimKey} AND status = 'sending' AND claimed_by = @claimedBy`,
      ),
      markPartSent: db.prepare(
        `UPDATE post_claims SET parts_sent = MAX(parts_sent, @partIndex + 1)
         WHERE ${claimKey} AND status = 'sending' AND claimed_by = @claimedBy`,
      ),
      markSent: db.prepare(
        `UPDATE post_claims SET status = 'sent', sent_at = @at, next_attempt_at = NULL,
           lease_until = NULL
         WHERE ${claimKey} AND status IN ('sending', 'interrupted')`,
      ),
      markFailed: db.prepare(
        `UPDATE post_claims SET status = 'failed', attempts = @attempts, last_error = @error,
           next_attempt_at = @retryAt, lease_until = NULL
         WHERE ${claimKey} AND status = 'sending'`,
      ),
      dueRetries: db.prepare<[string], ClaimRow>(
        `SELECT * FROM post_claims WHERE status = 'failed' AND next_attempt_at IS NOT NULL
           AND next_attempt_at <= ? ORDER BY next_attempt_at, subscription_id`,
      ),
      takeRetry: db.prepare(
        `UPDATE post_claims SET status = 'sending', attempts = attempts + 1, claimed_by = @claimedBy,
           claimed_at = @at, next_attempt_at = NULL, lease_until = @leaseUntil
         WHERE ${claimKey} AND status = 'failed' AND attempts = @attempts AND next_attempt_at IS NOT NULL`,
      ),
      // One UPDATE … RETURNING: the rows it changed are this caller's alone, so two processes
      // sweeping together never both get the same claim. The lease stays for the resumer (the
      // part in flight was sent after the lease's last renewal).
      sweep: db.prepare<{ at: string }, ClaimRow>(
        `UPDATE post_claims SET status = 'interrupted',
           last_error = 'the sending process stopped holding its lease during the send'
         WHERE status = 'sending' AND (lease_until IS NULL OR lease_until < @at)
         RETURNING *`,
      ),
      takeInterrupted: db.prepare(
        `UPDATE post_claims SET status = 'sending', attempts = attempts + 1,
           claimed_by = @claimedBy, claimed_at = @at, lease_until = @leaseUntil
         WHERE ${claimKey} AND status = 'interrupted'`,
      ),
    };
  }

  saveSubscription(write: SubscriptionWrite, at: Date): Promise<SaveResult> {
    return this.run("save subscription", () =>
      this.db
        .transaction((): SaveResult => {
          const iso = at.toISOString();
          const existing = this.statements.findAny.get(channelOf(write));
          const params = { ...channelOf(write), ...pick(write), at: iso };
          if (!existing) {
            const { lastInsertRowid } = this.statements.insert.run(params);
            return {
              subscription: this.byId(Number(lastInsertRowid)),
              created: true,
              changed: false,
            };
          }
          const wasActive = existing.active === 1;
          const changed =
            wasActive &&
            (existing.time !== write.time ||
              existing.timezone !== write.timezone ||
              existing.source !== write.source);
          if (!wasActive || changed || existing.requested_by !== write.requestedBy) {
            this.statements.update.run({ ...params, id: existing.id });
          }
          return { subscription: this.byId(existing.id), created: !wasActive, changed };
        })
        .immediate(),
    );
  }

  findSubscription(channel: ChannelRef): Promise<StoredSubscription | undefined> {
    return this.run("find subscription", () => {
      const row = this.statements.findActive.get(channelOf(channel));
      return row ? toSubscription(row) : undefined;
    });
  }

  listSubscriptions(): Promise<StoredSubscription[]> {
    return this.run("list subscriptions", () =>
      this.statements.listActive.all().map(toSubscription),
    );
  }

  deactivateSubscription(
    channel: ChannelRef,
    source: SubscriptionSource,
    at: Date,
  ): Promise<boolean> {
    return this.run("unsubscribe", () => {
      const params = { ...channelOf(channel), source, at: at.toISOString() };
      return this.statements.deactivate.run(params).changes === 1;
    });
  }

  pruneConfigSubscriptions(keep: ChannelRef[], at: Date): Promise<number> {
    return this.run("prune configured subscriptions", () =>
      this.db
        .transaction(() => {
          const kept = new Set(keep.map(channelKey));
          let pruned = 0;
          for (const row of this.statements.activeConfig.all()) {
            if (kept.has(channelKey(toSubscription(row)))) continue;
            this.statements.deactivateId.run(at.toISOString(), row.id);
            pruned++;
          }
          return pruned;
        })
        .immediate(),
    );
  }

  claim(
    subscriptionId: number,
    localDate: string,
    at: Date,
    claimedBy: string,
    leaseUntil: Date,
  ): Promise<boolean> {
    return this.run("claim", () => {
      const params = {
        subscriptionId,
        localDate,
        claimedBy,
        at: at.toISOString(),
        leaseUntil: leaseUntil.toISOString(),
      };
      return this.statements.claim.run(params).changes === 1;
    });
  }

  getClaim(subscriptionId: number, localDate: string): Promise<PostClaim | undefined> {
    return this.run("read claim", () => {
      const row = this.statements.getClaim.get({ subscriptionId, localDate });
      return row ? toClaim(row) : undefined;
    });
  }

  renewLease(
    subscriptionId: number,
    localDate: string,
    claimedBy: string,
    leaseUntil: Date,
  ): Promise<boolean> {
    return this.run("renew lease", () => {
      const params = { subscriptionId, localDate, claimedBy, leaseUntil: leaseUntil.toISOString() };
      return this.statements.renewLease.run(params).changes === 1;
    });
  }

  markPartSent(
    subscriptionId: number,
    localDate: string,
    claimedBy: string,
    partIndex: number,
  ): Promise<boolean> {
    return this.run("mark part sent", () => {
      const params = { subscriptionId, localDate, claimedBy, partIndex };
      return this.statements.markPartSent.run(params).changes === 1;
    });
  }

  markSent(subscriptionId: number, localDate: string, at: Date): Promise<void> {
    return this.run("mark sent", () => {
      this.statements.markSent.run({ subscriptionId, localDate, at: at.toISOString() });
    });
  }

  markFailed(
    subscriptionId: number,
    localDate: string,
    failure: { attempts: number; error: string; retryAt: Date | null },
  ): Promise<void> {
    return this.run("mark failed", () => {
      this.statements.markFailed.run({
        subscriptionId,
        localDate,
        attempts: failure.attempts,
        error: failure.error,
        retryAt: failure.retryAt ? failure.retryAt.toISOString() : null,
      });
    });
  }

  listDueRetries(at: Date): Promise<PostClaim[]> {
    return this.run("list retries", () =>
      this.statements.dueRetries.all(at.toISOString()).map(toClaim),
    );
  }

  takeRetry(
    subscriptionId: number,
    localDate: string,
    attempts: number,
    at: Date,
    claimedBy: string,
    leaseUntil: Date,
  ): Promise<boolean> {
    return this.run("take retry", () => {
      const params = {
        subscriptionId,
        localDate,
        attempts,
        claimedBy,
        at: at.toISOString(),
        leaseUntil: leaseUntil.toISOString(),
      };
      return this.statements.takeRetry.run(params).changes === 1;
    });
  }

  sweepInterrupted(at: Date): Promise<PostClaim[]> {
    return this.run("sweep interrupted", () =>
      this.statements.sweep.all({ at: at.toISOString() }).map(toClaim),
    );
  }

  takeInterrupted(
    subscriptionId: number,
    localDate: string,
    at: Date,
    claimedBy: string,
    leaseUntil: Date,
  ): Promise<boolean> {
    return this.run("take interrupted", () => {
      const params = {
        subscriptionId,
        localDate,
        claimedBy,
        at: at.toISOString(),
        leaseUntil: leaseUntil.toISOString(),
      };
      return this.statements.takeInterrupted.run(params).changes === 1;
    });
  }

  ping(): Promise<void> {
    return this.run("ping", () => probeWrite(this.db));
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }

  private byId(id: number): StoredSubscription {
    const row = this.statements.byId.get(id);
    if (!row) throw new HotlineError("store_failed", `schedule store: subscription ${id} vanished`);
    return toSubscription(row);
  }

  /**
   * Runs `body` now and settles with its result; driver errors become a rejected `store_failed`
   * HotlineError naming the operation and the file.
   */
  private run<T>(operation: string, body: () => T): Promise<T> {
    try {
      return Promise.resolve(body());
    } catch (error) {
      if (error instanceof HotlineError) return Promise.reject(error);
      return Promise.reject(
        new HotlineError(
          "store_failed",
          `schedule store: ${operation} failed on ${this.path}: ${(error as Error).message}`,
          { cause: error },
        ),
      );
    }
  }
}

function channelOf(channel: ChannelRef): ChannelRef {
  return {
    platform: channel.platform,
    workspaceId: channel.workspaceId,
    channelId: channel.channelId,
  };
}

function pick(write: SubscriptionWrite) {
  return {
    time: write.time,
    timezone: write.timezone,
    source: write.source,
    requestedBy: write.requestedBy,
  };
}
