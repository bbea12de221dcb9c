/**
 * The gateway's side of the send guard (rest/send-guard.ts): which server a refused channel
 * belongs to, and the events after which the bot may be allowed to speak again in a server: a role
 * changed or went away (the bot's, or @everyone's), a channel or thread changed (its overwrites, a
 * category they follow, a thread unlocked), the bot's own roles changed, or the server came back
 * (the bot invited again). Each makes the guard forget that server's refused channels: the next
 * mention there is tried, and if Discord still refuses, remembered again.
 */
import type { Client } from "discord.js";
import { GatewayDispatchEvents } from "discord-api-types/v10";
import type { SendGuard } from "../rest/send-guard.ts";

/** The server of a channel the client has seen; null for a DM or a channel it does not know. */
export function guildOfChannel(client: Client, channelId: string): string | null {
  const channel = client.channels.cache.get(channelId);
  return channel && !channel.isDMBased() ? channel.guildId : null;
}

/** Events whose payload names the server in `guild_id` and may change what the bot may do there. */
const GUILD_EVENTS = [
  GatewayDispatchEvents.GuildRoleUpdate,
  GatewayDispatchEvents.GuildRoleDelete,
  GatewayDispatchEvents.ChannelUpdate,
  GatewayDispatchEvents.ThreadUpdate,
] as const;

function field(payload: unknown, name: string): unknown {
  return typeof payload === "object" && payload !== null
    ? (payload as Record<string, unknown>)[name]
    : undefined;
}

export function forgetRefusalsOnPermissionChange(client: Client, sends: SendGuard | undefined) {
  if (!sends) return;
  const forget = (guildId: unknown) => {
    if (typeof guildId === "string") sends.forgetGuild(guildId);
  };
  for (const event of GUILD_EVENTS) {
    client.ws.on(event, (payload: unknown) => forget(field(payload, "guild_id")));
  }
  client.ws.on(GatewayDispatchEvents.GuildCreate, (payload: unknown) =>
    forget(field(payload, "id")),
  );
  // Sent for the bot itself when its roles change (other members' updates need an intent it lacks).
  client.ws.on(GatewayDispatchEvents.GuildMemberUpdate, (payload: unknown) => {
    if (field(field(payload, "user"), "id") === client.user?.id) {
      forget(field(payload, "guild_id"));
    }
  });
}
