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

/** Days in each month; February has 29 unless a year says otherwise. */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `value` is `MM-DD` or `YYYY-MM-DD` naming a day that exists: `02-29` does (it has
 * anniversaries), `02-30`, `04-31` and `13-01` do not, and `YYYY-02-29` only in a leap year.
 */
export function isCalendarDate(value: string): boolean {
  const match = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = match[1] === undefined ? undefined : Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  const last = month === 2 && !leap ? 28 : (MONTH_DAYS[month - 1] as number);
  return day <= last;
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
  if (values.date !== undefined && !isCalendarDate(values.date)) {
    throw new UsageError(
      `--date must be a real date, MM-DD or YYYY-MM-DD, e.g. 03-14 (got "${values.date}")`,
    );
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
