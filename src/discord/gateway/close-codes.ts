/**
 * Gateway close codes after which discord.js gives a shard up for good (its
 * UNRECOVERABLE_CLOSE_CODES): the shard stays disconnected and nothing in the process would ever
 * bring it back. Each gets one line saying what happened and what a person has to do; the process
 * then reports unhealthy and exits so that its manager or supervisor restarts it (see bot.ts).
 */
import type { MessageContentSetting } from "../../config.ts";

export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([4004, 4010, 4011, 4012, 4013, 4014]);

export interface CloseContext {
  code: number;
  /** The shard that was closed, and the bot's shard count. */
  shardId: number;
  shardCount: number;
  /** DISCORD_SHARDS as configured (null: one process). */
  sharded: boolean;
  /** What GET /gateway/bot recommends now (4011 only); null when it could not be read. */
  recommended?: number | null;
  messageContent: MessageContentSetting;
}

const PORTAL = "Developer Portal → your application → Bot";

/** The one human line for a close code in FATAL_CLOSE_CODES. */
export function describeFatalClose(c: CloseContext): string {
  const prefix = `Discord closed the gateway of shard ${c.shardId} with ${c.code}`;
  switch (c.code) {
    case 4004:
      return `${prefix} (authentication failed): the bot token was reset or revoked. Put the new token from ${PORTAL} → Reset Token in DISCORD_TOKEN, then restart.`;
    case 4010:
      return `${prefix} (invalid shard): shard ${c.shardId} does not exist in a bot of ${c.shardCount} shard(s). Give every host the same DISCORD_SHARDS and ids below it in DISCORD_SHARD_IDS, then restart.`;
    case 4011: {
      const asks =
        c.recommended != null
          ? `Discord asks for ${c.recommended} shard(s)`
          : "Discord asks for more (GET /gateway/bot could not be read)";
      const set =
        c.recommended != null ? `DISCORD_SHARDS=${c.recommended}` : "a larger DISCORD_SHARDS";
      const how = c.sharded
        ? `set ${set} (or auto) on every host and spread DISCORD_SHARD_IDS over them`
        : `set ${set} or DISCORD_SHARDS=auto`;
      return `${prefix} (sharding required): the bot is in too many servers for ${c.shardCount} shard(s); ${asks}. ${how[0]?.toUpperCase()}${how.slice(1)}, then restart.`;
    }
    case 4012:
      return `${prefix} (invalid API version): this discord.js speaks a gateway version Discord no longer accepts. Update discord.js, then restart.`;
    case 4013:
      return `${prefix} (invalid intents): the bot asked for intents Discord does not know, which is a bug in the bot. Report it with this line.`;
    case 4014:
      return c.messageContent === "on"
        ? `${prefix} (disallowed intents): Discord refused the Message Content intent and DISCORD_MESSAGE_CONTENT=on requires it. Enable ${PORTAL} → Privileged Gateway Intents → Message Content Intent, or set DISCORD_MESSAGE_CONTENT=auto to run without it, then restart.`
        : `${prefix} (disallowed intents): Discord refused a privileged intent the bot asked for. Check ${PORTAL} → Privileged Gateway Intents, then restart.`;
    default:
      return `${prefix}, after which discord.js does not reconnect. Restart the bot.`;
  }
}
