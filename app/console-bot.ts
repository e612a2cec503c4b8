/**
 * The console as the bot, for `hotline start` with no platform configured. At an interactive
 * prompt it also runs the on-this-day scheduler, so `subscribe HH:MM zone` prints the day's
 * post in the terminal at that time; piped input is answered line by line with no database.
 */
import type { Logger } from "pino";
import { createConsoleSender, runConsole } from "../adapters/cli/console.js";
import type { Config } from "../src/config.js";
import type { Hotline } from "../src/hotline-api.js";
import { localDateTime } from "../src/schedule/local-time.js";
import { openSchedule } from "./store.js";

/** Runs the console until end of input; resolves with the exit code. */
export async function runConsoleBot(
  config: Config,
  hotline: Hotline,
  logger: Logger,
): Promise<number> {
  const today = () => localDateTime(new Date(), config.timezone).date;
  if (!process.stdin.isTTY) {
    await runConsole({ hotline, input: process.stdin, output: process.stdout, today });
    return 0;
  }
  const { store, subscriptions, createScheduler } = await openSchedule(config);
  const scheduler = createScheduler({
    store,
    hotline,
    senders: [createConsoleSender(process.stdout)],
    logger,
  });
  await scheduler.start();
  try {
    await runConsole({
      hotline,
      input: process.stdin,
      output: process.stdout,
      today,
      subscriptions,
    });
  } finally {
    await scheduler.stop();
    await store.close();
  }
  return 0;
}
