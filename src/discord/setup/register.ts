/**
 * Command registration: a bulk overwrite (PUT) of the whole list, guild-scoped when DISCORD_GUILD_ID
 * is set (instant while developing), global otherwise; `npm run register` also clears the other
 * scope's copies (registerOverRest). At start-up the stored commands are compared
 * with the definitions first, so an unchanged bot does not rewrite them on every restart. It is all
 * REST (@discordjs/core's API), so the gateway bot, the HTTP-only bot and `npm run register` share it.
 */
import { isDeepStrictEqual } from "node:util";
import { API } from "@discordjs/core/http-only";
import { REST } from "@discordjs/rest";
import type {
  APIApplicationCommand,
  RESTPutAPIApplicationCommandsJSONBody,
  RESTPutAPIApplicationGuildCommandsJSONBody,
} from "discord-api-types/v10";
import type { DiscordConfig } from "../../config.ts";
import type { Logger } from "../../log.ts";
import { COMMAND_DEFINITIONS } from "../commands/index.ts";
import { DiscordCode, discordCode } from "../rest/discord-errors.ts";

export type SyncResult = "unchanged" | "updated";

/**
 * The list as a guild's: the same definitions, contexts included. The API types leave contexts out
 * of guild commands, and Discord ignores them there; one list for both scopes keeps them identical.
 */
const GUILD_DEFINITIONS = COMMAND_DEFINITIONS as RESTPutAPIApplicationGuildCommandsJSONBody;

/**
 * What a definition can set, per level; the rest of a stored command (ids, version, fields Discord
 * adds such as `name_localized`) is Discord's. The same fields discord.js's
 * ApplicationCommand.equals compares.
 */
const COMMAND_FIELDS = [
  "type",
  "name",
  "name_localizations",
  "description",
  "description_localizations",
  "options",
  "default_member_permissions",
  "contexts",
  "integration_types",
  "nsfw",
] as const;
const OPTION_FIELDS = [
  "type",
  "name",
  "name_localizations",
  "description",
  "description_localizations",
  "required",
  "autocomplete",
  "choices",
  "options",
  "channel_types",
  "min_value",
  "max_value",
  "min_length",
  "max_length",
] as const;
const CHOICE_FIELDS = ["name", "name_localizations", "value"] as const;

type Fields = readonly string[];

/**
 * A value to compare: Discord leaves out what is false or empty (`required: false`, a message
 * command's description), so absent, false, null, "", [] and {} are all the same here.
 */
function blank(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

/** `value` reduced to `fields` (and, below it, options' and choices' own), blanks dropped. */
function canonical(value: unknown, fields: Fields): unknown {
  if (Array.isArray(value)) return value.map((item) => canonical(item, fields));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of fields) {
    const v = record[key];
    if (blank(v)) continue;
    if (key === "options") out[key] = canonical(v, OPTION_FIELDS);
    else if (key === "choices") out[key] = canonical(v, CHOICE_FIELDS);
    else out[key] = v;
  }
  return out;
}

/**
 * Where a command is used is an application-wide matter: on a guild's commands Discord ignores
 * contexts and installation types, and may give them back otherwise than sent.
 */
const GUILD_COMMAND_FIELDS = COMMAND_FIELDS.filter(
  (field) => field !== "contexts" && field !== "integration_types",
);

/** A command as a comparable value; a chat command's type (1) may be left out of a definition. */
function comparable(command: object, fields: Fields): unknown {
  const { type } = command as { type?: unknown };
  return canonical({ ...command, type: type ?? 1 }, fields);
}

/**
 * Whether the stored commands are exactly the definitions (same set, every one equal); `guild`:
 * they are one server's (DISCORD_GUILD_ID), not global.
 */
export function commandsMatch(
  stored: readonly APIApplicationCommand[],
  definitions: RESTPutAPIApplicationCommandsJSONBody = COMMAND_DEFINITIONS,
  { guild = false }: { guild?: boolean } = {},
): boolean {
  if (stored.length !== definitions.length) return false;
  const fields = guild ? GUILD_COMMAND_FIELDS : COMMAND_FIELDS;
  const wanted = definitions.map((d) => comparable(d, fields));
  const have = stored.map((c) => comparable(c, fields));
  return wanted.every((definition) =>
    have.some((command) => isDeepStrictEqual(command, definition)),
  );
}

