/**
 * @-mentions of the bot on Slack (as `app_mention` and as `message` events): the text after
 * the mention runs as a command, answered in the message's thread; private results are posted
 * ephemerally to the asker. Redelivered events are dropped.
 */

import type { App } from "@slack/bolt";
import { type HandlerDeps, handleRequest, rateOf, report } from "../../src/commands/handle.js";
import { parseCommandText } from "../../src/commands/parse.js";
import { FAILURE_MESSAGE } from "../../src/present/texts.js";
import { explainRefusal, type SlackCommandContext, type SlackContext } from "./context.js";
import { plainTextFromSlack } from "./incoming.js";
import { escapeSlack } from "./message.js";
import { renderResult } from "./render.js";
import type { SeenKeys } from "./seen-keys.js";

/** The fields of a mention or message event the adapter reads. */
interface MentionEvent {
  type: string;
  subtype?: string;
  bot_id?: string;
  edited?: unknown;
  text?: string;
  user?: string;
  team?: string;
  channel: string;
  ts: string;
  thread_ts?: string;
}

interface MentionMeta {
  eventId: string | undefined;
  teamId: string | undefined;
  botUserId: string | undefined;
  retryNum: unknown;
}

/** Where redeliveries are remembered, and for how long. */
export interface MentionDedupe {
  seen: SeenKeys;
  ttlMs: number;
}

/** Registers the mention listeners on `app`. */
export function registerMentions(
  app: App,
  deps: HandlerDeps,
  context: SlackContext,
  dedupe: MentionDedupe,
): void {
  const { log } = deps;
  const handleMention = async (event: MentionEvent, meta: MentionMeta) => {
    // Bots (ourselves included), edits, joins and every other subtype are not questions.
    if (event.bot_id || event.subtype !== undefined || event.edited !== undefined || !event.user) {
      log.debug(
        { channel: event.channel, ts: event.ts, subtype: event.subtype },
        "slack: event ignored",
      );
      return;
    }
    // Retries repeat the event id; a message with a mention can arrive as `message` and as
    // `app_mention` (two event ids, one channel and ts). Only the delivery that first records
    // the event id goes on to the message key: were both keys recorded by every delivery, two
    // processes sharing the keys could each win one of them and both drop the event.
    const { seen, ttlMs } = dedupe;
    const newEvent =
      meta.eventId === undefined || (await seen.firstSeen(`event:${meta.eventId}`, ttlMs));
    const newMessage =
      newEvent && (await seen.firstSeen(`message:${event.channel}:${event.ts}`, ttlMs));
    if (!newMessage) {
      log.info(
        { eventId: meta.eventId, channel: event.channel, ts: event.ts, retryNum: meta.retryNum },
        "slack: duplicate event ignored",
      );
      report(deps, { kind: "duplicate", platform: "slack" });
      return;
    }
    const user = { userId: event.user, teamId: event.team ?? meta.teamId ?? "" };
    const threadTs = event.thread_ts ?? event.ts;
    let asked: SlackCommandContext | undefined;
    const postPrivately = async (text: string) => {
      await app.client.chat.postEphemeral({
        channel: event.channel,
        user: user.userId,
        thread_ts: threadTs,
        text,
      });
    };
    await handleRequest(deps, {
      label: "mention",
      platform: "slack",
      fields: { user: user.userId, channel: event.channel, ts: event.ts },
      rate: rateOf(["slack", user.teamId, user.userId], ["slack", user.teamId, event.channel]),
      notifyLimited: (text) => postPrivately(escapeSlack(text)),
      read: () => {
        // Without the bot's id (never expected after init) the leading mention is still the bot's.
        const raw = meta.botUserId
          ? (event.text ?? "")
          : (event.text ?? "").replace(/^\s*<@[^>]*>/, "");
        return parseCommandText(plainTextFromSlack(raw, meta.botUserId));
      },
      context: async (invocation) => {
        asked = await context(invocation, user, event.channel);
        return asked;
      },
      reply: async (commandResult) => {
        const result = explainRefusal(commandResult, asked);
        for (const message of renderResult(result)) {
          const common = {
            channel: event.channel,
            thread_ts: threadTs,
            text: message.text,
            blocks: message.blocks,
          };
          if (result.visibility === "public") {
            await app.client.chat.postMessage({
              ...common,
              unfurl_links: false,
              unfurl_media: false,
            });
          } else {
            await app.client.chat.postEphemeral({ ...common, user: user.userId });
          }
        }
      },
      apologise: () => postPrivately(FAILURE_MESSAGE),
    });
  };

  app.event("app_mention", async ({ event, body, context: bolt }) => {
    await handleMention(event as MentionEvent, {
      eventId: body.event_id,
      teamId: body.team_id,
      botUserId: bolt.botUserId,
      retryNum: bolt.retryNum,
    });
  });

  app.message(async ({ message, body, context: bolt }) => {
    const event = message as MentionEvent;
    // Only messages that mention the bot are questions; everything else in a channel is chatter.
    if (!bolt.botUserId || !event.text?.includes(`<@${bolt.botUserId}`)) return;
    await handleMention(event, {
      eventId: body.event_id,
      teamId: body.team_id,
      botUserId: bolt.botUserId,
      retryNum: bolt.retryNum,
    });
  });
}
