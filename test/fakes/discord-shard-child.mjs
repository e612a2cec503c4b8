// A shard child for the ShardingManager test: the real discord.js client, pointed at the fake
// whose API URL the test passes as the first argument. The manager supplies the shard ids and
// the token in the environment, as it does for the real bot.
import { Client, GatewayIntentBits } from "discord.js";

const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.argv[2] } });
await client.login();
