/**
 * The discord.js client, configured once: the three intents the bot needs, no mentions by default,
 * replies that survive a deleted original, and REST (hence gateway discovery) from DISCORD_API_URL.
 */
import { Client, type ClientOptions, GatewayIntentBits, Options } from "discord.js";
import type { DiscordConfig } from "../config.ts";
import { NO_MENTIONS } from "./payloads.ts";

/** `overrides` is for tests and tools (e.g. the fake Discord's identify throttle); production passes none. */
export function createClient(
  discord: DiscordConfig,
  overrides: Partial<ClientOptions> = {},
): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
    ],
    // Also set on each payload explicitly; this default catches anything that forgets.
    allowedMentions: NO_MENTIONS,
    // Reply even when the question was deleted meanwhile, instead of failing with 50035.
    failIfNotExists: false,
    // Nothing reads old messages back: every message is handled when it arrives.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
    }),
    ...(discord.apiUrl ? { rest: { api: discord.apiUrl } } : {}),
    ...overrides,
  });
}
