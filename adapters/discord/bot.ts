/**
 * The Discord adapter: a discord.js `Client` that turns `/hotline` interactions and @-mentions
 * into `runCommand` calls and sends the rendered results back. All decisions about answers,
 * permissions and visibility live in the core and `runCommand`; this file only moves events
 * and messages.
 */

import { once } from "node:events";
import {
  type AutocompleteInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  Client,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  PermissionFlagsBits,
} from "discord.js";
import type { Logger } from "pino";
import { parseCommandText } from "../../src/commands/parse.js";
import {
  createRateLimiter,
  type RateDecision,
  type RateLimiter,
  rateLimitMessage,
} from "../../src/commands/rate-limit.js";
import type { CommandContext, Invocation } from "../../src/commands/run.js";
import { runCommand } from "../../src/commands/run.js";
import { COMMAND, findSubcommand } from "../../src/commands/spec.js";
import type { Config } from "../../src/config.js";
import { describeError, HotlineError } from "../../src/errors.js";
import type { Hotline } from "../../src/hotline-api.js";
import { localDateTime } from "../../src/schedule/local-time.js";
import type { ChannelRef, PostSender, SubscriptionService } from "../../src/schedule/types.js";
import {
  type DiscordMessage,
  discordMessage,
  escapeText,
  renderResult,
  threadName,
  truncate,
} from "./render.js";
import { asChannelMessage, asEdit, asMessageReply, asReply } from "./send.js";
import { createDiscordSender } from "./sender.js";

/** What {@link startDiscord} needs. */
export interface DiscordOptions {
  /** The loaded corpus. */
  hotline: Hotline;
  /** Must have a `discord` section (token, application id, optional API URL). */
  config: Config;
  logger: Logger;
  /** The subscription store; without it `/hotline subscribe` answers that posts are not enabled. */
  subscriptions?: SubscriptionService | undefined;
  /** The clock for "today" (in `config.timezone`); default `() => new Date()`. */
  now?: () => Date;
  /**
   * Extra discord.js client options merged over the adapter's (tests only; e.g. a shorter
   * `waitGuildTimeout`). Intents, REST base URL and allowed mentions are always the adapter's.
   */
  clientOptions?: Partial<ClientOptions>;
  /**
   * Limits commands and mentions per user and per channel. Default: a sliding window built from
   * `config.rateLimit` (6 per user and 20 per channel per minute unless configured).
   */
  rateLimiter?: RateLimiter | undefined;
}

/**
 * REST settings: a request that hangs is abandoned after this long and retried (discord.js
 * retries timeouts and 5xx answers `REST_RETRIES` times, and waits out 429s by their
 * `retry-after`), so a stuck connection cannot hold an answer forever.
 */
export const REST_TIMEOUT_MS = 15_000;
export const REST_RETRIES = 3;

/** A running Discord adapter. */
export interface DiscordBot {
  /** The connected discord.js client (ready: its user and guild cache are filled). */
  client: Client<true>;
  /** Delivers on-this-day posts for the scheduler. */
  sender: PostSender;
  /** Disconnects from the gateway; safe to call twice. */
  stop(): Promise<void>;
}

/** Shown to an asker when something unexpected failed; details go to the log only. */
export const FAILURE_MESSAGE =
  "Sorry, something went wrong while answering. The error has been logged; please try again later.";

/** Answers to `ask` and `when` search the corpus: defer those so the 3-second deadline holds. */
const SLOW_SUBCOMMANDS = new Set(["ask", "when"]);

/** Discord's limit on autocomplete choices, and on a choice's name and value. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

/**
 * Connects a discord.js client with only the Guilds and GuildMessages intents (a message that
 * mentions the bot carries its content without the privileged Message Content intent) and
 * resolves once it is ready. With `config.discord.apiUrl` the REST client uses that base
 * address and the gateway address comes from its `GET /gateway/bot`. Under discord.js's
 * `ShardingManager` the client picks its shard from the environment the manager sets.
 * Throws a `platform_failed` HotlineError when `config.discord` is missing or login fails.
 */
