/**
 * The one request skeleton every chat door runs: rate limit → context → run the command →
 * render and reply, or apologise. Adapters supply a {@link Door} (how this platform reads,
 * replies and apologises); the order of the steps, the limiter's logging and the failure
 * handling are written here once, so Discord commands, Discord mentions, Slack commands and
 * Slack mentions cannot drift apart.
 */

import type { Logger } from "pino";
import { describeError } from "../errors.js";
import type { Hotline } from "../hotline-api.js";
import { type RateGate, type RateKey, rateLimitMessage } from "./rate-limit.js";
import { type CommandContext, type CommandResult, type Invocation, runCommand } from "./run.js";

/** What every door of one adapter shares. */
export interface HandlerDeps {
  hotline: Hotline;
  /**
   * Absent for doors that are not limited (Slack's share button only repeats an answer). In
   * memory for one process; through the store when several share the limits (its decision is
   * then awaited, and a store failure fails the request: closed, never unlimited).
   */
  limiter?: RateGate | undefined;
  /** The adapter's logger (already carrying its platform field). */
  log: Logger;
  /**
   * Told the outcome of every request (the composition root counts them for `/metrics`);
   * absent: nobody is told. Whatever it throws is logged and never reaches the asker.
   */
  observe?: RequestObserver | undefined;
}

/**
 * What became of one request, for {@link HandlerDeps.observe}. `seconds` runs from the request's
 * arrival to its reply (or failure); `invocation` is the command as typed, so an observer must
 * map `invocation.name` onto known subcommands before using it as a label.
 */
export type RequestOutcome =
  | { kind: "rate_limited"; platform: string; scope: "user" | "channel" }
  /** A redelivered event dropped before it ran (Slack retries, a message seen twice). */
  | { kind: "duplicate"; platform: string }
  | {
      kind: "replied";
      platform: string;
      invocation: Invocation;
      result: CommandResult;
      seconds: number;
    }
  /** Something threw; undefined `invocation` when reading the request failed. */
  | { kind: "failed"; platform: string; invocation: Invocation | undefined; seconds: number };

/** Hears {@link RequestOutcome}s; see {@link HandlerDeps.observe}. */
export type RequestObserver = (outcome: RequestOutcome) => void;

/** Tells the observer, if any; an observer that throws is logged, never propagated. */
export function report(deps: HandlerDeps, outcome: RequestOutcome): void {
  if (!deps.observe) return;
  try {
    deps.observe(outcome);
  } catch (error) {
    deps.log.warn(
      { err: error, ...describeError(error), outcome: outcome.kind },
      `${outcome.platform}: request observer failed`,
    );
  }
}

/** One incoming request on one platform: the platform-specific steps of {@link handleRequest}. */
export interface Door {
  /** The platform prefix of log lines, e.g. `"slack"`. */
  platform: string;
  /**
   * Names the request in logs: `"mention"` gives `"slack: answered mention"` and
   * `"slack: mention failed"`.
   */
  label: string;
  /** Extra fields on the failure log line (interaction id, channel and message ts…). */
  fields: Record<string, unknown>;
  /** The limiter's keys (platform-prefixed) and the plain ids to log on a refusal. */
  rate?: { key: RateKey; user: string; channel: string } | undefined;
  /** Sends the rate-limit notice (at most once per user per window). */
  notifyLimited(text: string): Promise<void>;
  /** The invocation, or undefined when the door answered by itself (e.g. a bare mention). */
  read(): Promise<Invocation | undefined> | Invocation | undefined;
  /** Who asks and where; may also prepare the reply (Discord defers slow commands here). */
  context(invocation: Invocation): Promise<CommandContext> | CommandContext;
  /** Renders the result in the platform's markup and sends it. */
  reply(result: CommandResult, invocation: Invocation): Promise<void>;
  /** Tells the asker something went wrong (details stay in the log). */
  apologise(): Promise<void>;
}

/**
 * The limiter keys of a user in a channel: each joined with ":" (platform first, then any
 * scope such as a workspace, then the id), and the plain ids (the last parts) for the log.
 * E.g. `rateOf(["slack", team, user], ["slack", team, channel])`.
 */
export function rateOf(
  user: readonly string[],
  channel: readonly string[],
): NonNullable<Door["rate"]> {
  return {
    key: { userId: user.join(":"), channelId: channel.join(":") },
    user: user.at(-1) ?? "",
    channel: channel.at(-1) ?? "",
  };
}

/**
 * Runs one request through its door. Never throws: a failure is logged (`<platform>: <label> failed`, with
 * the error's code and message) and the asker gets the door's apology; a failed apology is
 * logged too.
 */
export async function handleRequest(deps: HandlerDeps, door: Door): Promise<void> {
  const { log } = deps;
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  let invocation: Invocation | undefined;
  try {
    if (door.rate && deps.limiter) {
      const decision = await deps.limiter.check(door.rate.key);
      if (!decision.allowed) {
        report(deps, { kind: "rate_limited", platform: door.platform, scope: decision.scope });
        const fields = { user: door.rate.user, channel: door.rate.channel, scope: decision.scope };
        if (decision.notify) {
          log.info(fields, `${door.platform}: rate limited; notice sent`);
          await door.notifyLimited(rateLimitMessage(decision));
        } else {
          log.debug(fields, `${door.platform}: rate limited; event dropped`);
        }
        return;
      }
    }
    invocation = await door.read();
    if (!invocation) return;
    const result = await runCommand(deps.hotline, invocation, await door.context(invocation));
    await door.reply(result, invocation);
    report(deps, {
      kind: "replied",
      platform: door.platform,
      invocation,
      result,
      seconds: seconds(),
    });
    log.info(
      { ...door.fields, command: invocation.name, kind: result.kind },
      `${door.platform}: answered ${door.label}`,
    );
  } catch (error) {
    log.error(
      { err: error, ...describeError(error), ...door.fields },
      `${door.platform}: ${door.label} failed`,
    );
    report(deps, { kind: "failed", platform: door.platform, invocation, seconds: seconds() });
    try {
      await door.apologise();
    } catch (reportError) {
      log.error(
        { err: reportError, ...describeError(reportError), ...door.fields },
        `${door.platform}: could not report a failure`,
      );
    }
  }
}
