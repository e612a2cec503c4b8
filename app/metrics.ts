/**
 * The process's Prometheus metrics: one prom-client registry and small named recording
 * functions, so the core never imports prom-client. The request runner reports outcomes through
 * {@link Metrics.observe} (a {@link RequestObserver}); scheduled posts are counted by
 * {@link Metrics.recordScheduledPost}, fed by {@link countScheduledPosts} until the scheduler
 * reports outcomes itself.
 *
 * Every label value comes from a fixed set: a command name a user typed that is not a
 * subcommand becomes `unknown`, an unexpected platform `other`, so no input can create new
 * series (and question text never becomes a label).
 */

import type { Logger } from "pino";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { RequestObserver, RequestOutcome } from "../src/commands/handle.js";
import type { CommandResult } from "../src/commands/run.js";
import { findSubcommand, type SubcommandName } from "../src/commands/spec.js";

/** Outcome of one command: the core's reply status, or `error` when something threw. */
export type AnswerStatus = "answered" | "no_answer" | "rejected" | "error";

/** What became of one scheduled post attempt. */
export type ScheduledOutcome = "sent" | "failed" | "retried";

/** The label value of a platform: one of these. */
export type PlatformLabel = "discord" | "slack" | "console" | "other";

/** The label value of a command: a subcommand, or `unknown` for anything else typed. */
export type CommandLabel = SubcommandName | "unknown";

/**
 * Answer-latency buckets in seconds: fine below a second, and 3 s is Slack's acknowledgement
 * limit, so an operator can see how many answers came close to it.
 */
export const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10] as const;

/** The metric names, for dashboards and tests. */
export const METRIC_NAMES = {
  answers: "hotline_answers_total",
  declines: "hotline_declines_total",
  latency: "hotline_answer_duration_seconds",
  scheduledPosts: "hotline_scheduled_posts_total",
  dedupeHits: "hotline_dedupe_hits_total",
  rateLimited: "hotline_rate_limited_total",
} as const;

/** A registry with the bot's metrics and the recording functions. */
export interface Metrics {
  /** The prom-client registry (not the global one, so two instances never share counts). */
  readonly registry: Registry;
  /**
   * Counts one command run by platform, command and status, and observes its latency. A
   * command name not in the spec (whatever the user typed) is counted as `unknown`.
   */
  recordAnswer(platform: string, command: string, status: AnswerStatus, seconds: number): void;
  /** Counts a command the bot refused to carry out (not an admin, posts not enabled, bad time). */
  recordDecline(platform: string, command: string): void;
  /** Counts a request refused by the rate limiter, by which limit (`user` or `channel`). */
  recordRateLimited(platform: string, scope: "user" | "channel"): void;
  /** Counts a redelivered event that was dropped (Slack retries, a message seen twice). */
  recordDedupeHit(platform: string): void;
  /** Counts a scheduled post sent, retried (a failed attempt to be tried again) or failed for good. */
  recordScheduledPost(outcome: ScheduledOutcome): void;
  /** The request runner's observer: records each {@link RequestOutcome} with the functions above. */
  readonly observe: RequestObserver;
  /** The exposition text and its content type, for `GET /metrics`. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

/** Options of {@link createMetrics}. */
export interface MetricsOptions {
  /** Also collect prom-client's default process and Node.js metrics. Default true. */
  processMetrics?: boolean;
}

/** The platform label of `platform`; anything unexpected is `other`. */
export function platformLabel(platform: string): PlatformLabel {
  return platform === "discord" || platform === "slack" || platform === "console"
    ? platform
    : "other";
}

/** The command label of a typed command name: its subcommand (any case), else `unknown`. */
export function commandLabel(name: string): CommandLabel {
  return findSubcommand(name)?.name ?? "unknown";
}

/** The status of a result: an answer's own status; a refusal notice is `rejected`. */
export function statusOf(result: CommandResult): AnswerStatus {
  if (result.kind === "answer") return result.reply.status;
  return isDecline(result) ? "rejected" : "answered";
}

/** A refusal: the runner answered with an error notice instead of doing what was asked. */
function isDecline(result: CommandResult): boolean {
  return result.kind === "notice" && result.tone === "error";
}

/** Creates a registry with the bot's metrics (and, by default, the process metrics). */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const answers = new Counter({
    name: METRIC_NAMES.answers,
    help: "Commands run, by platform, command and status (answered, no_answer, rejected, error).",
    labelNames: ["platform", "command", "status"] as const,
    registers,
  });
  const declines = new Counter({
    name: METRIC_NAMES.declines,
    help: "Commands refused (not an admin, posts not enabled, a bad time or timezone).",
    labelNames: ["platform", "command"] as const,
    registers,
  });
  const latency = new Histogram({
    name: METRIC_NAMES.latency,
    help: "Seconds from a request's arrival to its reply being sent (or failing), by command.",
    labelNames: ["platform", "command"] as const,
    buckets: [...LATENCY_BUCKETS],
    registers,
  });
  const scheduledPosts = new Counter({
    name: METRIC_NAMES.scheduledPosts,
    help: "On-this-day post attempts: sent, retried (failed, to be tried again) or failed for good.",
    labelNames: ["outcome"] as const,
    registers,
  });
  const dedupeHits = new Counter({
    name: METRIC_NAMES.dedupeHits,
    help: "Redelivered events dropped instead of answered twice.",
    labelNames: ["platform"] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: METRIC_NAMES.rateLimited,
    help: "Requests refused by the per-user or per-channel rate limit.",
    labelNames: ["platform", "scope"] as const,
    registers,
  });

