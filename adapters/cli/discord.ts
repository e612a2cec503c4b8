/** `hotline discord register`: publishes the `/hotline` slash command to Discord. */
import type { Config } from "../../src/config.js";
import { UsageError } from "./usage.js";

/** `hotline discord register [--guild ID]`. */
export async function discordCommand(
  positionals: string[],
  values: { guild?: string | undefined },
  config: Config,
  print: (text: string) => void,
): Promise<number> {
  if (positionals[0] !== "register") throw new UsageError('discord takes "register [--guild ID]"');
  if (!config.discord) throw new UsageError("set DISCORD_TOKEN and DISCORD_APPLICATION_ID first");
  const { registerCommands } = await import("../discord/register.js");
  const result = await registerCommands({
    token: config.discord.token,
    applicationId: config.discord.applicationId,
    apiUrl: config.discord.apiUrl,
    guildId: values.guild,
  });
  print(
    `registered /${result.names.join(", /")} ${result.scope === "guild" ? `in server ${values.guild} (available now)` : "globally (may take up to an hour to appear)"}`,
  );
  return 0;
}
