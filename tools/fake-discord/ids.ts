/** Snowflakes, tokens and shard routing: the arithmetic Discord itself uses, so discord.js derives sane timestamps. */

const DISCORD_EPOCH = 1_420_070_400_000n;
let lastSnowflake = 0n;

/**
 * A fresh snowflake. Monotonic and unique within the process even when thousands are minted in one
 * millisecond (a 1,000-guild world), which a plain timestamp + 12-bit counter would not guarantee.
 */
export function snowflake(): string {
  const fromClock = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
  lastSnowflake = fromClock > lastSnowflake ? fromClock : lastSnowflake + 1n;
  return lastSnowflake.toString();
}

/** The shard Discord routes a guild's events to: (guild_id >> 22) % shard_count. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A guild id (from `start`) that lands on `shard` of `shardCount`: for tests that need guilds on given shards. */
export function guildIdOnShard(
  shard: number,
  shardCount: number,
  start = 111_111_111_111_111_111n,
): string {
  for (let id = start; ; id += 1n << 22n) {
    if (shardOf(id.toString(), shardCount) === shard) return id.toString();
  }
}

/** Interaction tokens are opaque to the bot; only uniqueness matters (they key webhook routes). */
export function interactionToken(id: string): string {
  return `aW50ZXJhY3Rpb24.${id}.${Math.random().toString(36).slice(2, 12)}`;
}
