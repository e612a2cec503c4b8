/**
 * The composition root: config → core → store → scheduler → the enabled platform adapters,
 * and back down on shutdown; SIGHUP reloads the corpus under everything. With no platform
 * configured it runs the console instead (`console-bot.ts`).
 */
import type { Logger } from "pino";
import type { Config } from "../src/config.js";
import { describeError } from "../src/errors.js";
import { loadHotline } from "../src/hotline.js";
import { createLogger } from "../src/log.js";
import {
  createReloadableHotline,
  loadHotlineYielding,
  type ReloadableHotline,
  type ReloadResult,
} from "../src/reload.js";
import type { ScheduleStore } from "../src/schedule/store.js";
import type { PostSender } from "../src/schedule/types.js";
import { defaultSnapshotPath } from "../src/snapshot.js";
import { type AdapterFactory, enabledAdapters, type PlatformAdapter } from "./adapters.js";
import { runConsoleBot } from "./console-bot.js";
import { countScheduledPosts, createMetrics, type Metrics } from "./metrics.js";
import {
  type HealthCheck,
  healthRoute,
  type MetricsServer,
  metricsRoute,
  startMetricsServer,
} from "./metrics-server.js";
import { rateLimiterOver, seenKeysOver, startSharedCleanup } from "./shared-state.js";
import { openSchedule } from "./store.js";

/** How long shutdown waits for in-flight work before exiting anyway. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

/** Options of {@link startApp}. */
export interface AppOptions {
  config: Config;
  corpusDir: string;
  logger: Logger;
  /** The adapters to run; default: those `config` enables ({@link enabledAdapters}). */
  adapters?: AdapterFactory[] | undefined;
  /** Set in the children of a sharded Discord bot: run only this shard's Discord client. */
  discordShard?: boolean | undefined;
  /**
   * What `/healthz` checks; failing, it answers 503. Default: that the store answers
   * ({@link storeHealth}), so a database that cannot be reached makes the process unhealthy.
   */
  health?: HealthCheck | undefined;
  /** How often expired shared state is deleted, in milliseconds; default every minute. */
  cleanupIntervalMs?: number | undefined;
}

/** A running bot. */
export interface RunningApp {
  hotline: ReloadableHotline;
  /** The started adapters, in start order. */
  adapters: PlatformAdapter[];
  /** This process's metrics, as `GET /metrics` serves them. */
  metrics: Metrics;
  /** The port `/metrics` is served on when `METRICS_PORT` is set (useful with 0); else undefined. */
  metricsPort: number | undefined;
  /** Re-reads the corpus; a bad corpus keeps the previous one (logged). Never rejects. */
  reload(): Promise<ReloadResult>;
  /** Stops taking events, then lets the scheduler finish its sends, then closes the store. */
  stop(): Promise<void>;
}

/**
 * Loads the corpus behind a holder, so a reload swaps it under the adapters and scheduler. The
 * first load uses the snapshot; a reload builds without holding the event loop (the bot keeps
 * answering from the old corpus meanwhile) and logs one line per outcome.
 */
function reloadableCorpus(config: Config, corpusDir: string, logger: Logger): ReloadableHotline {
  const maxFileBytes = config.corpusMaxFileBytes;
  return createReloadableHotline(
    () =>
      loadHotline({
        corpusDir,
        snapshotPath: defaultSnapshotPath(corpusDir, config.cacheDir),
        maxFileBytes,
        onSnapshot: (event) => logger.debug({ snapshot: event }, "corpus snapshot"),
      }),
    (result) => {
      if (result.ok) {
        logger.info({ corpusDir }, "corpus reloaded");
        return;
      }
      // One line per file the loader would not read (a FIFO, a link out, a file over the limit).
      for (const { path, reason } of result.refused) {
        logger.warn({ file: path, reason }, "corpus file refused");
      }
      logger.error(
        { corpusDir, err: result.error },
        "corpus reload failed; still serving the previous corpus",
      );
    },
    () => loadHotlineYielding(corpusDir, { maxFileBytes }),
  );
}

