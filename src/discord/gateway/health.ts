/** The health of a gateway client, from discord.js's own view of its shards (runtime/health.ts serves it). */
import { type Client, Status } from "discord.js";
import { type HealthReport, isReady, type ShardHealth } from "../../runtime/health.ts";

/** `Status.WaitingForGuilds` → "waitingForGuilds". */
export function statusName(status: Status): string {
  const name = Status[status] ?? `unknown(${status})`;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** The gateway shards of one client: the one process of single mode, or one shard process. */
export function clientShards(client: Client): ShardHealth[] {
  return client.ws.shards.map((shard) => ({
    id: shard.id,
    status: statusName(shard.status),
    ping: shard.ping >= 0 ? Math.round(shard.ping) : null,
    guilds: client.guilds.cache.filter((guild) => guild.shardId === shard.id).size,
  }));
}

/** Single-process report; `client` is null until the bot has started. */
export function clientHealth(client: Client | null): HealthReport {
  if (client === null) return { ready: false, mode: "single", shardCount: 1, shards: [] };
  const configured = client.options.shards;
  const shardCount = Array.isArray(configured) ? configured.length : 1;
  const shards = clientShards(client);
  return { ready: isReady(shardCount, shards), mode: "single", shardCount, shards };
}
