/**
 * Command registration: a bulk overwrite (PUT) of the whole list, guild-scoped when DISCORD_GUILD_ID
 * is set (instant while developing), global otherwise. At start-up the stored commands are compared
 * with the definitions first, so an unchanged bot does not rewrite them on every restart.
 */
import {
  type APIApplicationCommand,
  type ApplicationCommand,
  type Client,
  type Collection,
  REST,
  type RESTPostAPIApplicationCommandsJSONBody,
  Routes,
} from "discord.js";
import type { DiscordConfig } from "../../config.ts";
import type { Logger } from "../../log.ts";
import { COMMAND_DEFINITIONS } from "../commands/index.ts";

export type SyncResult = "unchanged" | "updated";

/** Whether the stored commands are exactly the definitions (same set, every one equal). */
export function commandsMatch(
  stored: Collection<string, ApplicationCommand>,
  definitions: readonly RESTPostAPIApplicationCommandsJSONBody[] = COMMAND_DEFINITIONS,
): boolean {
  if (stored.size !== definitions.length) return false;
  return definitions.every((definition) =>
    stored.some(
      (command) =>
        command.name === definition.name &&
        command.type === (definition.type ?? 1) &&
        // equals() reads the API (snake_case) shape too; its typings only lack the JSON body type.
        command.equals(definition as unknown as APIApplicationCommand),
    ),
  );
}

/** Registers the commands from a logged-in client, skipping the write when nothing changed. */
export async function syncCommands(
  client: Client<true>,
  guildId: string | null,
  log: Logger,
): Promise<SyncResult> {
  const manager = client.application.commands;
  // Full localization maps are only returned on request; without them every comparison would fail.
  const stored = guildId
    ? await manager.fetch({ guildId, withLocalizations: true })
    : await manager.fetch({ withLocalizations: true });
  if (commandsMatch(stored)) {
    log.info({ scope: guildId ?? "global", count: stored.size }, "commands unchanged");
    return "unchanged";
  }
  if (guildId) await manager.set(COMMAND_DEFINITIONS, guildId);
  else await manager.set(COMMAND_DEFINITIONS);
  log.info(
    { scope: guildId ?? "global", count: COMMAND_DEFINITIONS.length },
    "commands registered",
  );
  return "updated";
}

/** `syncCommands` at start-up, in the background: a failure is logged and reported, never thrown. */
export function syncCommandsAtStart(
  client: Client<true>,
  guildId: string | null,
  log: Logger,
): Promise<SyncResult | "failed"> {
  return syncCommands(client, guildId, log).catch((error: unknown) => {
    log.error({ err: error }, "command registration failed");
    return "failed" as const;
  });
}

/** `npm run register`: the same bulk overwrite over REST alone, without connecting to the gateway. */
export async function registerOverRest(
  discord: DiscordConfig,
): Promise<{ applicationId: string; scope: string; count: number }> {
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  const applicationId =
    discord.clientId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const route = discord.guildId
    ? Routes.applicationGuildCommands(applicationId, discord.guildId)
    : Routes.applicationCommands(applicationId);
  const body = (await rest.put(route, { body: COMMAND_DEFINITIONS })) as unknown[];
  return {
    applicationId,
    scope: discord.guildId ? `guild ${discord.guildId}` : "global",
    count: Array.isArray(body) ? body.length : COMMAND_DEFINITIONS.length,
  };
}
