/** Opens the subscription store and its service; SQLite is loaded only by the commands that post. */
import type { Config } from "../src/config.js";

/** The store, the subscription service over it, and the scheduler factory. */
export async function openSchedule(config: Config) {
  const { openSqliteStore } = await import("../src/schedule/sqlite-store.js");
  const { createSubscriptionService } = await import("../src/schedule/subscriptions.js");
  const { createScheduler } = await import("../src/schedule/scheduler.js");
  const store = openSqliteStore({ path: config.databasePath });
  let subscriptions: Awaited<ReturnType<typeof createSubscriptionService>>;
  try {
    subscriptions = await createSubscriptionService({ store, config });
  } catch (error) {
    // A bad ONTHISDAY_CHANNELS stops the start; the file must not stay open behind it.
    await store.close();
    throw error;
  }
  return { store, subscriptions, createScheduler };
}
