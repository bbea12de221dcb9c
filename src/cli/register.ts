/**
 * `npm run register`: registers the application commands now (bulk overwrite), without starting the
 * bot. Guild-scoped when DISCORD_GUILD_ID is set, global otherwise; either way no command is left
 * to show twice without saying so (src/discord/setup/register.ts). The bot also registers at start.
 * Then prints the invite URL, which knows the application id only now.
 */
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.ts";
import { inviteUrl } from "../discord/setup/invite.ts";
import { type RegisterResult, registerOverRest } from "../discord/setup/register.ts";
import { redactSecrets } from "../log.ts";
import { describeConnectFailure } from "../runtime/start-failure.ts";
import { counted } from "../text/format.ts";
import { runAsScript, usageError } from "./args.ts";

const USAGE = `usage: npm run register -- [--guild ID]… [--remove-global]
  Registers the bot's commands now, without starting the bot: in the server DISCORD_GUILD_ID when
  it is set, else globally (every server; clients may take up to an hour to show changes).
  Globally, the copies an earlier DISCORD_GUILD_ID registration left in a server are deleted, so
  that no command shows twice there.
  --guild ID       global: look for those copies in this server only (repeatable); default: every
                   server the bot is in
  --remove-global  with DISCORD_GUILD_ID: also delete the application's global commands, which
                   otherwise show beside the server's (they may be serving every other server)
  -h, --help       this help; registers nothing`;

/** What was done, one line each. */
export function describeRegistration(r: RegisterResult, guildId: string | null): string[] {
  const lines = [`Registered ${r.count} commands (${r.scope}) for application ${r.applicationId}.`];
  if (r.guildCopies) {
    const { checked, removed } = r.guildCopies;
    const servers = (n: number) => counted(n, "en", { one: "server", other: "servers" });
    lines.push(
      removed.length > 0
        ? `Deleted the guild copies of the commands in ${servers(removed.length)} (${removed.join(", ")}), which showed every command twice there.`
        : `No guild copies to delete (${servers(checked)} checked).`,
    );
  }
  if (r.globalCommands && r.globalCommands.count > 0) {
    const { count, removed } = r.globalCommands;
    lines.push(
      removed
        ? `Deleted the application's ${count} global commands (clients may take a while to drop them).`
        : `The application also has ${count} global commands, shown beside these in server ${guildId}: npm run register -- --remove-global deletes them (from every server).`,
    );
  }
  return lines;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values: { guild?: string[]; "remove-global"?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        guild: { type: "string", multiple: true },
        "remove-global": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return usageError((error as Error).message.split(". ")[0] ?? "bad option", USAGE);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let token: string | undefined;
  let apiUrl: string | null = null;
  try {
    const config = loadConfig(env);
    if (!config.discord) {
      process.stderr.write("DISCORD_TOKEN is required to register commands (see .env.example).\n");
      return 1;
    }
    const { guildId } = config.discord;
    const guilds = values.guild ?? [];
    if (guildId && guilds.length > 0) {
      return usageError("--guild is for global registration: unset DISCORD_GUILD_ID", USAGE);
    }
    if (!guildId && values["remove-global"]) {
      return usageError("--remove-global goes with DISCORD_GUILD_ID", USAGE);
    }
    if (guilds.some((id) => !/^\d{17,20}$/.test(id))) {
      return usageError("--guild takes a server id (17 to 20 digits)", USAGE);
    }
    token = config.discord.token;
    apiUrl = config.discord.apiUrl;
    const result = await registerOverRest(config.discord, {
      guilds,
      removeGlobal: values["remove-global"] === true,
    });
    const lines = describeRegistration(result, guildId);
    lines.push(`Invite it to a server: ${inviteUrl(result.applicationId)}`);
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  } catch (error) {
    // The same one line as `npm start` for a bad token or an unreachable Discord.
    const message =
      error instanceof ConfigError
        ? error.message
        : (describeConnectFailure(error, apiUrl) ??
          `Registration failed: ${redactSecrets(error instanceof Error ? error.message : String(error), token)}`);
    process.stderr.write(`${message}\n`);
    return 1;
  }
}

runAsScript(import.meta, main);
