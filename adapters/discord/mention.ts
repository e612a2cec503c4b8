/**
 * @-mentions of the bot on Discord: the text after the mention is run as a command; public
 * answers go to a thread named after the question, private ones by direct message.
 */

import { ChannelType, type Client, type Message, PermissionFlagsBits } from "discord.js";
import type { Logger } from "pino";
import { type HandlerDeps, handleRequest, rateOf } from "../../src/commands/handle.js";
import { parseCommandText } from "../../src/commands/parse.js";
import { describeError } from "../../src/errors.js";
import { FAILURE_MESSAGE } from "../../src/present/texts.js";
import type { DiscordContext } from "./interaction.js";
import { type DiscordMessage, discordMessage, escapeText } from "./message.js";
import { renderResult, threadName } from "./render.js";
import { asChannelMessage, asMessageReply, replyInChannel } from "./send.js";

/** Answers one message if it mentions the bot (bots and system messages never count). */
export async function handleMention(
  deps: HandlerDeps,
  context: DiscordContext,
  client: Client,
  message: Message,
): Promise<void> {
  const me = client.user;
  // Bots (this one included) never trigger answers: no loops between bots.
  if (!me || message.author.bot || message.system) return;
  // `<@id>`, or `<@!id>` from older clients; a reply that only pings the bot does not count.
  const mention = new RegExp(`<@!?${me.id}>`, "g");
  if (!message.content.match(mention)) return;
  const { log } = deps;
  const workspaceId = message.guildId ?? "dm";
  const text = message.content.replace(mention, " ").replace(/\s+/g, " ").trim();
  await handleRequest(deps, {
    label: "mention",
    platform: "discord",
    fields: { messageId: message.id },
    rate: rateOf(["discord", message.author.id], ["discord", workspaceId, message.channelId]),
    notifyLimited: (notice) => sendPrivately(log, message, [discordMessage({ content: notice })]),
    read: async () => {
      if (text !== "") return parseCommandText(text);
      await message.reply(
        asMessageReply(discordMessage({ content: shortHelp(escapeText(me.username)) })),
      );
      return undefined;
    },
    context: () => {
      const isAdmin = message.member?.permissions.has(PermissionFlagsBits.ManageGuild) ?? false;
      return context(workspaceId, message.channelId, message.author.id, isAdmin);
    },
    reply: async (result) => {
      const rendered = renderResult(result, { ephemeral: false });
      // Refusals, rejections and help are for the asker only; a channel message cannot be
      // ephemeral, so they go by direct message.
      if (result.visibility === "private") await sendPrivately(log, message, rendered);
      else await sendToConversation(log, client, message, text, rendered);
    },
    apologise: async () => {
      await message.reply(asMessageReply(discordMessage({ content: FAILURE_MESSAGE })));
    },
  });
}

/**
 * Sends `messages` to the author by direct message. When the author does not accept DMs from
 * server members, falls back to a reply in the channel (the text is still only a notice).
 */
async function sendPrivately(
  log: Logger,
  message: Message,
  messages: DiscordMessage[],
): Promise<void> {
  try {
    const dm = await message.author.createDM();
    for (const m of messages) await dm.send(asChannelMessage(m));
  } catch (error) {
    log.warn(
      { err: error, messageId: message.id, ...describeError(error) },
      "discord: could not send a direct message; replying in the channel",
    );
    await replyInChannel(message, messages);
  }
}

/**
 * In a thread: answer there. In a server text channel: start a thread on the message, named
 * after the question, and answer in it. Where threads cannot be made (no permission, DMs,
 * voice text): reply to the message.
 */
async function sendToConversation(
  log: Logger,
  client: Client,
  message: Message,
  question: string,
  messages: DiscordMessage[],
): Promise<void> {
  const channel = message.channel;
  if (channel.isThread()) {
    for (const m of messages) await channel.send(asChannelMessage(m));
    return;
  }
  if (
    message.inGuild() &&
    (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement)
  ) {
    const permissions = client.user ? channel.permissionsFor(client.user) : null;
    // Checking first spares Discord a request that would fail (failed requests count
    // towards Discord's invalid-request limit).
    const canThread =
      permissions?.has([
        PermissionFlagsBits.CreatePublicThreads,
        PermissionFlagsBits.SendMessagesInThreads,
      ]) ?? false;
    if (canThread) {
      try {
        const thread = await message.startThread({ name: threadName(question) });
        for (const m of messages) await thread.send(asChannelMessage(m));
        return;
      } catch (error) {
        log.warn(
          { err: error, messageId: message.id, ...describeError(error) },
          "discord: could not start a thread",
        );
      }
    }
  }
  await replyInChannel(message, messages);
}

function shortHelp(botName: string): string {
  return `Mention me with a question, e.g. “@${botName} what is the Beijing–Moscow hotline for?”, and I answer in a thread with quotes from my sources. Type \`/hotline help\` for every command.`;
}
