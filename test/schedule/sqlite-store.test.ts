import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
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

describe("openSqliteStore", () => {
  const cleanups: Array<() => void> = [];
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
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
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

  it("GIVEN a saved subscription WHEN the file is reopened THEN the subscription is still there", () => {
    const path = join(temp(), "hotline.db");
    const first = open(path);
    const saved = first.saveSubscription(write, at);
    first.close();
    const second = open(path);
    expect(second.listSubscriptions()).toEqual([saved.subscription]);
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

  it("GIVEN two connections to one file WHEN both claim the same post THEN only the first insert wins", () => {
    const path = join(temp(), "hotline.db");
    const a = open(path);
    const b = open(path);
    const { subscription } = a.saveSubscription(write, at);
    expect(a.claim(subscription.id, "2025-12-29", at, "a")).toBe(true);
    expect(b.claim(subscription.id, "2025-12-29", at, "b")).toBe(false);
    expect(a.claim(subscription.id, "2025-12-29", at, "a")).toBe(false);
    expect(b.claim(subscription.id, "2025-12-30", at, "b")).toBe(true);
    expect(b.getClaim(subscription.id, "2025-12-29")).toMatchObject({
      status: "sending",
      attempts: 1,
      claimedBy: "a",
    });
  });

  it("GIVEN a failed claim WHEN two connections take the retry THEN only one gets it and attempts grow by one", () => {
    const path = join(temp(), "hotline.db");
    const a = open(path);
    const b = open(path);
    const { subscription } = a.saveSubscription(write, at);
    a.claim(subscription.id, "2025-12-29", at, "a");
    const retryAt = new Date(at.getTime() + 60_000);
    a.markFailed(subscription.id, "2025-12-29", { attempts: 1, error: "503", retryAt });
    expect(a.listDueRetries(at)).toEqual([]);
    expect(a.listDueRetries(retryAt)).toHaveLength(1);
    expect(a.takeRetry(subscription.id, "2025-12-29", 1, retryAt, "a")).toBe(true);
    expect(b.takeRetry(subscription.id, "2025-12-29", 1, retryAt, "b")).toBe(false);
    expect(b.getClaim(subscription.id, "2025-12-29")).toMatchObject({
      status: "sending",
      attempts: 2,
    });
    a.markSent(subscription.id, "2025-12-29", retryAt);
    expect(b.getClaim(subscription.id, "2025-12-29")).toMatchObject({
      status: "sent",
      sentAt: retryAt.toISOString(),
      lastError: "503",
    });
    expect(b.listDueRetries(new Date(retryAt.getTime() + 3_600_000))).toEqual([]);
  });

  it("GIVEN a claim stuck in sending WHEN swept THEN it is interrupted and a late failure does not make it retryable", () => {
    const store = open(join(temp(), "hotline.db"));
    const { subscription } = store.saveSubscription(write, at);
    store.claim(subscription.id, "2025-12-29", at, "crashed");
    expect(store.sweepInterrupted(at)).toEqual([]);
    const swept = store.sweepInterrupted(new Date(at.getTime() + 1));
    expect(swept).toMatchObject([{ subscriptionId: subscription.id, status: "interrupted" }]);
    store.markFailed(subscription.id, "2025-12-29", { attempts: 1, error: "x", retryAt: at });
    expect(store.getClaim(subscription.id, "2025-12-29")?.status).toBe("interrupted");
    expect(store.listDueRetries(new Date(at.getTime() + 3_600_000))).toEqual([]);
  });

  it("GIVEN an unsubscribed channel WHEN subscribed again THEN the same row id comes back as created", () => {
    const store = open(join(temp(), "hotline.db"));
    const first = store.saveSubscription(write, at);
    expect(first).toMatchObject({ created: true, changed: false });
    expect(store.saveSubscription(write, at)).toMatchObject({ created: false, changed: false });
    expect(store.deactivateSubscription(channel, "config", at)).toBe(false);
    expect(store.deactivateSubscription(channel, "command", at)).toBe(true);
    expect(store.findSubscription(channel)).toBeUndefined();
    expect(store.listSubscriptions()).toEqual([]);
    const later = new Date(at.getTime() + 60_000);
    const again = store.saveSubscription({ ...write, time: "10:00" }, later);
    expect(again).toMatchObject({ created: true, changed: false });
    expect(again.subscription).toMatchObject({
      id: first.subscription.id,
      time: "10:00",
      activeSince: later.toISOString(),
    });
  });
});
