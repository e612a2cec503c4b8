import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM script without types; it rebuilds dist/ only when stale
import { ensureBuilt, root } from "../../scripts/ensure-built.js";
import { HotlineError } from "../../src/errors.js";
import { MIGRATIONS, openSqliteStore } from "../../src/schedule/sqlite-store.js";
import type { ScheduleStore, SubscriptionWrite } from "../../src/schedule/store.js";
import { tempDir } from "./helpers.js";

const channel = { platform: "discord", workspaceId: "111", channelId: "222" } as const;
const write: SubscriptionWrite = {
  ...channel,
  time: "09:00",
  timezone: "Europe/London",
  source: "command",
  requestedBy: "admin-1",
};
const at = new Date("2025-12-29T08:00:00Z");
const MINUTE = 60_000;
const later = (ms: number) => new Date(at.getTime() + ms);
const lease = later(2 * MINUTE);

describe("openSqliteStore", () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  const open = (path: string): ScheduleStore => {
    const store = openSqliteStore({ path });
    cleanups.push(() => store.close());
    return store;
  };
  const temp = () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    return t.dir;
  };
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("GIVEN a path in a missing directory WHEN opened THEN creates the file in WAL mode at the latest schema version", () => {
    const path = join(temp(), "nested", "data", "hotline.db");
    open(path);
    expect(existsSync(path)).toBe(true);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    raw.close();
  });

  it("GIVEN a saved subscription WHEN the file is reopened THEN the subscription is still there", async () => {
    const path = join(temp(), "hotline.db");
    const first = open(path);
    const saved = await first.saveSubscription(write, at);
    await first.close();
    const second = open(path);
    expect(await second.listSubscriptions()).toEqual([saved.subscription]);
  });

  it("GIVEN a database from a newer build WHEN opened THEN throws store_failed naming the path and versions", () => {
    const path = join(temp(), "hotline.db");
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openSqliteStore({ path })).toThrow(HotlineError);
    expect(() => openSqliteStore({ path })).toThrow(
      `schedule store: ${path} has schema version ${MIGRATIONS.length + 1}, newer than this build knows (${MIGRATIONS.length}); upgrade hotline`,
    );
  });

  it("GIVEN a database of the first schema with a claim in sending WHEN opened THEN it is migrated and the claim has no parts and no lease, so the next sweep interrupts it", async () => {
    const path = join(temp(), "hotline.db");
    const raw = new Database(path);
    raw.exec(MIGRATIONS[0] as string);
    raw.pragma("user_version = 1");
    raw
      .prepare(
        `INSERT INTO subscriptions (platform, workspace_id, channel_id, time, timezone, source, active_since, created_at, updated_at)
         VALUES ('discord', '111', '222', '09:00', 'UTC', 'command', ?, ?, ?)`,
      )
      .run(at.toISOString(), at.toISOString(), at.toISOString());
    raw
      .prepare(
        `INSERT INTO post_claims (subscription_id, local_date, status, attempts, claimed_by, claimed_at)
         VALUES (1, '2025-12-29', 'sending', 1, 'old-build', ?)`,
      )
      .run(at.toISOString());
    raw.close();
    const store = open(path);
    expect(await store.getClaim(1, "2025-12-29")).toMatchObject({
      status: "sending",
      partsSent: 0,
      leaseUntil: null,
    });
    expect(await store.sweepInterrupted(at)).toMatchObject([
      { subscriptionId: 1, localDate: "2025-12-29", status: "interrupted", claimedBy: "old-build" },
    ]);
  });

  it("GIVEN two connections to one file WHEN both claim the same post THEN only the first insert wins", async () => {
    const path = join(temp(), "hotline.db");
    const a = open(path);
    const b = open(path);
    const { subscription } = await a.saveSubscription(write, at);
    expect(await a.claim(subscription.id, "2025-12-29", at, "a", lease)).toBe(true);
    expect(await b.claim(subscription.id, "2025-12-29", at, "b", lease)).toBe(false);
    expect(await a.claim(subscription.id, "2025-12-29", at, "a", lease)).toBe(false);
    expect(await b.claim(subscription.id, "2025-12-30", at, "b", lease)).toBe(true);
    expect(await b.getClaim(subscription.id, "2025-12-29")).toMatchObject({
      status: "sending",
      attempts: 1,
      partsSent: 0,
      claimedBy: "a",
      leaseUntil: lease.toISOString(),
    });
  });

  it("GIVEN a claim WHEN its owner and another process renew the lease and record parts THEN only the owner's writes count, and partsSent never goes back", async () => {
    const path = join(temp(), "hotline.db");
    const a = open(path);
    const b = open(path);
    const { subscription } = await a.saveSubscription(write, at);
    const date = "2025-12-29";
    await a.claim(subscription.id, date, at, "a", lease);
    expect(await a.markPartSent(subscription.id, date, "a", 0)).toBe(true);
    expect(await a.markPartSent(subscription.id, date, "a", 1)).toBe(true);
    expect(await b.markPartSent(subscription.id, date, "b", 2)).toBe(false);
    expect(await a.markPartSent(subscription.id, date, "a", 0)).toBe(true);
    expect(await b.renewLease(subscription.id, date, "b", later(9 * MINUTE))).toBe(false);
    expect(await a.renewLease(subscription.id, date, "a", later(3 * MINUTE))).toBe(true);
    expect(await b.getClaim(subscription.id, date)).toMatchObject({
      partsSent: 2,
      leaseUntil: later(3 * MINUTE).toISOString(),
    });
  });

  it("GIVEN a failed claim WHEN two connections take the retry THEN only one gets it, attempts grow by one and the delivered parts stay", async () => {
    const path = join(temp(), "hotline.db");
    const a = open(path);
    const b = open(path);
    const { subscription } = await a.saveSubscription(write, at);
    await a.claim(subscription.id, "2025-12-29", at, "a", lease);
    await a.markPartSent(subscription.id, "2025-12-29", "a", 0);
    const retryAt = later(MINUTE);
    await a.markFailed(subscription.id, "2025-12-29", { attempts: 1, error: "503", retryAt });
    expect(await a.listDueRetries(at)).toEqual([]);
    expect(await a.listDueRetries(retryAt)).toMatchObject([{ partsSent: 1, leaseUntil: null }]);
    const newLease = later(3 * MINUTE);
    expect(await a.takeRetry(subscription.id, "2025-12-29", 1, retryAt, "a", newLease)).toBe(true);
    expect(await b.takeRetry(subscription.id, "2025-12-29", 1, retryAt, "b", newLease)).toBe(false);
    expect(await b.getClaim(subscription.id, "2025-12-29")).toMatchObject({
      status: "sending",
      attempts: 2,
      partsSent: 1,
      leaseUntil: newLease.toISOString(),
    });
    await a.markSent(subscription.id, "2025-12-29", retryAt);
    expect(await b.getClaim(subscription.id, "2025-12-29")).toMatchObject({
      status: "sent",
      sentAt: retryAt.toISOString(),
      lastError: "503",
      leaseUntil: null,
    });
    expect(await b.listDueRetries(later(60 * MINUTE))).toEqual([]);
  });

  it("GIVEN a claim in sending WHEN swept before and after its lease THEN it is interrupted only after, returned once, and a late failure does not make it retryable", async () => {
    const store = open(join(temp(), "hotline.db"));
    const { subscription } = await store.saveSubscription(write, at);
    await store.claim(subscription.id, "2025-12-29", at, "crashed", lease);
    expect(await store.sweepInterrupted(later(MINUTE))).toEqual([]);
    expect(await store.sweepInterrupted(lease)).toEqual([]);
    // One millisecond past the lease, however young the claim: no age rule.
    const swept = await store.sweepInterrupted(new Date(lease.getTime() + 1));
    expect(swept).toMatchObject([{ subscriptionId: subscription.id, status: "interrupted" }]);
    expect(await store.sweepInterrupted(later(60 * MINUTE))).toEqual([]);
    await store.markFailed(subscription.id, "2025-12-29", { attempts: 1, error: "x", retryAt: at });
    expect((await store.getClaim(subscription.id, "2025-12-29"))?.status).toBe("interrupted");
    expect(await store.listDueRetries(later(60 * MINUTE))).toEqual([]);
  });

  it("GIVEN an interrupted claim WHEN two connections take it over THEN one gets it, with a new owner and lease and its parts kept", async () => {
    const path = join(temp(), "hotline.db");
    const a = open(path);
    const b = open(path);
    const { subscription } = await a.saveSubscription(write, at);
    await a.claim(subscription.id, "2025-12-29", at, "crashed", lease);
    await a.markPartSent(subscription.id, "2025-12-29", "crashed", 1);
    await a.sweepInterrupted(later(5 * MINUTE));
    const newLease = later(7 * MINUTE);
    const now = later(5 * MINUTE);
    expect(await b.takeInterrupted(subscription.id, "2025-12-29", now, "b", newLease)).toBe(true);
    expect(await a.takeInterrupted(subscription.id, "2025-12-29", now, "a", newLease)).toBe(false);
    expect(await a.getClaim(subscription.id, "2025-12-29")).toMatchObject({
      status: "sending",
      attempts: 2,
      partsSent: 2,
      claimedBy: "b",
      leaseUntil: newLease.toISOString(),
    });
  });

  it("GIVEN an unsubscribed channel WHEN subscribed again THEN the same row id comes back as created", async () => {
    const store = open(join(temp(), "hotline.db"));
    const first = await store.saveSubscription(write, at);
    expect(first).toMatchObject({ created: true, changed: false });
    expect(await store.saveSubscription(write, at)).toMatchObject({
      created: false,
      changed: false,
    });
    expect(await store.deactivateSubscription(channel, "config", at)).toBe(false);
    expect(await store.deactivateSubscription(channel, "command", at)).toBe(true);
    expect(await store.findSubscription(channel)).toBeUndefined();
    expect(await store.listSubscriptions()).toEqual([]);
    const again = await store.saveSubscription({ ...write, time: "10:00" }, later(MINUTE));
    expect(again).toMatchObject({ created: true, changed: false });
    expect(again.subscription).toMatchObject({
      id: first.subscription.id,
      time: "10:00",
      activeSince: later(MINUTE).toISOString(),
    });
  });

  it("GIVEN an open store WHEN pinged, then closed THEN the ping resolves and later calls reject with store_failed", async () => {
    const path = join(temp(), "hotline.db");
    const store = openSqliteStore({ path });
    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
    await expect(store.ping()).rejects.toMatchObject({ code: "store_failed" });
    await expect(store.listSubscriptions()).rejects.toThrow(`list subscriptions failed on ${path}`);
  });

  it("GIVEN a database path under a regular file THEN opening throws one line naming the path", () => {
    const dir = temp();
    writeFileSync(join(dir, "not-a-dir"), "x");
    const path = join(dir, "not-a-dir", "hotline.db");
    expect(() => openSqliteStore({ path })).toThrow(
      new RegExp(`^schedule store: cannot open ${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `),
    );
  });
});

