/**
 * Opens the subscription store and its service: PostgreSQL when `DATABASE_URL` is set (several
 * processes share it), else SQLite (one machine). The store modules are loaded only by the
 * commands that post.
 */
import type { Config } from "../src/config.js";
import type { ScheduleStore, SharedState } from "../src/schedule/store.js";

/** What {@link openSchedule} opens. */
export interface OpenedSchedule {
  store: ScheduleStore;
  /**
   * The state processes must share (Slack dedupe, seen signatures, rate-limit windows): the
   * PostgreSQL store itself, or an in-memory one for SQLite, whose one process needs no more.
   */
  shared: SharedState;
  /** True when `shared` lives in PostgreSQL, i.e. other processes may share it. */
  distributed: boolean;
  subscriptions: Awaited<
    ReturnType<typeof import("../src/schedule/subscriptions.js").createSubscriptionService>
  >;
  createScheduler: typeof import("../src/schedule/scheduler.js").createScheduler;
}

/**
 * Opens the store of `config`: `openPgStore` (one pool for the process, schema
 * `config.databaseSchema`) when `config.databaseUrl` is set, else the SQLite file at
 * `config.databasePath`. Rejects with `store_failed` when the database cannot be opened, and
 * closes the store again when the subscription service cannot start (a bad ONTHISDAY_CHANNELS).
 */
export async function openSchedule(config: Config): Promise<OpenedSchedule> {
  const { createSubscriptionService } = await import("../src/schedule/subscriptions.js");
  const { createScheduler } = await import("../src/schedule/scheduler.js");
  let store: ScheduleStore;
  let shared: SharedState;
  if (config.databaseUrl) {
    const { openPgStore } = await import("../src/schedule/pg-store.js");
    const pg = await openPgStore({ url: config.databaseUrl, schema: config.databaseSchema });
    store = pg;
    shared = pg;
  } else {
    const { openSqliteStore } = await import("../src/schedule/sqlite-store.js");
    const { createMemorySharedState } = await import("../src/schedule/memory-shared-state.js");
    store = openSqliteStore({ path: config.databasePath });
    // The bound docs/security.md gives for Slack's seen keys in one process (about 8 MB).
    shared = createMemorySharedState({ maxEntries: 50_000 });
  }
  try {
    const subscriptions = await createSubscriptionService({ store, config });
    return {
      store,
      shared,
      distributed: config.databaseUrl !== undefined,
      subscriptions,
      createScheduler,
    };
  } catch (error) {
    // A bad ONTHISDAY_CHANNELS stops the start; the database must not stay open behind it.
    await store.close();
    throw error;
  }
}
