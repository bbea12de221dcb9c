/**
 * Every setting the program reads, validated once at start.
 *
 * `loadConfig` collects *all* problems and throws one `ConfigError` naming each variable, so a
 * misconfigured deployment is fixed in one round trip. Secret values are never echoed back: an error
 * names the variable and what is wrong with it, not what it contains.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SNOWFLAKE } from "./discord/platform/snowflake.ts";
import { redactSecrets } from "./log.ts";

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
  /**
   * DISCORD_MESSAGE_CONTENT: whether to ask for the privileged Message Content intent. "auto"
   * (default) asks, and when Discord refuses it (close 4014) carries on without; "off" never asks;
   * "on" asks and stops when refused.
   */
  messageContent?: MessageContentSetting;
}

export const MESSAGE_CONTENT_SETTINGS = ["on", "off", "auto"] as const;
export type MessageContentSetting = (typeof MESSAGE_CONTENT_SETTINGS)[number];

/** DISCORD_SHARDS: null = one process (no sharding manager); "auto" = the gateway's recommendation. */
export type ShardsSetting = "auto" | number | null;

export interface HealthConfig {
  /** HEALTH_PORT; 0 picks a free port (logged at start). */
  port: number;
  /** HEALTH_HOST, default 127.0.0.1 (use 0.0.0.0 inside a container). */
  host: string;
}

/** DATABASE_URL: the shared PostgreSQL store of several replicas; null = SQLite in DATA_DIR. */
export interface DatabaseConfig {
  /** postgres://user:password@host:port/database. Secret (the password): never logged. */
  url: string;
}

/** The HTTP interactions endpoint (INTERACTIONS_PORT), served at POST /interactions. */
export interface InteractionsConfig {
  /** INTERACTIONS_PORT; 0 picks a free port (logged at start). */
  port: number;
  /** INTERACTIONS_HOST, default 127.0.0.1 (use 0.0.0.0 inside a container). */
  host: string;
  /** DISCORD_PUBLIC_KEY: the application's Ed25519 public key, 64 hex characters. */
  publicKey: string;
}

/** Per-user limits against flooding; 0 turns a limit off. */
export interface LimitsConfig {
  /** CHAT_COOLDOWN_SECONDS (default 5): at most one chat answer per user per channel this often. */
  chatCooldownSeconds: number;
  /** COMMAND_RATE_LIMIT (default 5): commands a user may run per window before "slow down". */
  commandRateLimit: number;
  /** COMMAND_RATE_WINDOW_SECONDS (default 10): the window of COMMAND_RATE_LIMIT. */
  commandRateWindowSeconds: number;
}

export const DEFAULT_LIMITS: LimitsConfig = {
  chatCooldownSeconds: 5,
  commandRateLimit: 5,
  commandRateWindowSeconds: 10,
};

export interface Config {
  /** Null when DISCORD_TOKEN is not set: the program then runs the local console instead. */
  discord: DiscordConfig | null;
  /** DISCORD_SHARDS: the bot's total number of shards, run by the sharding manager; null = one process. */
  shards: ShardsSetting;
  /**
   * DISCORD_SHARD_IDS: the shards this host runs (ascending), when the bot's shards are spread
   * over several hosts; null = all of them. Always null without a numeric DISCORD_SHARDS.
   */
  shardIds?: number[] | null;
  /** DISCORD_SHARDS_PER_PROCESS: shards one process (one discord.js client) runs. */
  shardsPerProcess?: number;
  /** The HTTP health endpoint, or null when HEALTH_PORT is unset. */
  health: HealthConfig | null;
  /**
   * The HTTP interactions endpoint, or null/absent when INTERACTIONS_PORT is unset (interactions
   * then arrive over the gateway only).
   */
  interactions?: InteractionsConfig | null;
  /**
   * DISCORD_GATEWAY: whether to connect to the gateway (default true). False only with an
   * interactions endpoint: the process then serves commands over HTTP and never connects.
   */
  gateway?: boolean;
  /** Absolute directory for runtime data (the SQLite store and its salt). */
  dataDir: string;
  /** The PostgreSQL store, or null/absent for SQLite in `dataDir`. */
  database?: DatabaseConfig | null;
  logLevel: LogLevel;
  /**
   * Abuse limits. `loadConfig` always sets them (defaults: DEFAULT_LIMITS); a Config built in code
   * without them (tests, benchmarks) runs with no limits.
   */
  limits?: LimitsConfig;
  /** LOG_QUESTIONS: log what users typed (questions, chat messages). Off unless set to true. */
  logQuestions?: boolean;
  /**
   * FEEDBACK_RETENTION_DAYS: votes, corrections and unanswered questions older than this are
   * deleted (at start and daily). `loadConfig` always sets it; absent: the default.
   */
  feedbackRetentionDays: number;
}

