/**
 * The embedded {@link ScheduleStore}: one SQLite file (better-sqlite3), created and migrated at
 * open, in WAL mode so readers never block the writer and several processes can share it.
 * The post claim is a plain INSERT into a table keyed by (subscription_id, local_date): SQLite
 * serialises writers, so exactly one insert per key succeeds, whichever process makes it.
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
  claimedBy: row.claimed_by,
  claimedAt: row.claimed_at,
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
 * Opens (creating and migrating as needed) the SQLite schedule store at `options.path`.
 * Throws a `store_failed` HotlineError naming the path when the file cannot be opened or its
 * schema is newer than this build.
 */
export function openSqliteStore(options: SqliteStoreOptions): ScheduleStore {
  const { path } = options;
  let db: Database.Database;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    // WAL lets readers (ticks, /hotline commands) run while another process claims a post.
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    migrate(db, path);
  } catch (error) {
    if (error instanceof HotlineError) throw error;
    throw new HotlineError(
      "store_failed",
      `schedule store: cannot open ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return new SqliteStore(db, path);
}

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
        `INSERT INTO post_claims (subscription_id, local_date, status, attempts, claimed_by, claimed_at)
         VALUES (@subscriptionId, @localDate, 'sending', 1, @claimedBy, @at)
         ON CONFLICT (subscription_id, local_date) DO NOTHING`,
      ),
      getClaim: db.prepare<{ subscriptionId: number; localDate: string }, ClaimRow>(
        `SELECT * FROM post_claims WHERE ${claimKey}`,
      ),
      markSent: db.prepare(
        `UPDATE post_claims SET status = 'sent', sent_at = @at, next_attempt_at = NULL
         WHERE ${claimKey} AND status IN ('sending', 'interrupted')`,
      ),
      markFailed: db.prepare(
        `UPDATE post_claims SET status = 'failed', attempts = @attempts, last_error = @error,
           next_attempt_at = @retryAt
         WHERE ${claimKey} AND status = 'sending'`,
      ),
      dueRetries: db.prepare<[string], ClaimRow>(
        `SELECT * FROM post_claims WHERE status = 'failed' AND next_attempt_at IS NOT NULL
           AND next_attempt_at <= ? ORDER BY next_attempt_at, subscription_id`,
      ),
      takeRetry: db.prepare(
        `UPDATE post_claims SET status = 'sending', attempts = attempts + 1, claimed_by = @claimedBy,
           claimed_at = @at, next_attempt_at = NULL
         WHERE ${claimKey} AND status = 'failed' AND attempts = @attempts AND next_attempt_at IS NOT NULL`,
      ),
      stuck: db.prepare<[string], ClaimRow>(
        "SELECT * FROM post_claims WHERE status = 'sending' AND claimed_at < ?",
      ),
      interrupt: db.prepare(
        `UPDATE post_claims SET status = 'interrupted',
           last_error = 'process stopped during the send; not retried so the post is never doubled'
         WHERE ${claimKey} AND status = 'sending'`,
      ),
    };
  }

  saveSubscription(write: SubscriptionWrite, at: Date): SaveResult {
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

  findSubscription(channel: ChannelRef): StoredSubscription | undefined {
    return this.run("find subscription", () => {
      const row = this.statements.findActive.get(channelOf(channel));
      return row ? toSubscription(row) : undefined;
    });
  }

  listSubscriptions(): StoredSubscription[] {
    return this.run("list subscriptions", () =>
      this.statements.listActive.all().map(toSubscription),
    );
  }

  deactivateSubscription(channel: ChannelRef, source: SubscriptionSource, at: Date): boolean {
    return this.run("unsubscribe", () => {
      const params = { ...channelOf(channel), source, at: at.toISOString() };
      return this.statements.deactivate.run(params).changes === 1;
    });
  }

  pruneConfigSubscriptions(keep: ChannelRef[], at: Date): number {
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

  claim(subscriptionId: number, localDate: string, at: Date, claimedBy: string): boolean {
    return this.run("claim", () => {
      const params = { subscriptionId, localDate, claimedBy, at: at.toISOString() };
      return this.statements.claim.run(params).changes === 1;
    });
  }

  getClaim(subscriptionId: number, localDate: string): PostClaim | undefined {
    return this.run("read claim", () => {
      const row = this.statements.getClaim.get({ subscriptionId, localDate });
      return row ? toClaim(row) : undefined;
    });
  }

  markSent(subscriptionId: number, localDate: string, at: Date): void {
    this.run("mark sent", () => {
      this.statements.markSent.run({ subscriptionId, localDate, at: at.toISOString() });
    });
  }

  markFailed(
    subscriptionId: number,
    localDate: string,
    failure: { attempts: number; error: string; retryAt: Date | null },
  ): void {
    this.run("mark failed", () => {
      this.statements.markFailed.run({
        subscriptionId,
        localDate,
        attempts: failure.attempts,
        error: failure.error,
        retryAt: failure.retryAt ? failure.retryAt.toISOString() : null,
      });
    });
  }

  listDueRetries(at: Date): PostClaim[] {
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
  ): boolean {
    return this.run("take retry", () => {
      const params = { subscriptionId, localDate, attempts, claimedBy, at: at.toISOString() };
      return this.statements.takeRetry.run(params).changes === 1;
    });
  }

  sweepInterrupted(olderThan: Date): PostClaim[] {
    return this.run("sweep interrupted", () =>
      this.db
        .transaction(() => {
          const rows = this.statements.stuck.all(olderThan.toISOString());
          for (const row of rows) {
            this.statements.interrupt.run({
              subscriptionId: row.subscription_id,
              localDate: row.local_date,
            });
          }
          return rows.map((row) => toClaim({ ...row, status: "interrupted" }));
        })
        .immediate(),
    );
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private byId(id: number): StoredSubscription {
    const row = this.statements.byId.get(id);
    if (!row) throw new HotlineError("store_failed", `schedule store: subscription ${id} vanished`);
    return toSubscription(row);
  }

  /** Wraps driver errors so the caller learns which operation on which file failed. */
  private run<T>(operation: string, body: () => T): T {
    try {
      return body();
    } catch (error) {
      if (error instanceof HotlineError) throw error;
      throw new HotlineError(
        "store_failed",
        `schedule store: ${operation} failed on ${this.path}: ${(error as Error).message}`,
        { cause: error },
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
