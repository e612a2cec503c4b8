/**
 * `hotline start`: the bot's main job. With Discord and/or Slack credentials it connects those
 * platforms and runs the on-this-day scheduler; with none it runs the console. Platform
 * libraries and SQLite are imported here only, so the other commands start fast.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import type { Config } from "../../src/config.js";
import { describeError } from "../../src/errors.js";
import { loadHotline } from "../../src/hotline.js";
import type { Hotline } from "../../src/hotline-api.js";
import { createLogger } from "../../src/log.js";
import { createReloadableHotline } from "../../src/reload.js";
import type { PostSender } from "../../src/schedule/types.js";
import { defaultSnapshotPath } from "../../src/snapshot.js";
import { createConsoleSender, runConsole } from "./console.js";
import { todayIn, UsageError } from "./main.js";

/** How long shutdown waits for in-flight work before exiting anyway. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

/** Options of {@link start}. */
export interface StartFlags {
  /** Set in the children of a sharded Discord bot: run only this shard's Discord client. */
  discordShard?: boolean | undefined;
}

/** `hotline start`: resolves with the exit code once the bot has stopped. */
export async function start(
  config: Config,
  corpusDir: string,
  flags: StartFlags = {},
): Promise<number> {
  const logger = createLogger(config.logLevel);
  // Adapters and the scheduler hold this holder, so SIGHUP swaps the corpus under them.
  const hotline = createReloadableHotline(
    () =>
      loadHotline({
        corpusDir,
        snapshotPath: defaultSnapshotPath(corpusDir),
        onSnapshot: (event) => logger.debug({ snapshot: event }, "corpus snapshot"),
      }),
    (result) => {
      if (result.ok) logger.info({ corpusDir }, "corpus reloaded");
      else
        logger.error(
          { corpusDir, err: result.error },
          "corpus reload failed; still serving the previous corpus",
        );
    },
  );
  if (!config.discord && !config.slack) {
    logger.debug("no Discord or Slack credentials: running the console");
    return runConsoleBot(config, hotline, logger);
  }
  guardProcess(logger);
  const stops: (() => Promise<void>)[] = [];
  const { openSqliteStore } = await import("../../src/schedule/sqlite-store.js");
  const { createSubscriptionService } = await import("../../src/schedule/subscriptions.js");
  const { createScheduler } = await import("../../src/schedule/scheduler.js");
  const store = openSqliteStore({ path: config.databasePath });
  const subscriptions = createSubscriptionService({ store, config });
  const senders: PostSender[] = [];
  try {
    await startPlatforms(config, hotline, logger, subscriptions, senders, stops, flags);
  } catch (error) {
    await Promise.allSettled(stops.map((stop) => stop()));
    store.close();
    throw error;
  }
  const scheduler = createScheduler({ store, hotline, senders, logger });
  await scheduler.start();
  logger.info(
    { platforms: senders.map((s) => s.platform), database: config.databasePath },
    "hotline is running",
  );

  const reload = () => {
    logger.info({ corpusDir }, "SIGHUP: reloading the corpus");
    hotline.reload();
  };
  process.on("SIGHUP", reload);

  await new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      process.off("SIGHUP", reload);
      logger.info({ signal }, "shutting down");
      const timer = setTimeout(() => {
        logger.warn("shutdown timed out; exiting");
        resolve();
      }, SHUTDOWN_TIMEOUT_MS);
      timer.unref();
      // Stop taking events first, then let the scheduler finish its sends, then close the store.
      Promise.allSettled(stops.map((stop) => stop()))
        .then(() => scheduler.stop())
        .then(() => store.close())
        .catch((error: unknown) =>
          logger.error({ err: describeError(error) }, "error during shutdown"),
        )
        .finally(() => {
          clearTimeout(timer);
          resolve();
        });
    };
    process.once("SIGTERM", shutdown);
    process.once("SIGINT", shutdown);
  });
  logger.info("stopped");
  return 0;
}

/**
 * The console as the bot. At an interactive prompt it also runs the on-this-day scheduler, so
 * `subscribe HH:MM zone` prints the day's post in the terminal at that time; piped input is
 * answered line by line with no database opened.
 */
async function runConsoleBot(config: Config, hotline: Hotline, logger: Logger): Promise<number> {
  const today = () => todayIn(config.timezone);
  if (!process.stdin.isTTY) {
    await runConsole({ hotline, input: process.stdin, output: process.stdout, today });
    return 0;
  }
  const { openSqliteStore } = await import("../../src/schedule/sqlite-store.js");
  const { createSubscriptionService } = await import("../../src/schedule/subscriptions.js");
  const { createScheduler } = await import("../../src/schedule/scheduler.js");
  const store = openSqliteStore({ path: config.databasePath });
  const subscriptions = createSubscriptionService({ store, config });
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
    store.close();
  }
  return 0;
}

async function startPlatforms(
  config: Config,
  hotline: Hotline,
  logger: Logger,
  subscriptions: import("../../src/schedule/types.js").SubscriptionService,
  senders: PostSender[],
  stops: (() => Promise<void>)[],
  flags: StartFlags,
): Promise<void> {
  if (config.discord) {
    if (config.discord.shards && !flags.discordShard) {
      const { startShards } = await import("../discord/shard.js");
      const script = join(
        dirname(fileURLToPath(import.meta.url)),
        "..",
        "..",
        "..",
        "bin",
        "hotline.js",
      );
      const shards = await startShards({
        script,
        args: ["start", "--discord-shard"],
        config,
        logger,
      });
      stops.push(() => shards.stop());
    } else {
      const { startDiscord } = await import("../discord/bot.js");
      const bot = await startDiscord({ hotline, config, logger, subscriptions });
      senders.push(bot.sender);
      stops.push(() => bot.stop());
    }
  }
  // Shard children run Discord only; the parent process serves Slack.
  if (config.slack && !flags.discordShard) {
    const { startSlack } = await import("../slack/app.js");
    const slack = await startSlack({ hotline, config, logger, subscriptions });
    senders.push(slack.sender);
    stops.push(() => slack.stop());
  }
}

/** One bad event must not take the process down: log what escaped every handler. */
function guardProcess(logger: Logger): void {
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: describeError(reason) }, "unhandled promise rejection");
  });
  process.on("uncaughtException", (error) => {
    logger.error({ err: describeError(error) }, "uncaught exception");
  });
}

/** `hotline discord register [--guild ID]`. */
export async function discordCommand(
  positionals: string[],
  values: { guild?: string | undefined },
  config: Config,
  print: (text: string) => void,
): Promise<number> {
  if (positionals[0] !== "register") throw new UsageError('discord takes "register [--guild ID]"');
  if (!config.discord) throw new UsageError("set DISCORD_TOKEN and DISCORD_APPLICATION_ID first");
  const { registerCommands } = await import("../discord/register.js");
  const result = await registerCommands({
    token: config.discord.token,
    applicationId: config.discord.applicationId,
    apiUrl: config.discord.apiUrl,
    guildId: values.guild,
  });
  print(
    `registered /${result.names.join(", /")} ${result.scope === "guild" ? `in server ${values.guild} (available now)` : "globally (may take up to an hour to appear)"}`,
  );
  return 0;
}