export const DEFAULT_FEEDBACK_RETENTION_DAYS = 90;
/** Ten years: beyond that "retention" means "forever", which the setting exists to prevent. */
export const MAX_FEEDBACK_RETENTION_DAYS = 3650;

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

const PUBLIC_KEY = /^[0-9a-f]{64}$/i;

type Env = Record<string, string | undefined>;

/** Empty strings count as unset: `.env` files often carry `DISCORD_GUILD_ID=` placeholders. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/**
 * A token pasted into the wrong variable ("DISCORD_CLIENT_ID=<token>") must not be echoed by the
 * message that says the value is wrong, nor a proxy's password by the one about DISCORD_API_URL:
 * every problem goes through the program's one redaction, told the token as written and bare.
 */
function redactProblem(problem: string, token: string | undefined): string {
  const bare = token?.replace(/^["']|["']$/g, "").replace(/^Bot\s+/i, "");
  return redactSecrets(problem, token, bare);
}

/** DATA_DIR as an absolute path (default: var/ in the project); also read by `npm run review`. */
export function dataDirFrom(env: Env = process.env): string {
  return path.resolve(PROJECT_ROOT, read(env, "DATA_DIR") ?? "var");
}

/**
 * DATABASE_URL, checked for its shape only (reaching the server is the start's job). A problem
 * never shows the URL: it may hold a password.
 */
export function databaseFrom(env: Env, problems: string[]): DatabaseConfig | null {
  const url = read(env, "DATABASE_URL");
  if (url === undefined) return null;
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (parsed === null || !["postgres:", "postgresql:"].includes(parsed.protocol)) {
    problems.push(
      "DATABASE_URL must be a PostgreSQL URL such as postgres://bot:password@db.example:5432/bot (value not shown)",
    );
    return null;
  }
  return { url };
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
      // Its credentials are redacted with every problem's; without "://" nothing tells them apart.
      const got =
        apiUrl.includes("@") && !apiUrl.includes("://")
          ? "a value with an @ (not shown)"
          : `"${apiUrl}"`;
      problems.push(
        `DISCORD_API_URL must be an http(s) URL such as https://discord.com/api, got ${got}`,
      );
      apiUrl = null;
    } else {
      // discord.js appends "/v10/..." itself; a trailing slash would double it.
      apiUrl = apiUrl.replace(/\/+$/, "");
    }
  }

  const rawContent = read(env, "DISCORD_MESSAGE_CONTENT")?.toLowerCase() ?? "auto";
  let messageContent: MessageContentSetting = "auto";
  if ((MESSAGE_CONTENT_SETTINGS as readonly string[]).includes(rawContent)) {
    messageContent = rawContent as MessageContentSetting;
  } else {
    problems.push(`DISCORD_MESSAGE_CONTENT must be on, off or auto, got "${rawContent}"`);
  }

  const dataDir = dataDirFrom(env);
  const database = databaseFrom(env, problems);

  const rawLevel = read(env, "LOG_LEVEL")?.toLowerCase() ?? "info";
  let logLevel: LogLevel = "info";
  if ((LOG_LEVELS as readonly string[]).includes(rawLevel)) {
    logLevel = rawLevel as LogLevel;
  } else {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${rawLevel}"`);
  }

  // Not SHARDS / SHARD_COUNT: discord.js reads those itself in every shard process.
  let shards: ShardsSetting = null;
  const rawShards = read(env, "DISCORD_SHARDS")?.toLowerCase();
  if (rawShards === "auto") {
    shards = "auto";
  } else if (rawShards !== undefined) {
    if (/^\d{1,5}$/.test(rawShards) && Number(rawShards) >= 1) {
      shards = Number(rawShards);
    } else {
      problems.push(
        `DISCORD_SHARDS must be "auto" or a number of shards (1 or more), got "${rawShards}"`,
      );
    }
  }

  const layout = shardLayout(env, shards, problems);

  /** A listen address `{port, host}` from PREFIX_PORT and PREFIX_HOST; null when the port is unset. */
  const listenAddress = (prefix: string): { port: number; host: string } | null => {
    const rawPort = read(env, `${prefix}_PORT`);
    const host = read(env, `${prefix}_HOST`) ?? "127.0.0.1";
    if (/\s/.test(host)) {
      problems.push(`${prefix}_HOST must be a host name or IP address, got "${host}"`);
    }
    if (rawPort === undefined) return null;
    if (/^\d{1,5}$/.test(rawPort) && Number(rawPort) <= 65_535)
      return { port: Number(rawPort), host };
    problems.push(`${prefix}_PORT must be a TCP port (0-65535), got "${rawPort}"`);
    return null;
  };
  const health: HealthConfig | null = listenAddress("HEALTH");

  // The HTTP interactions endpoint and whether the gateway is used (docs/operations.md, "HTTP
  // interactions").
  const endpoint = listenAddress("INTERACTIONS");
  const publicKey = read(env, "DISCORD_PUBLIC_KEY");
  if (publicKey !== undefined && !PUBLIC_KEY.test(publicKey)) {
    problems.push(
      `DISCORD_PUBLIC_KEY must be the application's public key, 64 hexadecimal characters (General Information page), got ${publicKey.length} characters`,
    );
  } else if (publicKey === undefined && read(env, "INTERACTIONS_PORT") !== undefined) {
    problems.push(
      "DISCORD_PUBLIC_KEY is required with INTERACTIONS_PORT: every request is checked against it",
    );
  }
  const interactions: InteractionsConfig | null =
    endpoint && publicKey !== undefined && PUBLIC_KEY.test(publicKey)
      ? { ...endpoint, publicKey: publicKey.toLowerCase() }
      : null;
  const rawGateway = read(env, "DISCORD_GATEWAY")?.toLowerCase() ?? "on";
  const gateway = rawGateway !== "off";
  if (rawGateway !== "on" && rawGateway !== "off") {
    problems.push(`DISCORD_GATEWAY must be on or off, got "${rawGateway}"`);
  } else if (!gateway && read(env, "INTERACTIONS_PORT") === undefined) {
    problems.push(
      "DISCORD_GATEWAY=off needs INTERACTIONS_PORT: without the gateway, interactions can only arrive over HTTP",
    );
  } else if (rawShards !== undefined && read(env, "INTERACTIONS_PORT") !== undefined) {
    // Every shard process would bind the same port; HTTP replicas scale on their own instead.
    problems.push(
      "INTERACTIONS_PORT cannot go with DISCORD_SHARDS: run the endpoint in its own processes (DISCORD_GATEWAY=off) beside the sharded gateway bot",
    );
  }

  // Abuse limits and question logging (README, "Reliability and abuse").
  const number = (name: string, fallback: number, max: number, integer: boolean): number => {
    const raw = read(env, name);
    if (raw === undefined) return fallback;
    const value = /^\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(value >= 0 && value <= max) || (integer && !Number.isInteger(value))) {
      const kind = integer ? "a whole number" : "a number";
      problems.push(`${name} must be ${kind} from 0 to ${max} (0 turns it off), got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const limits: LimitsConfig = {
    chatCooldownSeconds: number(
      "CHAT_COOLDOWN_SECONDS",
      DEFAULT_LIMITS.chatCooldownSeconds,
      3600,
      false,
    ),
    commandRateLimit: number("COMMAND_RATE_LIMIT", DEFAULT_LIMITS.commandRateLimit, 1000, true),
    commandRateWindowSeconds: number(
      "COMMAND_RATE_WINDOW_SECONDS",
      DEFAULT_LIMITS.commandRateWindowSeconds,
      3600,
      false,
    ),
  };
  if (limits.commandRateLimit > 0 && limits.commandRateWindowSeconds === 0) {
    problems.push("COMMAND_RATE_WINDOW_SECONDS must be more than 0 when COMMAND_RATE_LIMIT is set");
  }
  const rawLogQuestions = read(env, "LOG_QUESTIONS")?.toLowerCase() ?? "false";
  const logQuestions = ["true", "1", "yes", "on"].includes(rawLogQuestions);
  if (!logQuestions && !["false", "0", "no", "off"].includes(rawLogQuestions)) {
    problems.push(`LOG_QUESTIONS must be true or false, got "${rawLogQuestions}"`);
  }

  let feedbackRetentionDays = DEFAULT_FEEDBACK_RETENTION_DAYS;
  const rawRetention = read(env, "FEEDBACK_RETENTION_DAYS");
  if (rawRetention !== undefined) {
    const days = /^\d{1,5}$/.test(rawRetention) ? Number(rawRetention) : Number.NaN;
    if (days >= 1 && days <= MAX_FEEDBACK_RETENTION_DAYS) {
      feedbackRetentionDays = days;
    } else {
      problems.push(
        `FEEDBACK_RETENTION_DAYS must be a whole number of days from 1 to ${MAX_FEEDBACK_RETENTION_DAYS}, got "${rawRetention}"`,
      );
    }
  }

  if (problems.length > 0) throw new ConfigError(problems.map((p) => redactProblem(p, token)));

  return {
    discord: token === undefined ? null : { token, clientId, guildId, apiUrl, messageContent },
    shards,
    shardIds: layout.shardIds,
    shardsPerProcess: layout.shardsPerProcess,
    health,
    interactions,
    gateway,
    dataDir,
    database,
    logLevel,
    limits,
    logQuestions,
    feedbackRetentionDays,
  };
}

/**
 * Shards one process runs by default: measured with `npm run bench:shards` (docs/operations.md,
 * "Sharding across hosts"); a process of 4 shards costs about a third of four processes of one.
 */
export const DEFAULT_SHARDS_PER_PROCESS = 4;
/** Beyond this one process would hold more servers than one event loop should serve. */
const MAX_SHARDS_PER_PROCESS = 16;

/**
 * "0-3", "0,2,5", "0-1,4": the shard ids a host runs, ascending; a string naming what is wrong
 * otherwise (malformed, out of 0..total-1, listed twice).
 */
export function parseShardIds(raw: string, total: number): number[] | string {
  const ids: number[] = [];
  for (const part of raw.split(",").map((p) => p.trim())) {
    const range = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(part);
    if (!range) return `"${part}" is neither a shard id nor a range such as 0-3`;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from) return `the range ${part} runs backwards`;
    if (to >= total) {
      return `shard ${to} does not exist: with DISCORD_SHARDS=${total} the ids are 0 to ${total - 1}`;
    }
    for (let id = from; id <= to; id++) {
      if (ids.includes(id)) return `shard ${id} is listed twice`;
      ids.push(id);
    }
  }
  return ids.sort((a, b) => a - b);
}

/** DISCORD_SHARD_IDS and DISCORD_SHARDS_PER_PROCESS, checked against DISCORD_SHARDS. */
function shardLayout(
  env: Env,
  shards: ShardsSetting,
  problems: string[],
): { shardIds: number[] | null; shardsPerProcess: number } {
  let shardIds: number[] | null = null;
  const rawIds = read(env, "DISCORD_SHARD_IDS");
  if (rawIds !== undefined) {
    if (typeof shards !== "number") {
      // Hosts that each asked Discord for "auto" could disagree on the total, and a shard id only
      // means something against one total.
      problems.push(
        `DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the bot's total number of shards (the same number on every host), got DISCORD_SHARDS=${read(env, "DISCORD_SHARDS") ?? "(unset)"}`,
      );
    } else {
      const parsed = parseShardIds(rawIds, shards);
      if (typeof parsed === "string") {
        problems.push(
          `DISCORD_SHARD_IDS must list this host's shards as ids or ranges (0-3, or 0,2,5): ${parsed}`,
        );
      } else {
        shardIds = parsed;
        // A host that runs only some shards has others beside it: without one store they would
        // each pace identifies alone, count limits apart and keep their own votes and salt.
        if (parsed.length < shards && read(env, "DATABASE_URL") === undefined) {
          problems.push(
            "DISCORD_SHARD_IDS runs part of the bot on this host: set DATABASE_URL to the PostgreSQL every host shares (identify pacing, limits, settings, votes)",
          );
        }
      }
    }
  }
  let shardsPerProcess = DEFAULT_SHARDS_PER_PROCESS;
  const rawPerProcess = read(env, "DISCORD_SHARDS_PER_PROCESS");
  if (rawPerProcess !== undefined) {
    const value = /^\d{1,3}$/.test(rawPerProcess) ? Number(rawPerProcess) : Number.NaN;
    if (!(value >= 1 && value <= MAX_SHARDS_PER_PROCESS)) {
      problems.push(
        `DISCORD_SHARDS_PER_PROCESS must be a whole number from 1 to ${MAX_SHARDS_PER_PROCESS}, got "${rawPerProcess}"`,
      );
    } else if (shards === null) {
      problems.push("DISCORD_SHARDS_PER_PROCESS needs DISCORD_SHARDS (auto or a number)");
    } else {
      shardsPerProcess = value;
    }
  }
  return { shardIds, shardsPerProcess };
}
