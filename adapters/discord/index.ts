/** The Discord adapter's public surface (see docs/discord.md). */
export { type DiscordBot, type DiscordOptions, startDiscord } from "./bot.js";
export { discordCommands } from "./commands.js";
export { type RegisterOptions, type RegisterResult, registerCommands } from "./register.js";
export {
  DISCORD_LIMITS,
  type DiscordMessage,
  discordMessage,
  FAILURE_MESSAGE,
  renderDigest,
  renderResult,
} from "./render.js";
export { type ShardOptions, type Shards, startShards } from "./shard.js";
