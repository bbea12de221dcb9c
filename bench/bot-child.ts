/**
 * The discord.js side of the bench children that run a gateway bot (bench/real-bot.ts,
 * bench/floor-bot.ts): what they report beyond memory (cache sizes, messages seen). Kept apart from
 * bench/child.ts so that the HTTP children, which never load discord.js, load none of it.
 */
import { type Client, type ClientOptions, Events } from "discord.js";
import type { CacheSizes, Watched } from "./child.ts";

/**
 * The client options the fake Discord's `clientOptions()` gives tests, rebuilt here because a
 * function cannot cross the process boundary: its API URL, and no 5 s identify throttle.
 */
export function loopbackClientOptions(apiUrl: string): Pick<ClientOptions, "rest" | "ws"> {
  return {
    rest: { api: apiUrl },
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
  };
}

export function cacheSizes(client: Client): CacheSizes {
  let roles = 0;
  let members = 0;
  let messages = 0;
  for (const guild of client.guilds.cache.values()) {
    roles += guild.roles.cache.size;
    members += guild.members.cache.size;
  }
  for (const channel of client.channels.cache.values()) {
    if (channel.isTextBased()) messages += channel.messages.cache.size;
  }
  return {
    guilds: client.guilds.cache.size,
    channels: client.channels.cache.size,
    roles,
    members,
    users: client.users.cache.size,
    messages,
  };
}

/** Counts MESSAGE_CREATE events from now on; with the cache sizes, what the parent asks for. */
export function watchClient(client: Client): Watched {
  let seen = 0;
  client.on(Events.MessageCreate, () => {
    seen++;
  });
  return { caches: () => cacheSizes(client), messagesSeen: () => seen };
}