export async function startDiscord(options: DiscordOptions): Promise<DiscordBot> {
  const { hotline, config, logger, subscriptions } = options;
  const now = options.now ?? (() => new Date());
  const discord = config.discord;
  if (!discord) {
    throw new HotlineError(
      "platform_failed",
      "discord: DISCORD_TOKEN and DISCORD_APPLICATION_ID are not set",
    );
  }
  const log = logger.child({ platform: "discord" });
  const limiter =
    options.rateLimiter ?? createRateLimiter({ ...config.rateLimit, now: () => now().getTime() });
  const client = new Client({
    ...options.clientOptions,
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    // Defence in depth: the reply helper sets this on every message too.
    allowedMentions: { parse: [], repliedUser: false },
    rest: {
      timeout: REST_TIMEOUT_MS,
      retries: REST_RETRIES,
      ...options.clientOptions?.rest,
      ...(discord.apiUrl ? { api: discord.apiUrl } : {}),
    },
  });

  const context = (channel: ChannelRef, userId: string, isAdmin: boolean): CommandContext => ({
    channel,
    userId,
    isAdmin,
    subscriptions,
    today: localDateTime(now(), config.timezone).date,
  });

  client.on(Events.InteractionCreate, (interaction) => {
    void handleInteraction(interaction);
  });
  client.on(Events.MessageCreate, (message) => {
    void handleMessage(message);
  });
  // An 'error' event without a listener would crash the process; the bot must stay up.
  client.on(Events.Error, (error) => log.error({ err: error }, "discord: client error"));
  client.on(Events.ShardError, (error, shardId) =>
    log.error({ err: error, shardId }, "discord: shard error"),
  );

  /** Checks the limiter for a user in a channel; logs refusals (the silent ones at debug). */
  function limit(userId: string, workspaceId: string, channelId: string): RateDecision {
    const decision = limiter.check({
      userId: `discord:${userId}`,
      channelId: `discord:${workspaceId}:${channelId}`,
    });
    if (!decision.allowed) {
      const context = { user: userId, channel: channelId, scope: decision.scope };
      if (decision.notify) log.info(context, "discord: rate limited; notice sent");
      else log.debug(context, "discord: rate limited; event dropped");
    }
    return decision;
  }

  async function handleInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      if (interaction.commandName === COMMAND.name) await autocomplete(interaction);
      return;
    }
    if (interaction.isChatInputCommand() && interaction.commandName === COMMAND.name) {
      await command(interaction);
    }
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    try {
      const focused = interaction.options.getFocused(true);
      const choices =
        focused.name === "event"
          ? hotline
              .suggest(String(focused.value), MAX_CHOICES)
              .slice(0, MAX_CHOICES)
              .map((s) => ({
                name: truncate(s.label, MAX_CHOICE_LENGTH),
                // A longer value would be refused by Discord; a cut value still finds the event.
                value: truncate(s.value, MAX_CHOICE_LENGTH),
              }))
          : [];
      await interaction.respond(choices);
    } catch (error) {
      log.error(
        { err: error, interactionId: interaction.id, ...describeError(error) },
        "discord: autocomplete failed",
      );
    }
  }

  async function command(interaction: ChatInputCommandInteraction): Promise<void> {
    // Set once the deferral succeeded: then later messages must edit or follow up.
    let deferred: "public" | "private" | undefined;
    try {
      const decision = limit(
        interaction.user.id,
        interaction.guildId ?? "dm",
        interaction.channelId,
      );
      if (!decision.allowed) {
        // Unanswered, Discord shows the asker "did not respond": better than a storm of notices.
        if (decision.notify) {
          await interaction.reply(
            asReply(discordMessage({ content: rateLimitMessage(decision) }, { ephemeral: true })),
          );
        }
        return;
      }
      const name = interaction.options.getSubcommand(false) ?? "help";
      const spec = findSubcommand(name);
      const invocation: Invocation = { name, options: {} };
      for (const option of spec?.options ?? []) {
        const value =
          option.type === "boolean"
            ? interaction.options.getBoolean(option.name)
            : interaction.options.getString(option.name);
        if (value !== null) invocation.options[option.name] = value;
      }
      if (SLOW_SUBCOMMANDS.has(name)) {
        // Deferring costs one request but makes the deadline independent of search time.
        const expected =
          spec?.publicByDefault && invocation.options.hide !== true ? "public" : "private";
        await interaction.deferReply(
          expected === "private" ? { flags: MessageFlags.Ephemeral } : {},
        );
        deferred = expected;
      }
      const channel: ChannelRef = {
        platform: "discord",
        workspaceId: interaction.guildId ?? "dm",
        channelId: interaction.channelId,
      };
      const isAdmin = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
      const result = runCommand(
        hotline,
        invocation,
        context(channel, interaction.user.id, isAdmin),
      );
      await sendInteraction(interaction, renderResult(result), deferred);
    } catch (error) {
      log.error(
        { err: error, interactionId: interaction.id, ...describeError(error) },
        "discord: command failed",
      );
      try {
        const notice = discordMessage({ content: FAILURE_MESSAGE }, { ephemeral: true });
        if (interaction.replied) await interaction.followUp(asReply(notice));
        else await sendInteraction(interaction, [notice], deferred);
      } catch (reportError) {
        log.error(
          { err: reportError, interactionId: interaction.id },
          "discord: could not report a failure",
        );
      }
    }
  }

  /**
   * Sends messages as the interaction's response and follow-ups. When the deferral was public
   * but the result is private (a rejection or a failure), the public placeholder is deleted and
   * the result follows up ephemerally, so only the asker sees it.
   */
  async function sendInteraction(
    interaction: ChatInputCommandInteraction,
    messages: DiscordMessage[],
    deferred: "public" | "private" | undefined,
  ): Promise<void> {
    const [first, ...rest] = messages;
    if (!first) return;
    const firstPrivate = (first.flags & MessageFlags.Ephemeral) !== 0;
    if (deferred === undefined) {
      await interaction.reply(asReply(first));
    } else if (deferred === "public" && firstPrivate) {
      await interaction.deleteReply();
      await interaction.followUp(asReply(first));
    } else {
      await interaction.editReply(asEdit(first));
    }
    for (const message of rest) await interaction.followUp(asReply(message));
  }

  async function handleMessage(message: Message): Promise<void> {
    const me = client.user;
    // Bots (this one included) never trigger answers: no loops between bots.
    if (!me || message.author.bot || message.system) return;
    // `<@id>`, or `<@!id>` from older clients; a reply that only pings the bot does not count.
    const mention = new RegExp(`<@!?${me.id}>`, "g");
    if (!message.content.match(mention)) return;
    try {
      const decision = limit(message.author.id, message.guildId ?? "dm", message.channelId);
      if (!decision.allowed) {
        if (decision.notify) {
          await sendPrivately(message, [discordMessage({ content: rateLimitMessage(decision) })]);
        }
        return;
      }
      const text = message.content.replace(mention, " ").replace(/\s+/g, " ").trim();
      if (text === "") {
        await message.reply(
          asMessageReply(discordMessage({ content: shortHelp(escapeText(me.username)) })),
        );
        return;
      }
      const channel: ChannelRef = {
        platform: "discord",
        workspaceId: message.guildId ?? "dm",
        channelId: message.channelId,
      };
      const isAdmin = message.member?.permissions.has(PermissionFlagsBits.ManageGuild) ?? false;
      const result = runCommand(
        hotline,
        parseCommandText(text),
        context(channel, message.author.id, isAdmin),
      );
      const rendered = renderResult(result, { ephemeral: false });
      // Refusals, rejections and help are for the asker only; a channel message cannot be
      // ephemeral, so they go by direct message.
      if (result.visibility === "private") await sendPrivately(message, rendered);
      else await sendToConversation(message, text, rendered);
    } catch (error) {
      log.error(
        { err: error, messageId: message.id, ...describeError(error) },
        "discord: mention failed",
      );
      try {
        await message.reply(asMessageReply(discordMessage({ content: FAILURE_MESSAGE })));
      } catch (reportError) {
        log.error(
          { err: reportError, messageId: message.id },
          "discord: could not report a failure",
        );
      }
    }
  }

  /**
   * Sends `messages` to the author by direct message. When the author does not accept DMs from
   * server members, falls back to a reply in the channel (the text is still only a notice).
   */
  async function sendPrivately(message: Message, messages: DiscordMessage[]): Promise<void> {
    try {
      const dm = await message.author.createDM();
      for (const m of messages) await dm.send(asChannelMessage(m));
    } catch (error) {
      log.warn(
        { err: error, messageId: message.id, ...describeError(error) },
        "discord: could not send a direct message; replying in the channel",
      );
      const [first, ...rest] = messages;
      if (!first) return;
      await message.reply(asMessageReply(first));
      if (!message.channel.isSendable()) return;
      for (const m of rest) await message.channel.send(asChannelMessage(m));
    }
  }

  /**
   * In a thread: answer there. In a server text channel: start a thread on the message, named
   * after the question, and answer in it. Where threads cannot be made (no permission, DMs,
   * voice text): reply to the message.
   */
  async function sendToConversation(
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
    const [first, ...rest] = messages;
    if (!first) return;
    await message.reply(asMessageReply(first));
    if (!channel.isSendable()) return;
    for (const m of rest) await channel.send(asChannelMessage(m));
  }

  const sender = createDiscordSender(client);

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(discord.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw new HotlineError(
      "platform_failed",
      `discord: login failed: ${describeError(error).message}`,
      {
        cause: error,
      },
    );
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "discord: connected");

  let stopped = false;
  return {
    client: client as Client<true>,
    sender,
    async stop() {
      if (stopped) return;
      stopped = true;
      await client.destroy();
    },
  };
}

function shortHelp(botName: string): string {
  return `Mention me with a question, e.g. “@${botName} what is the Beijing–Moscow hotline for?”, and I answer in a thread with quotes from my sources. Type \`/hotline help\` for every command.`;
}
