/**
 * The `/hotline` command spec ({@link COMMAND}) rendered as a Discord application command.
 *
 * Admin-only subcommands: Discord's `default_member_permissions` applies to a whole top-level
 * command, never to one subcommand, and server admins can only override permissions per
 * command. Putting `ManageGuild` on `/hotline` would hide `ask` and `when` from every member,
 * and a second top-level command (`/hotline-admin`) would break the one `/hotline subscribe`
 * spelling that help texts, Slack and the console share. So `/hotline` stays visible to
 * everyone, the admin subcommands say "(admins)" in their description, and the handler passes
 * the member's Manage Server permission to `runCommand` as `isAdmin`, which refuses anyone
 * else with a private notice. A server admin who wants to hide the whole command from some
 * roles can still do so under Server Settings → Integrations.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
} from "discord.js";
import { COMMAND, type OptionSpec, type SubcommandSpec } from "../../src/commands/spec.js";

function addOption(sub: SlashCommandSubcommandBuilder, option: OptionSpec): void {
  if (option.type === "boolean") {
    sub.addBooleanOption((o) =>
      o.setName(option.name).setDescription(option.description).setRequired(option.required),
    );
    return;
  }
  sub.addStringOption((o) => {
    o.setName(option.name).setDescription(option.description).setRequired(option.required);
    if (option.autocomplete) o.setAutocomplete(true);
    if (option.maxLength !== undefined) o.setMaxLength(option.maxLength);
    return o;
  });
}

function subcommand(spec: SubcommandSpec): SlashCommandSubcommandBuilder {
  const sub = new SlashCommandSubcommandBuilder()
    .setName(spec.name)
    .setDescription(spec.description);
  for (const option of spec.options) addOption(sub, option);
  return sub;
}

/**
 * The registration body for `/hotline`: one chat-input command whose subcommands, options,
 * `autocomplete` and `max_length` come from {@link COMMAND}. Guild-only (the bot is installed
 * to servers; subscriptions need a server), visible to every member (see the module comment
 * for how admin-only subcommands are enforced). discord.js's builder validates names and
 * description lengths, so a spec change that Discord would reject throws here, at build time.
 */
export function discordCommands(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const builder = new SlashCommandBuilder()
    .setName(COMMAND.name)
    .setDescription(COMMAND.description)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setDefaultMemberPermissions(null);
  for (const spec of COMMAND.subcommands) builder.addSubcommand(subcommand(spec));
  return [builder.toJSON()];
}
