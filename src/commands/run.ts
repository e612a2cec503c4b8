/**
 * Runs one `/hotline` invocation against the core and returns a platform-neutral result.
 * Adapters turn their event into an {@link Invocation}, call {@link runCommand}, and render the
 * {@link CommandResult}; permission checks and input limits happen here, once for every platform.
 */

import type { Hotline } from "../hotline-api.js";
import type { DayDigest, Reply, SourceSummary, TimelineEvent } from "../model.js";
import type { ChannelRef, SubscriptionService } from "../schedule/types.js";
import { findSubcommand, helpLines, readArguments, type SubcommandName } from "./spec.js";

/** One command as typed by a user, already split into subcommand and options. */
export interface Invocation {
  /** Subcommand name as typed; unknown names produce help. */
  name: string;
  /** Option values by option name (`event`, `question`, `hide`, `time`, `timezone`). */
  options: Record<string, string | boolean | undefined>;
}

/** Who runs the command and where. */
export interface CommandContext {
  channel: ChannelRef;
  userId: string;
  /** The platform said this user may run admin commands (checked again here). */
  isAdmin: boolean;
  /** Absent when scheduling is not configured: subscribe then says so. */
  subscriptions?: SubscriptionService | undefined;
  /**
   * Today in the bot's timezone: a local date `YYYY-MM-DD` (so 28 February of a non-leap year
   * also shows 29 February's anniversaries, as the scheduled post does) or just `MM-DD`.
   * Injected so tests control the clock.
   */
  today: string;
}

/** What an adapter renders. `visibility` is who should see it. */
export type CommandResult = (
  | { kind: "answer"; command: "ask" | "when"; reply: Reply }
  | { kind: "timeline"; events: TimelineEvent[] }
  | { kind: "today"; digest: DayDigest }
  | { kind: "sources"; sources: SourceSummary[] }
  | { kind: "help"; lines: string[] }
  | { kind: "notice"; tone: "info" | "error"; message: string }
) & { visibility: "public" | "private" };

/**
 * Runs an invocation. Never rejects for user input: unknown subcommands give help, missing
 * options give a usage notice, non-admins get a refusal. Errors from the core and the
 * subscription store propagate. Asynchronous because subscribing writes to the store.
 */
export async function runCommand(
  hotline: Hotline,
  invocation: Invocation,
  ctx: CommandContext,
): Promise<CommandResult> {
  const spec = findSubcommand(invocation.name);
  if (!spec) return { kind: "help", lines: helpLines(), visibility: "private" };
  const visibility =
    spec.publicByDefault && invocation.options.hide !== true ? "public" : "private";
  const name: SubcommandName = spec.name;
  switch (name) {
    case "ask":
    case "when": {
      const reply =
        name === "ask"
          ? hotline.ask(readArguments("ask", invocation.options).question ?? "")
          : hotline.when(readArguments("when", invocation.options).event ?? "");
      // Rejections (empty, too long) are usage problems: only the asker sees them.
      return {
        kind: "answer",
        command: name,
        reply,
        visibility: reply.status === "rejected" ? "private" : visibility,
      };
    }
    case "timeline":
      return { kind: "timeline", events: hotline.timeline(), visibility };
    case "today":
      return { kind: "today", digest: hotline.today(ctx.today), visibility };
    case "sources":
      return { kind: "sources", sources: hotline.sources(), visibility };
    case "help":
      return { kind: "help", lines: helpLines(), visibility: "private" };
    case "subscribe":
    case "unsubscribe":
      return runSubscription(name, invocation, ctx);
  }
}

async function runSubscription(
  name: "subscribe" | "unsubscribe",
  invocation: Invocation,
  ctx: CommandContext,
): Promise<CommandResult> {
  const notice = (tone: "info" | "error", message: string): CommandResult => ({
    kind: "notice",
    tone,
    message,
    visibility: "private",
  });
  if (!ctx.isAdmin) {
    return notice(
      "error",
      `Only admins of this server or workspace can ${name} a channel ${name === "subscribe" ? "to" : "from"} on-this-day posts.`,
    );
  }
  if (!ctx.subscriptions) {
    return notice("error", "On-this-day posts are not enabled on this bot.");
  }
  if (name === "unsubscribe") {
    const { removed } = await ctx.subscriptions.unsubscribe(ctx.channel);
    return notice(
      "info",
      removed
        ? "This channel will no longer get on-this-day posts."
        : "This channel was not subscribed; nothing changed.",
    );
  }
  const args = readArguments("subscribe", invocation.options);
  const opt = (value: string | undefined) =>
    value !== undefined && value.trim() !== "" ? value.trim() : undefined;
  const outcome = await ctx.subscriptions.subscribe({
    ...ctx.channel,
    time: opt(args.time),
    timezone: opt(args.timezone),
    requestedBy: ctx.userId,
  });
  if (!outcome.ok) return notice("error", outcome.message);
  const { time, timezone } = outcome.subscription;
  return notice(
    "info",
    outcome.created
      ? `Subscribed: this channel gets on-this-day posts at ${time} (${timezone}) on days with events.`
      : `Already subscribed: posts at ${time} (${timezone}). Nothing was added twice.`,
  );
}
