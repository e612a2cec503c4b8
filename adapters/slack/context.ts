/**
 * Who asks on Slack and where: the command context for a request, with admin rights looked up
 * only for admin commands, and answers paced at one per event-loop turn.
 */

import type { App } from "@slack/bolt";
import type { Logger } from "pino";
import type { CommandContext, Invocation } from "../../src/commands/run.js";
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

/** Builds the context of one request; waits for the request's turn first. */
export type SlackContext = (
  invocation: Invocation,
  user: SlackUser,
  channelId: string,
) => Promise<CommandContext>;

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
 * The context builder. Admin rights: `options.isAdmin` when given, else ids in
 * `config.slack.adminUserIds`, then workspace admins and owners according to `users.info`
 * (a failed lookup means "no").
 */
export function createSlackContext(options: SlackContextOptions): SlackContext {
  const { app, config, log, now } = options;
  const answerTurn = createAnswerTurns();
  const isAdmin = async (user: SlackUser): Promise<boolean> => {
    if (options.isAdmin) return options.isAdmin(user);
    if (config.slack?.adminUserIds.includes(user.userId)) return true;
    try {
      const info = await app.client.users.info({ user: user.userId });
      return Boolean(info.user?.is_admin || info.user?.is_owner);
    } catch (error) {
      log.warn(
        { err: describeError(error), user: user.userId },
        "slack: users.info failed; treating user as non-admin",
      );
      return false;
    }
  };
  return async (invocation, user, channelId) => {
    await answerTurn();
    const admin = findSubcommand(invocation.name)?.admin === true ? await isAdmin(user) : false;
    return {
      channel: { platform: "slack", workspaceId: user.teamId, channelId },
      userId: user.userId,
      isAdmin: admin,
      subscriptions: options.subscriptions,
      today: localDateTime(now(), config.timezone).date,
    };
  };
}
