/**
 * Every setting the program reads, validated once at start.
 *
 * `loadConfig` collects *all* problems and throws one `ConfigError` naming each variable, so a
 * misconfigured deployment is fixed in one round trip. Secret values are never echoed back: an error
 * names the variable and what is wrong with it, not what it contains. The variables, their parsers
 * and defaults are in `config-schema.ts`; the rules between them in `config-rules.ts`.
 */
import { ruleProblems, shardIdsOf } from "./config-rules.ts";
import {
  DEFAULTS,
  type Env,
  type LogLevel,
  type MessageContentSetting,
  parseSchema,
  parseVariable,
  read,
  type ShardsSetting,
} from "./config-schema.ts";
import { redactSecrets } from "./log.ts";

export { parseShardIds } from "./config-rules.ts";
export {
  LOG_LEVELS,
  type LogLevel,
  MAX_FEEDBACK_RETENTION_DAYS,
  MESSAGE_CONTENT_SETTINGS,
  type MessageContentSetting,
  PROJECT_ROOT,
  type ShardsSetting,
} from "./config-schema.ts";

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
  chatCooldownSeconds: DEFAULTS.CHAT_COOLDOWN_SECONDS,
  commandRateLimit: DEFAULTS.COMMAND_RATE_LIMIT,
  commandRateWindowSeconds: DEFAULTS.COMMAND_RATE_WINDOW_SECONDS,
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

export const DEFAULT_FEEDBACK_RETENTION_DAYS = DEFAULTS.FEEDBACK_RETENTION_DAYS;
/** Shards one process runs by default (the reason for the number is beside DEFAULTS). */
export const DEFAULT_SHARDS_PER_PROCESS = DEFAULTS.DISCORD_SHARDS_PER_PROCESS;

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
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
  return parseVariable(env, "DATA_DIR").value;
}

/**
 * DATABASE_URL, checked for its shape only (reaching the server is the start's job). A problem
 * never shows the URL: it may hold a password.
 */
export function databaseFrom(env: Env, problems: string[]): DatabaseConfig | null {
  const { value, problem } = parseVariable(env, "DATABASE_URL");
  if (problem !== null) problems.push(problem);
  return value === null ? null : { url: value };
}

export function loadConfig(env: Env = process.env): Config {
  const { values, problems, invalid } = parseSchema(env);
  problems.push(...ruleProblems({ values, env, invalid }));
  const rawToken = read(env, "DISCORD_TOKEN");
  if (problems.length > 0) throw new ConfigError(problems.map((p) => redactProblem(p, rawToken)));

  const token = values.DISCORD_TOKEN;
  const healthPort = values.HEALTH_PORT;
  const interactionsPort = values.INTERACTIONS_PORT;
  const publicKey = values.DISCORD_PUBLIC_KEY;
  const shardIds = shardIdsOf(values);
  return {
    discord:
      token === null
        ? null
        : {
            token,
            clientId: values.DISCORD_CLIENT_ID,
            guildId: values.DISCORD_GUILD_ID,
            apiUrl: values.DISCORD_API_URL,
            messageContent: values.DISCORD_MESSAGE_CONTENT,
          },
    shards: values.DISCORD_SHARDS,
    shardIds: Array.isArray(shardIds) ? shardIds : null,
    shardsPerProcess: values.DISCORD_SHARDS_PER_PROCESS,
    health: healthPort === null ? null : { port: healthPort, host: values.HEALTH_HOST },
    interactions:
      interactionsPort === null || publicKey === null
        ? null
        : { port: interactionsPort, host: values.INTERACTIONS_HOST, publicKey },
    gateway: values.DISCORD_GATEWAY,
    dataDir: values.DATA_DIR,
    database: values.DATABASE_URL === null ? null : { url: values.DATABASE_URL },
    logLevel: values.LOG_LEVEL,
    limits: {
      chatCooldownSeconds: values.CHAT_COOLDOWN_SECONDS,
      commandRateLimit: values.COMMAND_RATE_LIMIT,
      commandRateWindowSeconds: values.COMMAND_RATE_WINDOW_SECONDS,
    },
    logQuestions: values.LOG_QUESTIONS,
    feedbackRetentionDays: values.FEEDBACK_RETENTION_DAYS,
  };
}
