/** Opens the subscription store and its service; SQLite is loaded only by the commands that post. */
import type { Config } from "../src/config.js";

/** The store, the subscription service over it, and the scheduler factory. */
export async function openSchedule(config: Config) {
  const { openSqliteStore } = await import("../src/schedule/sqlite-store.js");
  const { createSubscriptionService } = await import("../src/schedule/subscriptions.js");
  const { createScheduler } = await import("../src/schedule/scheduler.js");
  const store = openSqliteStore({ path: config.databasePath });
  const subscriptions = createSubscriptionService({ store, config });
  return { store, subscriptions, createScheduler };
}
