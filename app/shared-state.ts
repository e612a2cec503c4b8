/**
 * Glue between the store's {@link SharedState} and what the adapters take: Slack's
 * {@link SeenKeys}, the rate limiter, and the periodic cleanup that keeps the shared tables
 * bounded. With PostgreSQL every process sees the same keys and windows; with SQLite the state
 * is in memory (one process).
 */
import type { Logger } from "pino";
import type { SeenKeys } from "../adapters/slack/seen-keys.js";
import type { RateGate } from "../src/commands/rate-limit.js";
import { createSharedRateLimiter } from "../src/commands/shared-rate-limit.js";
import type { Config } from "../src/config.js";
import { describeError } from "../src/errors.js";
import type { SharedState } from "../src/schedule/store.js";

/** How often expired seen keys and rate windows are deleted: every minute. */
export const CLEANUP_INTERVAL_MS = 60_000;

/** Slack's seen keys (event ids, message keys, request signatures) over `shared`. */
export function seenKeysOver(shared: SharedState, now: () => Date = () => new Date()): SeenKeys {
  return { firstSeen: (key, ttlMs) => shared.firstSeen(key, ttlMs, now()) };
}

/** The per-user and per-channel limits of `config.rateLimit`, counted in `shared`. */
export function rateLimiterOver(
  shared: SharedState,
  config: Pick<Config, "rateLimit">,
  now: () => number = Date.now,
): RateGate {
  return createSharedRateLimiter({ state: shared, ...config.rateLimit, now });
}

/**
 * Runs `shared.cleanup` every `intervalMs` (default {@link CLEANUP_INTERVAL_MS}) on an unref'd
 * timer, so it never keeps the process alive. A failed cleanup (the database is down) is logged
 * as a warning and tried again next time; a cleanup still running is not started twice.
 * Returns the function that stops it.
 */
export function startSharedCleanup(
  shared: SharedState,
  logger: Pick<Logger, "debug" | "warn">,
  intervalMs = CLEANUP_INTERVAL_MS,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    shared
      .cleanup(new Date())
      .then(
        (removed) => logger.debug({ removed }, "shared state: expired entries removed"),
        (error: unknown) =>
          logger.warn(
            { err: describeError(error) },
            "shared state: cleanup failed; retrying later",
          ),
      )
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
