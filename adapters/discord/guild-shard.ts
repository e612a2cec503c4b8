/**
 * Which gateway shard carries a Discord server. Discord routes a guild's events to shard
 * `(guild_id >> 22) % shard_count` (the snowflake's timestamp bits, so the split is even), and
 * only the process holding that shard sees the server; the scheduler uses this to let exactly
 * one process post to it.
 */

/**
 * The shard of `guildId` among `shardCount` shards, or undefined when `guildId` is not a
 * snowflake (digits only) or `shardCount` is not a positive whole number.
 */
export function guildShard(guildId: string, shardCount: number): number | undefined {
  if (!/^\d{1,20}$/.test(guildId) || !Number.isInteger(shardCount) || shardCount < 1) {
    return undefined;
  }
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * Whether a process running shard `ids` of `shardCount` holds `guildId`. False for anything
 * that is not a guild snowflake, so a malformed subscription is never claimed by everyone.
 */
export function holdsGuild(guildId: string, ids: readonly number[], shardCount: number): boolean {
  const shard = guildShard(guildId, shardCount);
  return shard !== undefined && ids.includes(shard);
}
