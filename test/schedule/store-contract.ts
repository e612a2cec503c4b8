/**
 * The behaviour every {@link ScheduleStore} must have, as one suite any implementation runs:
 * `describeScheduleStoreContract("PostgreSQL", target)` registers the tests. A target gives each
 * test an empty database and opens as many connections to it as the test asks for (two
 * connections stand in for two processes). Used by `pg-store.test.ts`; the SQLite store can run
 * it too, e.g. `fresh: async () => { const t = tempDir(); const path = join(t.dir, "h.db");
 * return { connect: async () => openSqliteStore({ path }), dispose: async () => t.cleanup() }; }`.
 */
import { afterEach, describe, expect, it } from "vitest";
import { HotlineError } from "../../src/errors.js";
import type { ScheduleStore, SubscriptionWrite } from "../../src/schedule/store.js";
import type { ChannelRef } from "../../src/schedule/types.js";

/** What a store implementation gives the contract suite. */
export interface StoreContractTarget {
  /**
   * An empty database for one test: `connect` opens a new connection (a store) to it each
   * call; `dispose` removes it. The suite closes every store it opened before `dispose`.
   */
  fresh(): Promise<{ connect(): Promise<ScheduleStore>; dispose(): Promise<void> }>;
}

const T0 = new Date("2026-03-01T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const DAY = "2026-03-01";

const channel = (id: string, platform: ChannelRef["platform"] = "discord"): ChannelRef => ({
  platform,
  workspaceId: "guild-1",
  channelId: id,
});

const writeFor = (
  ref: ChannelRef,
  overrides: Partial<Omit<SubscriptionWrite, keyof ChannelRef>> = {},
): SubscriptionWrite => ({
  ...ref,
  time: "09:00",
  timezone: "Europe/London",
  source: "command",
  requestedBy: "admin-1",
  ...overrides,
});

/** Registers the ScheduleStore contract tests for `target` under `name`. */
export function describeScheduleStoreContract(name: string, target: StoreContractTarget): void {
  describe(`${name} ScheduleStore contract`, () => {
    const opened: ScheduleStore[] = [];
    let dispose: (() => Promise<void>) | undefined;

    /** An empty database and `count` connections to it. */
    const stores = async (count: number): Promise<ScheduleStore[]> => {
      const db = await target.fresh();
      dispose = db.dispose;
      const result: ScheduleStore[] = [];
      for (let i = 0; i < count; i++) {
        const store = await db.connect();
        opened.push(store);
        result.push(store);
      }
      return result;
    };
    const one = async () => (await stores(1))[0] as ScheduleStore;
    const two = async () => (await stores(2)) as [ScheduleStore, ScheduleStore];

    /** A store with one subscription, claimed for DAY by "p1" with a lease until T0 + 1 min. */
    const claimed = async () => {
      const [a, b] = await two();
      const { subscription } = await a.saveSubscription(writeFor(channel("c1")), T0);
      expect(await a.claim(subscription.id, DAY, T0, "p1", at(MINUTE))).toBe(true);
      return { a, b, id: subscription.id };
    };

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      await dispose?.();
      dispose = undefined;
    });

    describe("subscriptions", () => {
      it("GIVEN a new channel WHEN saved THEN it is created, found, listed, active since the save", async () => {
        const store = await one();
        const result = await store.saveSubscription(writeFor(channel("c1")), T0);
        expect(result).toEqual({
          subscription: {
            id: expect.any(Number),
            ...channel("c1"),
            time: "09:00",
            timezone: "Europe/London",
            source: "command",
            requestedBy: "admin-1",
            activeSince: T0.toISOString(),
          },
          created: true,
          changed: false,
        });
        expect(await store.findSubscription(channel("c1"))).toEqual(result.subscription);
        expect(await store.listSubscriptions()).toEqual([result.subscription]);
        expect(await store.findSubscription(channel("other"))).toBeUndefined();
      });

      it("GIVEN an active subscription WHEN saved again with the same values THEN nothing is created or changed", async () => {
        const store = await one();
        const first = await store.saveSubscription(writeFor(channel("c1")), T0);
        const again = await store.saveSubscription(writeFor(channel("c1")), at(MINUTE));
        expect(again).toEqual({ subscription: first.subscription, created: false, changed: false });
      });

      it("GIVEN an active subscription WHEN saved with a new time THEN it changes in place and stays active since the first save", async () => {
        const store = await one();
        const first = await store.saveSubscription(writeFor(channel("c1")), T0);
        const moved = await store.saveSubscription(
          writeFor(channel("c1"), { time: "18:30", requestedBy: "admin-2" }),
          at(MINUTE),
        );
        expect(moved.created).toBe(false);
        expect(moved.changed).toBe(true);
        expect(moved.subscription).toEqual({
          ...first.subscription,
          time: "18:30",
          requestedBy: "admin-2",
        });
      });

      it("GIVEN a deactivated subscription WHEN the channel subscribes again THEN it is re-activated with the same id and a new active-since", async () => {
        const store = await one();
        const first = await store.saveSubscription(writeFor(channel("c1")), T0);
        expect(await store.deactivateSubscription(channel("c1"), "command", at(1))).toBe(true);
        expect(await store.findSubscription(channel("c1"))).toBeUndefined();
        expect(await store.listSubscriptions()).toEqual([]);
        const again = await store.saveSubscription(writeFor(channel("c1")), at(MINUTE));
        expect(again.created).toBe(true);
        expect(again.changed).toBe(false);
        expect(again.subscription.id).toBe(first.subscription.id);
        expect(again.subscription.activeSince).toBe(at(MINUTE).toISOString());
      });

      it("GIVEN a command subscription WHEN deactivated as configuration or twice THEN only the matching first call deactivates", async () => {
        const store = await one();
        await store.saveSubscription(writeFor(channel("c1")), T0);
        expect(await store.deactivateSubscription(channel("c1"), "config", at(1))).toBe(false);
        expect(await store.findSubscription(channel("c1"))).toMatchObject({ channelId: "c1" });
        expect(await store.deactivateSubscription(channel("c1"), "command", at(2))).toBe(true);
        expect(await store.deactivateSubscription(channel("c1"), "command", at(3))).toBe(false);
      });

      it("GIVEN several channels WHEN listed THEN only active ones come back, in id order", async () => {
        const store = await one();
        const ids: number[] = [];
        for (const id of ["c3", "c1", "c2"]) {
          ids.push((await store.saveSubscription(writeFor(channel(id)), T0)).subscription.id);
        }
        await store.deactivateSubscription(channel("c1"), "command", at(1));
        const listed = await store.listSubscriptions();
        expect(listed.map((s) => s.channelId)).toEqual(["c3", "c2"]);
        expect(listed.map((s) => s.id)).toEqual([ids[0], ids[2]]);
        expect(ids[0]).toBeLessThan(ids[2] as number);
      });

      it("GIVEN configured and command subscriptions WHEN configuration is pruned THEN only configured channels not kept are deactivated", async () => {
        const store = await one();
        await store.saveSubscription(writeFor(channel("keep"), { source: "config" }), T0);
        await store.saveSubscription(writeFor(channel("drop1"), { source: "config" }), T0);
        await store.saveSubscription(
          writeFor(channel("drop2", "slack"), { source: "config", requestedBy: null }),
          T0,
        );
        await store.saveSubscription(writeFor(channel("mine")), T0);
        // Same channel id on another platform is a different channel: it does not keep "drop2".
        expect(
          await store.pruneConfigSubscriptions([channel("keep"), channel("drop2")], at(1)),
        ).toBe(2);
        const left = (await store.listSubscriptions()).map((s) => s.channelId).sort();
        expect(left).toEqual(["keep", "mine"]);
        expect(await store.pruneConfigSubscriptions([], at(2))).toBe(1);
        expect((await store.listSubscriptions()).map((s) => s.channelId)).toEqual(["mine"]);
      });
    });

    describe("claims", () => {
      it("GIVEN ten claims of one post over two connections at once THEN exactly one wins and owns the row", async () => {
        const [a, b] = await two();
        const { subscription } = await a.saveSubscription(writeFor(channel("c1")), T0);
        const claimers = Array.from({ length: 10 }, (_, i) => ({
          store: i % 2 === 0 ? a : b,
          name: `p${i}`,
        }));
        const results = await Promise.all(
          claimers.map(({ store, name }) =>
            store.claim(subscription.id, DAY, T0, name, at(MINUTE)),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = claimers[results.indexOf(true)]?.name;
        expect(await b.getClaim(subscription.id, DAY)).toEqual({
          subscriptionId: subscription.id,
          localDate: DAY,
          status: "sending",
          attempts: 1,
          partsSent: 0,
          claimedBy: winner,
          claimedAt: T0.toISOString(),
          leaseUntil: at(MINUTE).toISOString(),
          sentAt: null,
          lastError: null,
          nextAttemptAt: null,
        });
      });

      it("GIVEN a claimed post WHEN the next day is claimed THEN that is a separate post", async () => {
        const { a, b, id } = await claimed();
        expect(await b.claim(id, DAY, T0, "p2", at(MINUTE))).toBe(false);
        expect(await b.claim(id, "2026-03-02", T0, "p2", at(MINUTE))).toBe(true);
        expect((await a.getClaim(id, "2026-03-02"))?.claimedBy).toBe("p2");
        expect(await a.getClaim(id, "2026-03-03")).toBeUndefined();
      });

      it("GIVEN a claim WHEN its owner records parts THEN partsSent counts from the first and never goes back", async () => {
        const { a, id } = await claimed();
        expect(await a.markPartSent(id, DAY, "p1", 0)).toBe(true);
        expect((await a.getClaim(id, DAY))?.partsSent).toBe(1);
        expect(await a.markPartSent(id, DAY, "p1", 2)).toBe(true);
        expect(await a.markPartSent(id, DAY, "p1", 1)).toBe(true);
        expect((await a.getClaim(id, DAY))?.partsSent).toBe(3);
      });

      it("GIVEN a claim WHEN another process records a part or renews the lease THEN it is refused and nothing changes", async () => {
        const { b, id } = await claimed();
        expect(await b.markPartSent(id, DAY, "p2", 0)).toBe(false);
        expect(await b.renewLease(id, DAY, "p2", at(10 * MINUTE))).toBe(false);
        expect(await b.getClaim(id, DAY)).toMatchObject({
          partsSent: 0,
          leaseUntil: at(MINUTE).toISOString(),
        });
      });

      it("GIVEN a claim WHEN its owner renews the lease THEN the new lease is stored", async () => {
        const { a, b, id } = await claimed();
        expect(await a.renewLease(id, DAY, "p1", at(5 * MINUTE))).toBe(true);
        expect((await b.getClaim(id, DAY))?.leaseUntil).toBe(at(5 * MINUTE).toISOString());
      });

      it("GIVEN a sending claim WHEN marked sent THEN it is sent with its time and no lease", async () => {
        const { a, id } = await claimed();
        await a.markSent(id, DAY, at(2000));
        expect(await a.getClaim(id, DAY)).toMatchObject({
          status: "sent",
          sentAt: at(2000).toISOString(),
          leaseUntil: null,
          nextAttemptAt: null,
        });
        expect(await a.markPartSent(id, DAY, "p1", 0)).toBe(false);
      });
    });

    describe("leases and interrupted posts", () => {
      it("GIVEN a sending claim WHEN swept before its lease ends THEN nothing is interrupted", async () => {
        const { a, id } = await claimed();
        expect(await a.sweepInterrupted(at(MINUTE - 1))).toEqual([]);
        expect(await a.sweepInterrupted(at(MINUTE))).toEqual([]);
        expect((await a.getClaim(id, DAY))?.status).toBe("sending");
      });

      it("GIVEN a claim made a moment ago whose lease has passed WHEN swept THEN it is interrupted whatever its age, with parts kept", async () => {
        const [a] = await two();
        const { subscription } = await a.saveSubscription(writeFor(channel("c1")), T0);
        // Claimed 2 ms before the sweep: the age of the claim does not matter, only the lease.
        expect(await a.claim(subscription.id, DAY, at(10), "p1", at(11))).toBe(true);
        expect(await a.markPartSent(subscription.id, DAY, "p1", 1)).toBe(true);
        const swept = await a.sweepInterrupted(at(12));
        expect(swept).toEqual([
          expect.objectContaining({
            subscriptionId: subscription.id,
            localDate: DAY,
            status: "interrupted",
            attempts: 1,
            partsSent: 2,
            claimedBy: "p1",
          }),
        ]);
        expect(await a.getClaim(subscription.id, DAY)).toMatchObject({
          status: "interrupted",
          partsSent: 2,
        });
        expect(await a.sweepInterrupted(at(MINUTE))).toEqual([]);
      });

      it("GIVEN an old claim whose lease was renewed WHEN swept THEN it is still sending", async () => {
        const { a, id } = await claimed();
        expect(await a.renewLease(id, DAY, "p1", at(60 * MINUTE))).toBe(true);
        expect(await a.sweepInterrupted(at(30 * MINUTE))).toEqual([]);
        expect((await a.getClaim(id, DAY))?.status).toBe("sending");
      });

      it("GIVEN many expired leases WHEN two connections sweep at once THEN each claim is returned to exactly one of them", async () => {
        const [a, b] = await two();
        const ids: number[] = [];
        for (let i = 0; i < 6; i++) {
          const { subscription } = await a.saveSubscription(writeFor(channel(`c${i}`)), T0);
          await a.claim(subscription.id, DAY, T0, "p1", at(MINUTE));
          ids.push(subscription.id);
        }
        const sweeps = await Promise.all([
          a.sweepInterrupted(at(2 * MINUTE)),
          b.sweepInterrupted(at(2 * MINUTE)),
          a.sweepInterrupted(at(2 * MINUTE)),
          b.sweepInterrupted(at(2 * MINUTE)),
        ]);
        const returned = sweeps.flat().map((claim) => claim.subscriptionId);
        expect(returned.sort((x, y) => x - y)).toEqual(ids);
      });

      it("GIVEN an interrupted claim WHEN the old owner carries on THEN its part, lease and failure are refused", async () => {
        const { a, id } = await claimed();
        await a.sweepInterrupted(at(2 * MINUTE));
        expect(await a.markPartSent(id, DAY, "p1", 0)).toBe(false);
        expect(await a.renewLease(id, DAY, "p1", at(10 * MINUTE))).toBe(false);
        await a.markFailed(id, DAY, { attempts: 1, error: "late", retryAt: at(3 * MINUTE) });
        expect(await a.getClaim(id, DAY)).toMatchObject({
          status: "interrupted",
          partsSent: 0,
          nextAttemptAt: null,
        });
        expect(await a.listDueRetries(at(60 * MINUTE))).toEqual([]);
      });

      it("GIVEN an interrupted claim WHEN ten takeovers race over two connections THEN one wins and resumes with its parts kept", async () => {
        const { a, b, id } = await claimed();
        await a.markPartSent(id, DAY, "p1", 0);
        await b.sweepInterrupted(at(2 * MINUTE));
        const names = Array.from({ length: 10 }, (_, i) => `q${i}`);
        const results = await Promise.all(
          names.map((name, i) =>
            (i % 2 ? a : b).takeInterrupted(id, DAY, at(3 * MINUTE), name, at(4 * MINUTE)),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await a.getClaim(id, DAY)).toMatchObject({
          status: "sending",
          attempts: 2,
          partsSent: 1,
          claimedBy: names[results.indexOf(true)],
          claimedAt: at(3 * MINUTE).toISOString(),
          leaseUntil: at(4 * MINUTE).toISOString(),
        });
        expect(await a.takeInterrupted(id, DAY, at(5 * MINUTE), "late", at(6 * MINUTE))).toBe(
          false,
        );
      });

      it("GIVEN a claim that is not interrupted WHEN taken over THEN it is refused", async () => {
        const { a, id } = await claimed();
        expect(await a.takeInterrupted(id, DAY, at(1), "q1", at(MINUTE))).toBe(false);
        expect((await a.getClaim(id, DAY))?.claimedBy).toBe("p1");
      });

      it("GIVEN an interrupted claim WHEN marked sent THEN it is sent", async () => {
        const { a, id } = await claimed();
        await a.sweepInterrupted(at(2 * MINUTE));
        await a.markSent(id, DAY, at(3 * MINUTE));
        expect(await a.getClaim(id, DAY)).toMatchObject({
          status: "sent",
          sentAt: at(3 * MINUTE).toISOString(),
        });
      });
    });

    describe("failures and retries", () => {
      it("GIVEN a failed send with a retry time WHEN retries are listed THEN it is due only from that time", async () => {
        const { a, id } = await claimed();
        await a.markPartSent(id, DAY, "p1", 0);
        await a.markFailed(id, DAY, { attempts: 1, error: "503", retryAt: at(5 * MINUTE) });
        expect(await a.getClaim(id, DAY)).toMatchObject({
          status: "failed",
          attempts: 1,
          partsSent: 1,
          lastError: "503",
          nextAttemptAt: at(5 * MINUTE).toISOString(),
          leaseUntil: null,
        });
        expect(await a.listDueRetries(at(5 * MINUTE - 1))).toEqual([]);
        expect((await a.listDueRetries(at(5 * MINUTE))).map((c) => c.subscriptionId)).toEqual([id]);
      });

      it("GIVEN several due retries WHEN listed THEN the oldest retry time comes first", async () => {
        const [a] = await two();
        const ids: number[] = [];
        for (const [i, retryIn] of [3, 1, 2].entries()) {
          const { subscription } = await a.saveSubscription(writeFor(channel(`c${i}`)), T0);
          await a.claim(subscription.id, DAY, T0, "p1", at(MINUTE));
          await a.markFailed(subscription.id, DAY, {
            attempts: 1,
            error: "503",
            retryAt: at(retryIn * MINUTE),
          });
          ids.push(subscription.id);
        }
        const due = await a.listDueRetries(at(10 * MINUTE));
        expect(due.map((c) => c.subscriptionId)).toEqual([ids[1], ids[2], ids[0]]);
      });

      it("GIVEN a due retry WHEN ten processes take it at once THEN one wins, with one more attempt and a new lease", async () => {
        const { a, b, id } = await claimed();
        await a.markPartSent(id, DAY, "p1", 1);
        await a.markFailed(id, DAY, { attempts: 1, error: "503", retryAt: at(2 * MINUTE) });
        const names = Array.from({ length: 10 }, (_, i) => `r${i}`);
        const results = await Promise.all(
          names.map((name, i) =>
            (i % 2 ? a : b).takeRetry(id, DAY, 1, at(3 * MINUTE), name, at(4 * MINUTE)),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await b.getClaim(id, DAY)).toMatchObject({
          status: "sending",
          attempts: 2,
          partsSent: 2,
          claimedBy: names[results.indexOf(true)],
          claimedAt: at(3 * MINUTE).toISOString(),
          leaseUntil: at(4 * MINUTE).toISOString(),
          nextAttemptAt: null,
        });
        expect(await a.listDueRetries(at(60 * MINUTE))).toEqual([]);
      });

      it("GIVEN a due retry WHEN taken with a stale attempt count THEN it is refused", async () => {
        const { a, id } = await claimed();
        await a.markFailed(id, DAY, { attempts: 2, error: "503", retryAt: at(2 * MINUTE) });
        expect(await a.takeRetry(id, DAY, 1, at(3 * MINUTE), "r1", at(4 * MINUTE))).toBe(false);
        expect(await a.takeRetry(id, DAY, 2, at(3 * MINUTE), "r1", at(4 * MINUTE))).toBe(true);
      });

      it("GIVEN a failure with no retry time WHEN retries are listed or taken THEN it is given up", async () => {
        const { a, id } = await claimed();
        await a.markFailed(id, DAY, { attempts: 3, error: "gone", retryAt: null });
        expect(await a.getClaim(id, DAY)).toMatchObject({ status: "failed", nextAttemptAt: null });
        expect(await a.listDueRetries(at(24 * 60 * MINUTE))).toEqual([]);
        expect(await a.takeRetry(id, DAY, 3, at(2 * MINUTE), "r1", at(4 * MINUTE))).toBe(false);
      });

      it("GIVEN a sent post WHEN marked failed THEN it stays sent", async () => {
        const { a, id } = await claimed();
        await a.markSent(id, DAY, at(1000));
        await a.markFailed(id, DAY, { attempts: 1, error: "late", retryAt: at(MINUTE) });
        expect(await a.getClaim(id, DAY)).toMatchObject({ status: "sent", lastError: null });
      });
    });

    describe("health and closing", () => {
      it("GIVEN an open store WHEN pinged THEN it resolves", async () => {
        const store = await one();
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it("GIVEN a closed store WHEN used THEN calls reject with store_failed and other connections carry on", async () => {
        const [a, b] = await two();
        await a.saveSubscription(writeFor(channel("c1")), T0);
        await a.close();
        const failure = await a.listSubscriptions().then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(HotlineError);
        expect((failure as HotlineError).code).toBe("store_failed");
        await expect(a.ping()).rejects.toBeInstanceOf(HotlineError);
        expect((await b.listSubscriptions()).map((s) => s.channelId)).toEqual(["c1"]);
      });
    });
  });
}
