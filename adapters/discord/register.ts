/**
 * Publishes the `/hotline` command definitions to Discord. Registration is a separate step
 * (`hotline discord register [--guild ID]`), not something the bot does at start: global
 * commands take a while to propagate and are rate limited, so they change only on purpose.
 */
import { REST, Routes } from "discord.js";
import { HotlineError } from "../../src/errors.js";
import { discordCommands } from "./commands.js";

/** What {@link registerCommands} needs. */
export interface RegisterOptions {
  /** The bot token (`DISCORD_TOKEN`). */
  token: string;
  /** The application's id (`DISCORD_APPLICATION_ID`). */
  applicationId: string;
  /** Another REST base address (`DISCORD_API_URL`), e.g. a local fake; default Discord's. */
  apiUrl?: string | undefined;
  /**
   * A server id: register there only, which takes effect at once (for development). Without
   * it the commands are registered globally, in every server that installed the bot.
   */
  guildId?: string | undefined;
}

/** What was registered. */
export interface RegisterResult {
  scope: "guild" | "global";
  /** Names of the commands Discord now has for that scope. */
  names: string[];
}

const SNOWFLAKE = /^\d{5,25}$/;

/**
 * PUTs the command definitions, replacing whatever the application had in that scope (so a
 * renamed or removed command disappears too). Throws a `platform_failed` HotlineError naming the
 * scope when Discord refuses (bad token: 401; the bot not in that server: 403/404), and a
 * `config_invalid` one for a guild id that is not a snowflake.
 */
export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  const { token, applicationId, apiUrl, guildId } = options;
  if (guildId !== undefined && !SNOWFLAKE.test(guildId)) {
    throw new HotlineError(
      "config_invalid",
      `discord: --guild must be a server id (digits), got "${guildId}"`,
    );
  }
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const scope = guildId ? `in server ${guildId}` : "globally";
  let response: unknown;
  try {
    response = await rest.put(route, { body: discordCommands() });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HotlineError(
      "platform_failed",
      `discord: registering commands ${scope} failed: ${reason}`,
      {
        cause: error,
      },
    );
  }
  const names = Array.isArray(response)
    ? response.map((command: { name?: unknown }) => String(command.name))
    : [];
  return { scope: guildId ? "guild" : "global", names };
}
