/**
 * The `/hotline` slash command and the "Share with channel" button on Slack. Both answer
 * through the `response_url` (`respond`), which takes a limited number of messages.
 */

import type { App, webApi } from "@slack/bolt";
import { type HandlerDeps, handleRequest, rateOf } from "../../src/commands/handle.js";
import { parseCommandText } from "../../src/commands/parse.js";
import type { CommandResult, Invocation } from "../../src/commands/run.js";
import { FAILURE_MESSAGE } from "../../src/present/texts.js";
import { explainRefusal, type SlackCommandContext, type SlackContext } from "./context.js";
import { plainTextFromSlack } from "./incoming.js";
import { escapeSlack, type SlackMessage } from "./message.js";
import { fitResponseUrl, renderResult, SHARE_ACTION_ID } from "./render.js";

type Respond = (
  message: webApi.ChatPostMessageArguments | Record<string, unknown>,
) => Promise<unknown>;

/** Sends messages through `respond`, fitted to the number of messages a response URL takes. */
async function respondAll(
  respond: Respond,
  messages: SlackMessage[],
  visibility: "public" | "private",
): Promise<void> {
  for (const message of fitResponseUrl(messages, "@hotline <your question>")) {
    await respond({
      response_type: visibility === "public" ? "in_channel" : "ephemeral",
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}

/** A private message through `respond`, for notices and apologies. */
function respondPrivately(respond: Respond, text: string): Promise<unknown> {
  return respond({ response_type: "ephemeral", replace_original: false, text });
}

/** The invocation a "Share with channel" button carries: the command, made public. */
function shareValue(invocation: Invocation): string {
  return JSON.stringify({
    name: invocation.name,
    options: { ...invocation.options, hide: undefined },
  });
}

function parseShareValue(value: string | undefined): Invocation | undefined {
  try {
    const parsed = JSON.parse(value ?? "") as Invocation;
    if (
      typeof parsed.name !== "string" ||
      typeof parsed.options !== "object" ||
      parsed.options === null
    ) {
      return undefined;
    }
    return { name: parsed.name, options: { ...parsed.options, hide: false } };
  } catch {
    return undefined;
  }
}

/** Results worth a "Share with channel" button when shown privately. */
function shareable(result: CommandResult): boolean {
  if (result.kind === "answer") return result.reply.status !== "rejected";
  return result.kind === "timeline" || result.kind === "today" || result.kind === "sources";
}

/** Registers `/hotline` and the share button on `app`. */
export function registerSlashCommand(app: App, deps: HandlerDeps, context: SlackContext): void {
  app.command("/hotline", async ({ command, ack, respond }) => {
    await ack();
    const user = { userId: command.user_id, teamId: command.team_id };
    let asked: SlackCommandContext | undefined;
    await handleRequest(deps, {
      label: "/hotline",
      platform: "slack",
      fields: { user: user.userId },
      rate: rateOf(["slack", user.teamId, user.userId], ["slack", user.teamId, command.channel_id]),
      notifyLimited: async (text) => {
        await respondPrivately(respond, escapeSlack(text));
      },
      read: () => parseCommandText(plainTextFromSlack(command.text ?? "")),
      context: async (invocation) => {
        asked = await context(invocation, user, command.channel_id);
        return asked;
      },
      reply: async (commandResult, invocation) => {
        const result = explainRefusal(commandResult, asked);
        const share =
          result.visibility === "private" && shareable(result) ? shareValue(invocation) : undefined;
        await respondAll(respond, renderResult(result, { shareValue: share }), result.visibility);
      },
      apologise: async () => {
        await respondPrivately(respond, FAILURE_MESSAGE);
      },
    });
  });

  app.action(SHARE_ACTION_ID, async ({ ack, action, body, respond }) => {
    await ack();
    const channelId = body.channel?.id ?? "";
    const user = { userId: body.user.id, teamId: body.team?.id ?? body.user.team_id ?? "" };
    await handleRequest(
      { ...deps, limiter: undefined },
      {
        label: "share",
        platform: "slack",
        fields: { user: user.userId },
        notifyLimited: async () => {},
        read: () => {
          const invocation = parseShareValue("value" in action ? action.value : undefined);
          if (invocation && channelId) return invocation;
          deps.log.warn(
            { action: SHARE_ACTION_ID },
            "slack: share button without a usable value or channel",
          );
          return undefined;
        },
        context: (invocation) => context(invocation, user, channelId),
        reply: async (result) => {
          const messages = renderResult({ ...result, visibility: "public" });
          if (/^[UW][A-Z0-9]+$/.test(user.userId)) {
            messages[0]?.blocks.push({
              type: "context",
              elements: [{ type: "mrkdwn", text: `Shared by <@${user.userId}>` }],
            });
          }
          await respondAll(respond, messages, "public");
          // The private copy is now redundant; a failed delete only leaves it in place.
          await respond({ delete_original: true }).catch((e: unknown) =>
            deps.log.warn({ err: e }, "slack: could not delete the private answer after sharing"),
          );
        },
        apologise: async () => {
          await respondPrivately(respond, FAILURE_MESSAGE);
        },
      },
    );
  });
}