/**
 * Starts the store, the metrics server (when `METRICS_PORT` is set), the adapters and the
 * scheduler. When something fails to start, what already started is stopped and the store is
 * closed before the error propagates.
 *
 * `/metrics` is served on `METRICS_PORT` when it is set, else by Slack's HTTP receiver on
 * `PORT` in Slack HTTP mode, else not at all. `/healthz` is served on both ports. Discord shard
 * children serve no port of their own (they would all bind the same one).
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, corpusDir, logger } = options;
  const hotline = reloadableCorpus(config, corpusDir, logger);
  const metrics = createMetrics();
  const { store, shared, distributed, subscriptions, createScheduler } = await openSchedule(config);
  const health = healthRoute({ check: options.health ?? storeHealth(store), log: logger });
  const served = [metricsRoute(metrics, logger), health];
  // Several processes share the limits only through the store; one process keeps the
  // adapters' own sliding-window limiter (undefined here).
  const rateLimiter = distributed ? rateLimiterOver(shared, config) : undefined;
  const seenKeys = seenKeysOver(shared);
  const stopCleanup = startSharedCleanup(shared, logger, options.cleanupIntervalMs);
  const factories = options.adapters ?? enabledAdapters(config, options.discordShard ?? false);
  const adapters: PlatformAdapter[] = [];
  let metricsServer: MetricsServer | undefined;
  try {
    if (config.metrics && !options.discordShard) {
      metricsServer = await startMetricsServer({ ...config.metrics, routes: served, log: logger });
    }
    // With METRICS_PORT set the operator chose where metrics go: keep them off the public port.
    const routes = config.metrics ? [health] : served;
    for (const factory of factories) {
      const adapter = factory({
        config,
        hotline,
        logger,
        subscriptions,
        observe: metrics.observe,
        routes,
        seenKeys,
        rateLimiter,
      });
      adapters.push(adapter);
      await adapter.start();
    }
  } catch (error) {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await metricsServer?.stop();
    stopCleanup();
    await store.close();
    throw error;
  }
  const senders = adapters.map((a) => a.sender()).filter((s): s is PostSender => s !== undefined);
  const scheduler = createScheduler({
    store,
    hotline,
    senders,
    // Counts posts from the scheduler's outcome log lines until it reports them itself.
    logger: countScheduledPosts(logger, metrics.recordScheduledPost),
  });
  await scheduler.start();
  logger.info(
    {
      platforms: adapters.map((a) => a.name),
      // Never the URL: it may hold a password.
      database: distributed ? `postgresql (schema ${config.databaseSchema})` : config.databasePath,
    },
    "hotline is running",
  );
  let stopping: Promise<void> | undefined;
  return {
    hotline,
    adapters,
    metrics,
    metricsPort: metricsServer?.port,
    reload: () => hotline.reload(),
    stop() {
      stopping ??= Promise.allSettled(adapters.map((a) => a.stop()))
        .then(() => scheduler.stop())
        .then(() => stopCleanup())
        .then(() => store.close())
        .finally(() => metricsServer?.stop());
      return stopping;
    },
  };
}

/**
 * The default `/healthz` check: the store answers a query now. A rejection becomes
 * `ok: false` with the store's one-line message (it names the database without its password).
 */
export function storeHealth(store: Pick<ScheduleStore, "ping">): HealthCheck {
  return async () => {
    try {
      await store.ping();
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: `store unreachable: ${describeError(error).message}` };
    }
  };
}

/** `hotline start`: runs until SIGTERM or SIGINT; resolves with the exit code. */
export async function start(
  config: Config,
  corpusDir: string,
  flags: { discordShard?: boolean | undefined } = {},
): Promise<number> {
  const logger = createLogger(config.logLevel);
  if (!config.discord && !config.slack) {
    logger.debug("no Discord or Slack credentials: running the console");
    return runConsoleBot(config, reloadableCorpus(config, corpusDir, logger), logger);
  }
  guardProcess(logger);
  let app: RunningApp;
  try {
    app = await startApp({ config, corpusDir, logger, discordShard: flags.discordShard });
  } catch (error) {
    // A shard child must still exit (see below), so its manager sees the failure.
    if (flags.discordShard && process.connected) process.disconnect();
    throw error;
  }
  const reload = () => {
    logger.info({ corpusDir }, "SIGHUP: reloading the corpus");
    void app.reload();
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
      app
        .stop()
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
  // A shard child's IPC channel to its ShardingManager would keep this process alive forever
  // (and the parent waiting for it): close it once everything has stopped.
  if (flags.discordShard && process.connected) process.disconnect();
  logger.info("stopped");
  return 0;
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
