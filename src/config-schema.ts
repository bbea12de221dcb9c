/**
 * The configuration schema: every environment variable the program reads, each with its parser,
 * and one table of the values that stand for an unset variable.
 *
 * A parser sees the trimmed value of a set variable and returns its value or a problem naming what
 * is wrong. Rules between variables live in `config-rules.ts`; `loadConfig` runs both.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SNOWFLAKE } from "./discord/interaction/snowflake.ts";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const MESSAGE_CONTENT_SETTINGS = ["on", "off", "auto"] as const;
export type MessageContentSetting = (typeof MESSAGE_CONTENT_SETTINGS)[number];

/** DISCORD_SHARDS: null = one process (no sharding manager); "auto" = the gateway's recommendation. */
export type ShardsSetting = "auto" | number | null;

/** The project root, so the default DATA_DIR does not depend on the working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Ten years: beyond that "retention" means "forever", which the setting exists to prevent. */
export const MAX_FEEDBACK_RETENTION_DAYS = 3650;
/** Beyond this one process would hold more servers than one event loop should serve. */
export const MAX_SHARDS_PER_PROCESS = 16;

/** What a parser makes of a set value: the value, or what is wrong with it. */
export type Parsed<T> = { value: T } | { problem: string };

/** Reads one set variable; `name` lets variables of one kind (two ports) share a parser. */
export type Parser<T> = (raw: string, name: string) => Parsed<T>;

const PUBLIC_KEY = /^[0-9a-f]{64}$/i;

const ok = <T>(value: T): Parsed<T> => ({ value });
const problem = (text: string): Parsed<never> => ({ problem: text });

/** A value that must be one of `choices`, in any case. */
function oneOf<T extends string>(choices: readonly T[], expected: string): Parser<T> {
  return (raw, name) => {
    const value = raw.toLowerCase();
    return (choices as readonly string[]).includes(value)
      ? ok(value as T)
      : problem(`${name} must be ${expected}, got "${value}"`);
  };
}

const snowflake: Parser<string | null> = (raw, name) =>
  SNOWFLAKE.test(raw)
    ? ok(raw)
    : problem(`${name} must be a Discord id (digits only), got "${raw}"`);

