/**
 * The discord.js client, configured once: the intents the bot needs, no mentions by default,
 * replies that survive a deleted original, REST (hence gateway discovery) from DISCORD_API_URL, and
 * caches cut down to what the bot reads, so memory grows slowly with servers and chat.
 */

import { DefaultRestOptions } from "@discordjs/rest";
import {
  Client,
  type ClientOptions,
  type Collection,
  GatewayIntentBits,
  type GuildMember,
  LimitedCollection,
  Options,
  Partials,
  type Role,
  type User,
} from "discord.js";
import type { DiscordConfig } from "../../config.ts";
import { NO_MENTIONS_OPTIONS } from "../render/payloads.ts";
import type { SendGuard } from "../rest/send-guard.ts";

const isSelf = (entry: User | GuildMember): boolean => entry.id === entry.client.user?.id;

/** @everyone, which discord.js needs for any permission computation, and the bot's own role. */
const isEssentialRole = (role: Role): boolean =>
  role.id === role.guild.id ||
  (role.tags?.botId != null && role.tags.botId === role.client.user?.id);

/**
 * What discord.js keeps in memory, per manager. By default it keeps everything it is sent: every
 * member and user who ever spoke, 200 messages per channel, every role, emoji and sticker… The bot
 * only reads:
 *
 * - guilds, for the server's preferred locale in chat (`message.guild.preferredLocale`);
 * - channels and threads: discord.js emits `messageCreate` only for a cached channel, replies go
 *   through it, and a thread's `parentId` tells whether it belongs to a Q&A channel;
 * - its own user and member (`client.user`, `guild.members.me`).
 *
 * Everything else arrives with the event or interaction that needs it (message author, the invoking
 * member and its permissions, the bot's permissions, resolved options, the replied-to message), so
 * it is not kept: 0 means an entry is dropped as it arrives, while the object built from the event
 * lives as long as the handler holds it. Hence getters that read a cache come back empty:
 * `message.member` is null (use `message.author`), `guild.members.cache` holds the bot alone.
 *
 * Roles are limited to @everyone and the bot's own managed role. discord.js warns once at start
 * that limiting RoleManager is unsupported (filterRoleCacheWarning drops that one warning): what it
 * would break is computing permissions from the cache (`member.permissions`, `channel.permissionsFor`), which the bot never does; interactions
 * carry the permissions, and a refused chat reply is handled as a REST error.
 *
 * Left as discord.js has them: guilds, channels and permission overwrites (not supported limited),
 * and threads, swept once archived for 4 hours by discord.js's default sweeper. What remains grows
 * with servers and channels only, about 1 KB per channel: `npm run bench:e2e` measures it, and
 * test/e2e/memory.test.ts fails if the limits are lost.
 */
export const CACHE_LIMITS = {
  MessageManager: 0,
  GuildMemberManager: { maxSize: 0, keepOverLimit: isSelf },
  UserManager: { maxSize: 0, keepOverLimit: isSelf },
  RoleManager: { maxSize: 0, keepOverLimit: isEssentialRole },
  PresenceManager: 0,
  VoiceStateManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  GuildEmojiManager: 0,
  BaseGuildEmojiManager: 0,
  ApplicationEmojiManager: 0,
  GuildStickerManager: 0,
  GuildInviteManager: 0,
  GuildBanManager: 0,
  GuildScheduledEventManager: 0,
  StageInstanceManager: 0,
  GuildSoundboardSoundManager: 0,
  AutoModerationRuleManager: 0,
  ThreadMemberManager: 0,
  ApplicationCommandManager: 0,
  EntitlementManager: 0,
} as const;

type CacheFactory = NonNullable<ClientOptions["makeCache"]>;

/**
 * `Options.cacheWithLimits(CACHE_LIMITS)`, except that every manager limited to 0 (without
 * exceptions) shares one collection, which stays empty since it drops whatever is set. With 30
 * channels per server that saves an empty Map per channel for messages alone, about 6 MB per
 * thousand servers.
 */
export function makeCache(limits: Record<string, unknown> = CACHE_LIMITS): CacheFactory {
  const limited = Options.cacheWithLimits(limits);
  const nothing = new LimitedCollection<unknown, unknown>({ maxSize: 0 });
  return ((managerType, holds, manager) => {
    const setting = limits[manager.name] ?? limits[managerType.name];
    if (setting === 0) return nothing as unknown as Collection<never, never>;
    return limited(managerType, holds, manager);
  }) as CacheFactory;
}

const asIs = <T>(data: T): T => data;

let roleWarningFiltered = false;

/**
 * discord.js warns once per process that limiting RoleManager "breaks functionality". What it
 * would break is computing permissions from cached roles, which the bot never does (see
 * CACHE_LIMITS), and an alarming line on every normal start teaches people to ignore warnings.
 * So exactly that warning is dropped; every other one, from discord.js or anyone, goes through.
 */
export function filterRoleCacheWarning(): void {
  if (roleWarningFiltered) return;
  roleWarningFiltered = true;
  const emit = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const first = rest[0];
    const type = typeof first === "string" ? first : (first as { type?: string } | undefined)?.type;
    const text = typeof warning === "string" ? warning : warning.message;
    if (type === "UnsupportedCacheOverwriteWarning" && text.includes("RoleManager")) return;
    (emit as (...args: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}

/**
 * Servers and their channels, server messages and DMs; and the privileged Message Content intent
 * when `messageContent` (without it Discord still sends the text of messages that mention the bot
 * and of DMs).
 */
export function intentsFor(messageContent: boolean): GatewayIntentBits[] {
  return [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.DirectMessages,
    ...(messageContent ? [GatewayIntentBits.MessageContent] : []),
  ];
}

/**
 * `overrides` is for tests and tools (e.g. the fake Discord's identify throttle); production passes
 * none. With `sends`, a chat answer it holds back is stopped before it leaves REST's queue.
 */
export function createClient(
  discord: DiscordConfig,
  overrides: Partial<ClientOptions> = {},
  { messageContent = true, sends }: { messageContent?: boolean; sends?: SendGuard } = {},
): Client {
  filterRoleCacheWarning();
  const rest = {
    ...(discord.apiUrl && { api: discord.apiUrl }),
    ...(sends && { makeRequest: sends.guardRequests(DefaultRestOptions.makeRequest) }),
    ...overrides.rest,
  };
  return new Client({
    intents: intentsFor(messageContent),
    // A DM channel is not in the cache before its first message: without this partial,
    // discord.js drops DMs.
    partials: [Partials.Channel],
    // Also set on each payload explicitly; this default catches anything that forgets.
    allowedMentions: NO_MENTIONS_OPTIONS,
    // Reply even when the question was deleted meanwhile, instead of failing with 50035.
    failIfNotExists: false,
    // Chat answers go out through discord.js's message payloads, and their embeds and components
    // are built in Discord's own shape (typed with discord-api-types): the default transformer,
    // which deep-copies each one to snake_case its keys, would only copy them.
    jsonTransformer: asIs,
    makeCache: makeCache(),
    // Archived threads go after 4 hours (discord.js's default); nothing else is kept to sweep.
    sweepers: Options.DefaultSweeperSettings,
    ...overrides,
    rest,
  });
}
