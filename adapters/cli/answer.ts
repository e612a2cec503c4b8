/**
 * The one-shot commands `hotline ask|when|timeline|today|sources`: the same spec and command
 * runner as Discord, Slack and the console, printed as terminal text or `--json`.
 */

import type { CommandResult, Invocation } from "../../src/commands/run.js";
import { runCommand } from "../../src/commands/run.js";
import { COMMAND, findSubcommand, type SubcommandName } from "../../src/commands/spec.js";
import type { Hotline } from "../../src/hotline-api.js";
import { rejectionText } from "../../src/present/texts.js";
import type { ChannelRef } from "../../src/schedule/types.js";
import { answerJson, renderResult } from "./render.js";
import { UsageError } from "./usage.js";

/** The subcommands the command line answers once and exits. */
const ONE_SHOT = [
  "ask",
  "when",
  "timeline",
  "today",
  "sources",
] as const satisfies readonly SubcommandName[];
export type OneShot = (typeof ONE_SHOT)[number];

/** Whether `name` is a one-shot command. */
export function isOneShot(name: string): name is OneShot {
  return (ONE_SHOT as readonly string[]).includes(name);
}

/** The command line's one channel (never subscribed: the CLI has no admin commands). */
const CLI_CHANNEL: ChannelRef = { platform: "console", workspaceId: "local", channelId: "cli" };

/** The subcommand's free-text option (`question`, `event`), which takes the positionals. */
function textOption(name: OneShot) {
  return findSubcommand(name)?.options.find((o) => o.type === "string" && o.required);
}

/** Usage lines of the one-shot commands, generated from the spec. */
export function oneShotUsage(): [string, string][] {
  return COMMAND.subcommands
    .filter((s) => isOneShot(s.name))
    .map((s) => {
      const text = textOption(s.name as OneShot);
      const date = s.name === "today" ? " [--date [YYYY-]MM-DD]" : "";
      return [`hotline ${s.name}${date} [--json]${text ? ` <${text.name}>` : ""}`, s.description];
    });
}

/** The `--json` form of a result. */
function resultJson(result: CommandResult): unknown {
  switch (result.kind) {
    case "answer":
      return result.reply.status === "rejected" ? result.reply : answerJson(result.reply);
    case "timeline":
      return { events: result.events };
    case "today":
      return result.digest;
    case "sources":
      return { sources: result.sources };
    default:
      return result;
  }
}

/**
 * Runs a one-shot command. `today` is the local date `YYYY-MM-DD` (the 28/29 February rule
 * applies) unless `--date` gives `MM-DD` or `YYYY-MM-DD`. Throws a UsageError for a rejected
 * question (empty, too long) or a malformed `--date`.
 */
export async function runOneShot(
  name: OneShot,
  positionals: string[],
  values: { json: boolean; date?: string | undefined },
  hotline: Hotline,
  today: string,
): Promise<string> {
  const text = textOption(name);
  const invocation: Invocation = {
    name,
    options: text ? { [text.name]: positionals.join(" ") } : {},
  };
  if (
    values.date !== undefined &&
    !/^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(values.date)
  ) {
    throw new UsageError(`--date must be MM-DD or YYYY-MM-DD, e.g. 03-14 (got "${values.date}")`);
  }
  const result = await runCommand(hotline, invocation, {
    channel: CLI_CHANNEL,
    userId: "cli",
    isAdmin: false,
    today: values.date ?? today,
  });
  if (result.kind === "answer" && result.reply.status === "rejected") {
    throw new UsageError(rejectionText(result.reply));
  }
  return values.json ? JSON.stringify(resultJson(result), null, 2) : renderResult(result);
}