// A pasted token often carries a "Bot " prefix or quotes; say so without showing the value.
const token: Parser<string | null> = (raw) =>
  /\s/.test(raw) || /^["']|["']$/.test(raw)
    ? problem(
        "DISCORD_TOKEN must be the bare bot token (no spaces, quotes or 'Bot ' prefix); value not shown",
      )
    : ok(raw);

function urlOf(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

const apiUrl: Parser<string | null> = (raw) => {
  const url = urlOf(raw);
  if (url === null || (url.protocol !== "http:" && url.protocol !== "https:")) {
    // Its credentials are redacted with every problem's; without "://" nothing tells them apart.
    const got =
      raw.includes("@") && !raw.includes("://") ? "a value with an @ (not shown)" : `"${raw}"`;
    return problem(
      `DISCORD_API_URL must be an http(s) URL such as https://discord.com/api, got ${got}`,
    );
  }
  // discord.js appends "/v10/..." itself; a trailing slash would double it.
  return ok(raw.replace(/\/+$/, ""));
};

/** Checked for its shape only (reaching the server is the start's job); it may hold a password. */
const databaseUrl: Parser<string | null> = (raw) => {
  const url = urlOf(raw);
  return url !== null && ["postgres:", "postgresql:"].includes(url.protocol)
    ? ok(raw)
    : problem(
        "DATABASE_URL must be a PostgreSQL URL such as postgres://bot:password@db.example:5432/bot (value not shown)",
      );
};

// Not SHARDS / SHARD_COUNT: discord.js reads those itself in every shard process.
const shards: Parser<ShardsSetting> = (raw) => {
  const value = raw.toLowerCase();
  if (value === "auto") return ok("auto");
  if (/^\d{1,5}$/.test(value) && Number(value) >= 1) return ok(Number(value));
  return problem(`DISCORD_SHARDS must be "auto" or a number of shards (1 or more), got "${value}"`);
};

const shardsPerProcess: Parser<number> = (raw, name) => {
  const value = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
  return value >= 1 && value <= MAX_SHARDS_PER_PROCESS
    ? ok(value)
    : problem(`${name} must be a whole number from 1 to ${MAX_SHARDS_PER_PROCESS}, got "${raw}"`);
};

const port: Parser<number | null> = (raw, name) =>
  /^\d{1,5}$/.test(raw) && Number(raw) <= 65_535
    ? ok(Number(raw))
    : problem(`${name} must be a TCP port (0-65535), got "${raw}"`);

const host: Parser<string> = (raw, name) =>
  /\s/.test(raw) ? problem(`${name} must be a host name or IP address, got "${raw}"`) : ok(raw);

const publicKey: Parser<string | null> = (raw) =>
  PUBLIC_KEY.test(raw)
    ? ok(raw.toLowerCase())
    : problem(
        `DISCORD_PUBLIC_KEY must be the application's public key, 64 hexadecimal characters (General Information page), got ${raw.length} characters`,
      );

const gateway: Parser<boolean> = (raw, name) => {
  const value = raw.toLowerCase();
  if (value === "on" || value === "off") return ok(value === "on");
  return problem(`${name} must be on or off, got "${value}"`);
};

/** A limit from 0 (off) to `max`; `integer` for counts, otherwise fractions of seconds too. */
function limit(max: number, integer: boolean): Parser<number> {
  return (raw, name) => {
    const value = /^\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
    if (value >= 0 && value <= max && (!integer || Number.isInteger(value))) return ok(value);
    const kind = integer ? "a whole number" : "a number";
    return problem(`${name} must be ${kind} from 0 to ${max} (0 turns it off), got "${raw}"`);
  };
}

const flag: Parser<boolean> = (raw, name) => {
  const value = raw.toLowerCase();
  if (["true", "1", "yes", "on"].includes(value)) return ok(true);
  if (["false", "0", "no", "off"].includes(value)) return ok(false);
  return problem(`${name} must be true or false, got "${value}"`);
};

const retentionDays: Parser<number> = (raw, name) => {
  const days = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  return days >= 1 && days <= MAX_FEEDBACK_RETENTION_DAYS
    ? ok(days)
    : problem(
        `${name} must be a whole number of days from 1 to ${MAX_FEEDBACK_RETENTION_DAYS}, got "${raw}"`,
      );
};

const dataDir: Parser<string> = (raw) => ok(path.resolve(PROJECT_ROOT, raw));

/**
 * Every variable the program reads and its parser, in the order their problems are listed. The
 * README's configuration table and `.env.example` name exactly these (a test holds them to it).
 */
export const SCHEMA = {
  DISCORD_TOKEN: token,
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_URL: apiUrl,
  DISCORD_MESSAGE_CONTENT: oneOf(MESSAGE_CONTENT_SETTINGS, "on, off or auto"),
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: oneOf(LOG_LEVELS, `one of ${LOG_LEVELS.join(", ")}`),
  DISCORD_SHARDS: shards,
  // Checked against DISCORD_SHARDS, so read as written here and parsed by the rules.
  DISCORD_SHARD_IDS: (raw: string) => ok<string | null>(raw),
  DISCORD_SHARDS_PER_PROCESS: shardsPerProcess,
  HEALTH_HOST: host,
  HEALTH_PORT: port,
  INTERACTIONS_HOST: host,
  INTERACTIONS_PORT: port,
  DISCORD_PUBLIC_KEY: publicKey,
  DISCORD_GATEWAY: gateway,
  CHAT_COOLDOWN_SECONDS: limit(3600, false),
  COMMAND_RATE_LIMIT: limit(1000, true),
  COMMAND_RATE_WINDOW_SECONDS: limit(3600, false),
  LOG_QUESTIONS: flag,
  FEEDBACK_RETENTION_DAYS: retentionDays,
} satisfies Record<string, Parser<unknown>>;

export type VariableName = keyof typeof SCHEMA;

/** Every variable's value: parsed when set and valid, its default otherwise. */
export type Values = {
  [K in VariableName]: (typeof SCHEMA)[K] extends Parser<infer T> ? T : never;
};

/**
 * The value of every variable left unset (or set to an invalid value, whose problem stops the
 * start anyway). Shards per process: measured with `npm run bench:shards` (docs/operations.md,
 * "Sharding across hosts"); a process of 4 shards costs about a third of four processes of one.
 */
export const DEFAULTS: Values = {
  DISCORD_TOKEN: null,
  DISCORD_CLIENT_ID: null,
  DISCORD_GUILD_ID: null,
  DISCORD_API_URL: null,
  DISCORD_MESSAGE_CONTENT: "auto",
  DATA_DIR: path.resolve(PROJECT_ROOT, "var"),
  DATABASE_URL: null,
  LOG_LEVEL: "info",
  DISCORD_SHARDS: null,
  DISCORD_SHARD_IDS: null,
  DISCORD_SHARDS_PER_PROCESS: 4,
  HEALTH_HOST: "127.0.0.1",
  HEALTH_PORT: null,
  INTERACTIONS_HOST: "127.0.0.1",
  INTERACTIONS_PORT: null,
  DISCORD_PUBLIC_KEY: null,
  DISCORD_GATEWAY: true,
  CHAT_COOLDOWN_SECONDS: 5,
  COMMAND_RATE_LIMIT: 5,
  COMMAND_RATE_WINDOW_SECONDS: 10,
  LOG_QUESTIONS: false,
  FEEDBACK_RETENTION_DAYS: 90,
};

export type Env = Record<string, string | undefined>;

/** Empty strings count as unset: `.env` files often carry `DISCORD_GUILD_ID=` placeholders. */
export function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/** One variable's value and its problem, if any. */
export function parseVariable<K extends VariableName>(
  env: Env,
  name: K,
): { value: Values[K]; problem: string | null } {
  const raw = read(env, name);
  if (raw === undefined) return { value: DEFAULTS[name], problem: null };
  const parsed = (SCHEMA[name] as Parser<Values[K]>)(raw, name);
  return "problem" in parsed
    ? { value: DEFAULTS[name], problem: parsed.problem }
    : { value: parsed.value, problem: null };
}

/** Every variable of the schema, with all their problems in the schema's order. */
export function parseSchema(env: Env): {
  values: Values;
  problems: string[];
  invalid: Set<VariableName>;
} {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  const invalid = new Set<VariableName>();
  for (const name of Object.keys(SCHEMA) as VariableName[]) {
    const { value, problem } = parseVariable(env, name);
    values[name] = value;
    if (problem !== null) {
      problems.push(problem);
      invalid.add(name);
    }
  }
  return { values: values as Values, problems, invalid };
}