/**
 * The write probe at start. Root ignores file modes, so as root each case runs in a child
 * process as the `nobody` user (uid 65534), against the compiled store in dist/; otherwise in
 * this process. Either way the real permission check of the real file system decides.
 */
describe("openSqliteStore on an unwritable database", () => {
  const asRoot = process.getuid?.() === 0;
  const NOBODY = 65534;
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  });
  beforeAll(() => {
    if (asRoot) ensureBuilt("sqlite-store test");
  }, 180_000);

  /** Opens `path` and reports the outcome as `{ ok, code, message }`. */
  function tryOpen(path: string): { ok: boolean; code?: string; message?: string } {
    if (!asRoot) {
      try {
        openSqliteStore({ path }).close();
        return { ok: true };
      } catch (error) {
        return { ok: false, code: (error as HotlineError).code, message: (error as Error).message };
      }
    }
    const module = join(root, "dist", "src", "schedule", "sqlite-store.js");
    const script = `const { openSqliteStore } = await import(${JSON.stringify(module)});
      try { await openSqliteStore({ path: ${JSON.stringify(path)} }).close(); console.log(JSON.stringify({ ok: true })); }
      catch (e) { console.log(JSON.stringify({ ok: false, code: e.code, message: e.message })); }`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      uid: NOBODY,
      gid: NOBODY,
      encoding: "utf8",
    });
    if (child.status !== 0) throw new Error(`probe child failed: ${child.stderr}`);
    return JSON.parse(child.stdout);
  }

  /** A migrated database in a fresh directory that `nobody` (or this user) can enter. */
  function database(): { dir: string; path: string } {
    const t = tempDir();
    cleanups.push(() => {
      chmodSync(t.dir, 0o700);
      t.cleanup();
    });
    const path = join(t.dir, "hotline.db");
    openSqliteStore({ path }).close();
    chmodSync(path, 0o666);
    chmodSync(t.dir, 0o777);
    return { dir: t.dir, path };
  }

  it("GIVEN a writable database THEN it opens (the probe passes)", () => {
    const { path } = database();
    expect(tryOpen(path)).toEqual({ ok: true });
  });

  it("GIVEN a database file with mode 0444 WHEN opened THEN store_failed in one line naming the file", () => {
    const { path } = database();
    chmodSync(path, 0o444);
    const outcome = tryOpen(path);
    expect(outcome).toMatchObject({ ok: false, code: "store_failed" });
    expect(outcome.message).toMatch(/readonly database/);
    expect(outcome.message?.startsWith(`schedule store: cannot open ${path}: `)).toBe(true);
    expect(outcome.message).not.toContain("\n");
  });

  it("GIVEN a database in a read-only directory WHEN opened THEN store_failed in one line naming the file", () => {
    const { dir, path } = database();
    chmodSync(dir, 0o555);
    const outcome = tryOpen(path);
    expect(outcome).toMatchObject({ ok: false, code: "store_failed" });
    expect(outcome.message?.startsWith(`schedule store: cannot open ${path}: `)).toBe(true);
    expect(outcome.message).not.toContain("\n");
  });
});
