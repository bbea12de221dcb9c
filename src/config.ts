/**
 * Every setting the program reads, validated once at start.
 *
 * `loadConfig` collects *all* problems and throws one `ConfigError` naming each variable, so a
 * misconfigured deployment is fixed in one round trip. Secret values are never echoed back: an error
 * names the variable and what is wrong with it, not what it contains.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface DiscordConfig {
  /** Bot token. Secret: never logged, never printed. */
  token: string;
  /** Application id; when absent it is read from the gateway READY (or the API, for `register`). */
  clientId: string | null;
  /** When set, commands are registered in this server only (instant updates while developing). */
  guildId: string | null;
  /** REST base URL such as "https://discord.com/api" (discord.js appends /v10); null = Discord's. */
  apiUrl: string | null;
}

export interface Config {
  /** Null when DISCORD_TOKEN is not set: the program then runs the local console instead. */
  discord: DiscordConfig | null;
  /** Absolute directory for runtime data (the settings database). */
  dataDir: string;
  logLevel: LogLevel;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** The project root, so the default DATA_DIR does not depend on the working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const SNOWFLAKE = /^\d{1,20}$/;

type Env = Record<string, string | undefined>;

/** Empty strings count as unset: `.env` files often carry `DISCORD_GUILD_ID=` placeholders. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const token = read(env, "DISCORD_TOKEN");
  // A pasted token often carries a "Bot " prefix or quotes; say so without showing the value.
  if (token !== undefined && (/\s/.test(token) || /^["']|["']$/.test(token))) {
    problems.push(
      "DISCORD_TOKEN must be the bare bot token (no spaces, quotes or 'Bot ' prefix); value not shown",
    );
  }

  const snowflake = (name: string): string | null => {
    const value = read(env, name);
    if (value === undefined) return null;
    if (!SNOWFLAKE.test(value)) {
      problems.push(`${name} must be a Discord id (digits only), got "${value}"`);
      return null;
    }
    return value;
  };
  const clientId = snowflake("DISCORD_CLIENT_ID");
  const guildId = snowflake("DISCORD_GUILD_ID");

  let apiUrl: string | null = read(env, "DISCORD_API_URL") ?? null;
  if (apiUrl !== null) {
    let url: URL | null = null;
    try {
      url = new URL(apiUrl);
    } catch {
      url = null;
    }
    if (url === null || (url.protocol !== "http:" && url.protocol !== "https:")) {
      problems.push(
        `DISCORD_API_URL must be an http(s) URL such as https://discord.com/api, got "${apiUrl}"`,
      );
      apiUrl = null;
    } else {
      // discord.js appends "/v10/..." itself; a trailing slash would double it.
      apiUrl = apiUrl.replace(/\/+$/, "");
    }
  }

  const dataDir = path.resolve(PROJECT_ROOT, read(env, "DATA_DIR") ?? "var");

  const rawLevel = read(env, "LOG_LEVEL")?.toLowerCase() ?? "info";
  let logLevel: LogLevel = "info";
  if ((LOG_LEVELS as readonly string[]).includes(rawLevel)) {
    logLevel = rawLevel as LogLevel;
  } else {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${rawLevel}"`);
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    discord: token === undefined ? null : { token, clientId, guildId, apiUrl },
    dataDir,
    logLevel,
  };
}
