/**
 * `npm run register`: registers the application commands now (bulk overwrite), without starting the
 * bot. Guild-scoped when DISCORD_GUILD_ID is set, global otherwise. The bot also does this at start.
 * Then prints the invite URL, which knows the application id only now.
 */
import { config as loadDotenv } from "dotenv";
import { ConfigError, loadConfig } from "../config.ts";
import { describeConnectFailure } from "../discord/platform/errors.ts";
import { inviteUrl } from "../discord/platform/invite.ts";
import { registerOverRest } from "../discord/platform/register.ts";
import { redactSecrets } from "../log.ts";

loadDotenv({ quiet: true });

let token: string | undefined;
let apiUrl: string | null = null;
try {
  const config = loadConfig();
  if (!config.discord) {
    process.stderr.write("DISCORD_TOKEN is required to register commands (see .env.example).\n");
    process.exit(1);
  }
  token = config.discord.token;
  apiUrl = config.discord.apiUrl;
  const result = await registerOverRest(config.discord);
  process.stdout.write(
    `Registered ${result.count} commands (${result.scope}) for application ${result.applicationId}.\n` +
      `Invite it to a server: ${inviteUrl(result.applicationId)}\n`,
  );
  process.exit(0);
} catch (error) {
  // The same one line as `npm start` for a bad token or an unreachable Discord.
  const message =
    error instanceof ConfigError
      ? error.message
      : (describeConnectFailure(error, apiUrl) ??
        `Registration failed: ${redactSecrets(error instanceof Error ? error.message : String(error), token)}`);
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