/** Registers the commands of `applicationId`, skipping the write when nothing changed. */
export async function syncCommands(
  rest: REST,
  applicationId: string,
  guildId: string | null,
  log: Logger,
): Promise<SyncResult> {
  const commands = new API(rest).applicationCommands;
  // Full localization maps are only returned on request; without them every comparison would fail.
  const query = { with_localizations: true };
  const stored = guildId
    ? await commands.getGuildCommands(applicationId, guildId, query)
    : await commands.getGlobalCommands(applicationId, query);
  if (commandsMatch(stored, COMMAND_DEFINITIONS, { guild: guildId !== null })) {
    log.info({ scope: guildId ?? "global", count: stored.length }, "commands unchanged");
    return "unchanged";
  }
  if (guildId) {
    await commands.bulkOverwriteGuildCommands(applicationId, guildId, GUILD_DEFINITIONS);
  } else await commands.bulkOverwriteGlobalCommands(applicationId, COMMAND_DEFINITIONS);
  log.info(
    { scope: guildId ?? "global", count: COMMAND_DEFINITIONS.length },
    "commands registered",
  );
  return "updated";
}

/** `syncCommands` at start-up, in the background: a failure is logged and reported, never thrown. */
export function syncCommandsAtStart(
  rest: REST,
  applicationId: string,
  guildId: string | null,
  log: Logger,
): Promise<SyncResult | "failed"> {
  return syncCommands(rest, applicationId, guildId, log).catch((error: unknown) => {
    log.error({ err: error }, "command registration failed");
    return "failed" as const;
  });
}

/** A REST client for `discord`: its token, and its API URL when set (the tests' loopback). */
export function restFor(discord: DiscordConfig): REST {
  return new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
}

export interface RegisterOptions {
  /**
   * Global scope: the servers to clear of guild copies; default, every server the bot is in
   * (GET /users/@me/guilds).
   */
  guilds?: readonly string[];
  /** Guild scope: delete this application's global commands too. */
  removeGlobal?: boolean;
}

export interface RegisterResult {
  applicationId: string;
  scope: string;
  count: number;
  /** Global scope: the servers checked for guild copies, and those whose copies were deleted. */
  guildCopies?: { checked: number; removed: string[] };
  /** Guild scope: the application's global commands found, and whether they were deleted. */
  globalCommands?: { count: number; removed: boolean };
}

/** Every server the bot is in, 200 at a time (Discord's page size for this route). */
async function botGuilds(api: API): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const after = ids.at(-1);
    const page = await api.users.getGuilds({ limit: 200, ...(after && { after }) });
    ids.push(...page.map((g) => g.id));
    if (page.length < 200) return ids;
  }
}

/**
 * `npm run register`: the same bulk overwrite over REST alone, without connecting to the gateway,
 * and no copy left in the other scope. Globally, a server that kept the guild copies of an earlier
 * DISCORD_GUILD_ID registration would show every command twice, so they are deleted (they are only
 * ever copies of these commands). In one server, the global commands may be serving every other
 * server: they are counted, and deleted only with `removeGlobal`.
 */
export async function registerOverRest(
  discord: DiscordConfig,
  { guilds, removeGlobal = false }: RegisterOptions = {},
): Promise<RegisterResult> {
  const rest = restFor(discord);
  const api = new API(rest);
  const commands = api.applicationCommands;
  try {
    const applicationId = discord.clientId ?? (await api.applications.getCurrent()).id;
    if (discord.guildId) {
      const body = await commands.bulkOverwriteGuildCommands(
        applicationId,
        discord.guildId,
        GUILD_DEFINITIONS,
      );
      const global = await commands.getGlobalCommands(applicationId);
      if (removeGlobal && global.length > 0) {
        await commands.bulkOverwriteGlobalCommands(applicationId, []);
      }
      return {
        applicationId,
        scope: `guild ${discord.guildId}`,
        count: body.length,
        globalCommands: { count: global.length, removed: removeGlobal && global.length > 0 },
      };
    }
    const body = await commands.bulkOverwriteGlobalCommands(applicationId, COMMAND_DEFINITIONS);
    const checked = guilds && guilds.length > 0 ? [...new Set(guilds)] : await botGuilds(api);
    const removed: string[] = [];
    for (const guildId of checked) {
      let copies: readonly unknown[];
      try {
        copies = await commands.getGuildCommands(applicationId, guildId);
      } catch (error) {
        // A server the application has no access to (no applications.commands there) has none.
        if (discordCode(error) === DiscordCode.MissingAccess) continue;
        throw error;
      }
      if (copies.length === 0) continue;
      await commands.bulkOverwriteGuildCommands(applicationId, guildId, []);
      removed.push(guildId);
    }
    return {
      applicationId,
      scope: "global",
      count: body.length,
      guildCopies: { checked: checked.length, removed },
    };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
