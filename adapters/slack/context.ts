/**
 * Who asks on Slack and where: the command context for a request, with admin rights looked up
 * only for admin commands, and answers paced at one per event-loop turn.
 */

import type { App } from "@slack/bolt";
import type { Logger } from "pino";
import type { CommandContext, CommandResult, Invocation } from "../../src/commands/run.js";
import { findSubcommand } from "../../src/commands/spec.js";
import type { Config } from "../../src/config.js";
import { describeError } from "../../src/errors.js";
import { localDateTime } from "../../src/schedule/local-time.js";
import type { SubscriptionService } from "../../src/schedule/types.js";

/** Who is asking: enough to decide admin rights. */
export interface SlackUser {
  userId: string;
  teamId: string;
}

/** A command context that also says whether the admin lookup failed. */
export interface SlackCommandContext extends CommandContext {
  /** `users.info` failed: `isAdmin` is false (fail closed) and the refusal should say why. */
  adminLookupFailed: boolean;
}

/** Builds the context of one request; waits for the request's turn first. */
export type SlackContext = (
  invocation: Invocation,
  user: SlackUser,
  channelId: string,
) => Promise<SlackCommandContext>;

/** What an admin command says when Slack could not tell whether the user is an admin. */
export const ADMIN_LOOKUP_FAILED_MESSAGE =
  "Slack did not say whether you are an admin (the lookup failed), so nothing was changed; try again in a minute.";

/**
 * The result to show: a refused admin command whose admin lookup failed says so, rather than
 * "only admins…", which would be wrong for an admin. Any other result is returned as it is.
 */
export function explainRefusal(
  result: CommandResult,
  context: SlackCommandContext | undefined,
): CommandResult {
  // With the lookup failed, isAdmin is false, so an error notice here is the refusal.
  if (!context?.adminLookupFailed || result.kind !== "notice" || result.tone !== "error") {
    return result;
  }
  return { ...result, message: ADMIN_LOOKUP_FAILED_MESSAGE };
}

/** What {@link createSlackContext} needs. */
export interface SlackContextOptions {
  app: App;
  config: Config;
  log: Logger;
  now: () => Date;
  subscriptions?: SubscriptionService | undefined;
  /** Overrides the admin lookup (see `StartSlackOptions.isAdmin`). */
  isAdmin?: ((user: SlackUser) => boolean | Promise<boolean>) | undefined;
}

/**
 * Waits for this answer's turn: at most one answer per event-loop turn. Searching is
 * synchronous, so under a burst a batch of answers computed back to back would hold up the
 * reading and acknowledging of new requests (Slack's 3-second deadline) for the whole batch;
 * one per turn lets the loop accept and acknowledge requests between answers.
 */
function createAnswerTurns(): () => Promise<void> {
  const waiting: (() => void)[] = [];
  const schedule = () =>
    setImmediate(() => {
      waiting.shift()?.();
      if (waiting.length > 0) schedule();
    });
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length === 1) schedule();
    });
}

/**
 * The context builder. Admin rights: `options.isAdmin` when given (if it throws, the request
 * fails and the asker gets the apology), else ids in `config.slack.adminUserIds`, then
 * workspace admins and owners according to `users.info`. A failed lookup (a Slack error, a
 * timeout) fails closed: not an admin, with `adminLookupFailed` set.
 */
export function createSlackContext(options: SlackContextOptions): SlackContext {
  const { app, config, log, now } = options;
  const answerTurn = createAnswerTurns();
  const lookUp = async (user: SlackUser): Promise<{ admin: boolean; failed: boolean }> => {
    if (options.isAdmin) return { admin: (await options.isAdmin(user)) === true, failed: false };
    if (config.slack?.adminUserIds.includes(user.userId)) return { admin: true, failed: false };
    try {
      const info = await app.client.users.info({ user: user.userId });
      return { admin: info.user?.is_admin === true || info.user?.is_owner === true, failed: false };
    } catch (error) {
      log.warn(
        { err: describeError(error), user: user.userId },
        "slack: users.info failed; admin command refused",
      );
      return { admin: false, failed: true };
    }
  };
  return async (invocation, user, channelId) => {
    await answerTurn();
    const rights =
      findSubcommand(invocation.name)?.admin === true
        ? await lookUp(user)
        : { admin: false, failed: false };
    return {
      channel: { platform: "slack", workspaceId: user.teamId, channelId },
      userId: user.userId,
      isAdmin: rights.admin,
      adminLookupFailed: rights.failed,
      subscriptions: options.subscriptions,
      today: localDateTime(now(), config.timezone).date,
    };
  };
}