  const metrics: Metrics = {
    registry,
    recordAnswer(platform, command, status, seconds) {
      const labels = { platform: platformLabel(platform), command: commandLabel(command) };
      answers.inc({ ...labels, status });
      latency.observe(labels, seconds);
    },
    recordDecline(platform, command) {
      declines.inc({ platform: platformLabel(platform), command: commandLabel(command) });
    },
    recordRateLimited(platform, scope) {
      rateLimited.inc({ platform: platformLabel(platform), scope });
    },
    recordDedupeHit(platform) {
      dedupeHits.inc({ platform: platformLabel(platform) });
    },
    recordScheduledPost(outcome) {
      scheduledPosts.inc({ outcome });
    },
    observe: (outcome) => record(metrics, outcome),
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
  return metrics;
}

function record(metrics: Metrics, outcome: RequestOutcome): void {
  switch (outcome.kind) {
    case "rate_limited":
      metrics.recordRateLimited(outcome.platform, outcome.scope);
      return;
    case "duplicate":
      metrics.recordDedupeHit(outcome.platform);
      return;
    case "replied": {
      const { platform, invocation, result, seconds } = outcome;
      metrics.recordAnswer(platform, invocation.name, statusOf(result), seconds);
      if (isDecline(result)) metrics.recordDecline(platform, invocation.name);
      return;
    }
    case "failed":
      metrics.recordAnswer(
        outcome.platform,
        outcome.invocation?.name ?? "",
        "error",
        outcome.seconds,
      );
      return;
  }
}

/** The logger the scheduler takes. */
type SchedulerLog = Pick<Logger, "debug" | "info" | "warn" | "error">;

/**
 * The scheduler's log lines that are post outcomes. A bridge until the scheduler reports
 * outcomes itself: the test of {@link countScheduledPosts} runs the real scheduler, so a
 * changed message fails it.
 */
const SCHEDULED_OUTCOMES: ReadonlyMap<unknown, ScheduledOutcome> = new Map([
  ["on-this-day: posted", "sent"],
  ["on-this-day: post failed; will retry", "retried"],
  ["on-this-day: post failed; giving up", "failed"],
  ["on-this-day: post lost, day ended", "failed"],
]);

/**
 * Wraps the scheduler's logger so its outcome lines are also counted with `record` (e.g.
 * `metrics.recordScheduledPost`); every line still reaches `logger` unchanged.
 */
export function countScheduledPosts(
  logger: SchedulerLog,
  record: (outcome: ScheduledOutcome) => void,
): SchedulerLog {
  const watch = <L extends keyof SchedulerLog>(level: L): SchedulerLog[L] =>
    ((...args: unknown[]) => {
      // pino's call shapes: (message) or (fields, message).
      const message = typeof args[0] === "string" ? args[0] : args[1];
      const outcome = SCHEDULED_OUTCOMES.get(message);
      if (outcome) record(outcome);
      (logger[level] as (...a: unknown[]) => void).apply(logger, args);
    }) as SchedulerLog[L];
  return { debug: watch("debug"), info: watch("info"), warn: watch("warn"), error: watch("error") };
}
