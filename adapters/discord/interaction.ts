/**
 * `/hotline` slash commands and their autocomplete on Discord: reads the options the spec
 * declares, defers the slow subcommands, and answers through the shared request skeleton.
 */

import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
  PermissionFlagsBits,
} from "discord.js";
import { type HandlerDeps, handleRequest, rateOf } from "../../src/commands/handle.js";
import type { CommandContext, Invocation } from "../../src/commands/run.js";
import { findSubcommand } from "../../src/commands/spec.js";
import { describeError } from "../../src/errors.js";
import { cutText } from "../../src/present/split.js";
import { FAILURE_MESSAGE } from "../../src/present/texts.js";
import { discordMessage } from "./message.js";
import { renderResult } from "./render.js";
import { asReply, type Deferral, sendInteraction } from "./send.js";

/** Builds the command context for a user in a channel (the bot's "today" included). */
export type DiscordContext = (
  workspaceId: string,
  channelId: string,
  userId: string,
  isAdmin: boolean,
) => CommandContext;

/** Answers to `ask` and `when` search the corpus: defer those so the 3-second deadline holds. */
const SLOW_SUBCOMMANDS = new Set(["ask", "when"]);

/** Discord's limit on autocomplete choices, and on a choice's name and value. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

/** The invocation a slash command carries: every option the spec declares that was given. */
function readInvocation(interaction: ChatInputCommandInteraction): Invocation {
  const name = interaction.options.getSubcommand(false) ?? "help";
  const invocation: Invocation = { name, options: {} };
  for (const option of findSubcommand(name)?.options ?? []) {
    const value =
      option.type === "boolean"
        ? interaction.options.getBoolean(option.name)
        : interaction.options.getString(option.name);
    if (value !== null) invocation.options[option.name] = value;
  }
  return invocation;
}

/** Answers one `/hotline` slash command; never throws. */
export async function handleCommand(
  deps: HandlerDeps,
  context: DiscordContext,
  interaction: ChatInputCommandInteraction,
): Promise<void> {
  // Set once the deferral succeeded: then later messages must edit or follow up.
  let deferred: Deferral;
  const workspaceId = interaction.guildId ?? "dm";
  await handleRequest(deps, {
    label: "command",
    platform: "discord",
    fields: { interactionId: interaction.id },
    rate: rateOf(["discord", interaction.user.id], ["discord", workspaceId, interaction.channelId]),
    // Unanswered, Discord shows the asker "did not respond": better than a storm of notices.
    notifyLimited: async (text) => {
      await interaction.reply(asReply(discordMessage({ content: text }, { ephemeral: true })));
    },
    read: () => readInvocation(interaction),
    context: async (invocation) => {
      if (SLOW_SUBCOMMANDS.has(invocation.name)) {
        // Deferring costs one request but makes the deadline independent of search time.
        const spec = findSubcommand(invocation.name);
        const expected =
          spec?.publicByDefault && invocation.options.hide !== true ? "public" : "private";
        await interaction.deferReply(
          expected === "private" ? { flags: MessageFlags.Ephemeral } : {},
        );
        deferred = expected;
      }
      const isAdmin = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
      return context(workspaceId, interaction.channelId, interaction.user.id, isAdmin);
    },
    reply: (result) => sendInteraction(interaction, renderResult(result), deferred),
    apologise: async () => {
      const notice = discordMessage({ content: FAILURE_MESSAGE }, { ephemeral: true });
      if (interaction.replied) await interaction.followUp(asReply(notice));
      else await sendInteraction(interaction, [notice], deferred);
    },
  });
}

/** Offers up to 25 timeline events for the `event` option; other options get no choices. */
export async function handleAutocomplete(
  deps: HandlerDeps,
  interaction: AutocompleteInteraction,
): Promise<void> {
  try {
    const focused = interaction.options.getFocused(true);
    const choices =
      focused.name === "event"
        ? deps.hotline
            .suggest(String(focused.value), MAX_CHOICES)
            .slice(0, MAX_CHOICES)
            .map((s) => ({
              name: cutText(s.label, MAX_CHOICE_LENGTH),
              // A longer value would be refused by Discord; a cut value still finds the event.
              value: cutText(s.value, MAX_CHOICE_LENGTH),
            }))
        : [];
    await interaction.respond(choices);
  } catch (error) {
    deps.log.error(
      { err: error, interactionId: interaction.id, ...describeError(error) },
      "discord: autocomplete failed",
    );
  }
}
