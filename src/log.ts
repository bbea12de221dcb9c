/**
 * Structured logging (pino): JSON lines on stderr, so that the console front end can own stdout.
 *
 * Secrets never reach the output. Every line a logger made here writes passes through
 * `redactSecrets`, which replaces the bot token (registered once with `registerSecret`) and the
 * interaction tokens inside Discord URLs, wherever they appear: a field, an error message, a stack.
 * Errors logged under `err` are reduced to what helps an operator (type, message, Discord code,
 * HTTP status, route, stack); the request body, which can echo what users typed, is left out.
 *
 * People are never named by their Discord id: handlers log `user`, the store's keyed hash
 * (store.userKey), and every line passes through `maskUserMentions`, since user text logged with
 * LOG_QUESTIONS (a question, an echoed option) carries mentions, which are user ids.
 */
import { type DestinationStream, type Logger, pino } from "pino";
import type { LogLevel } from "./config.ts";

export type { Logger };

const CENSOR = "[redacted]";

/** Secrets registered by the running program (the bot token); shorter strings are not secrets. */
const secrets = new Set<string>();
const MIN_SECRET_LENGTH = 8;

/** Marks `secret` for redaction in every log line and in `redact`/`redactSecrets` output. */
export function registerSecret(secret: string | null | undefined): void {
  if (secret && secret.length >= MIN_SECRET_LENGTH) secrets.add(secret);
}

/**
 * Interaction tokens ride in URL paths (/interactions/:id/:token/callback, /webhooks/:app/:token);
 * they grant 15 minutes of posting as the bot, so they are redacted like the bot token.
 */
const URL_TOKENS = /(\/(?:interactions|webhooks)\/[^/\s"'?]+\/)(?!:token\b)[^/\s"'?]+/g;

/** Removes every registered secret and interaction token from `text`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(CENSOR);
  }
  return out.includes("/interactions/") || out.includes("/webhooks/")
    ? out.replace(URL_TOKENS, `$1${CENSOR}`)
    : out;
}

/**
 * A user mention (`<@id>`, `<@!id>`, or as `echo` defuses it, with a zero-width space after the
 * `<`, raw or JSON-escaped). Role mentions (`<@&id>`) name no person and are left alone.
 */
const USER_MENTION = /<(?:\u200b|\\u200b)?@!?\d+>/g;

/** `text` with every user mention replaced by `<@user>`. */
export function maskUserMentions(text: string): string {
  return text.includes("@") ? text.replace(USER_MENTION, "<@user>") : text;
}

/** What every log line goes through before it is written: no secret, no user id. */
function scrubLine(line: string): string {
  return maskUserMentions(redactSecrets(line));
}

/** Replaces every occurrence of a secret in a string: for error messages and stacks we print. */
export function redact(text: string, secret: string | null | undefined): string {
  const out = secret ? text.split(secret).join(CENSOR) : text;
  return redactSecrets(out);
}

/** The text of an error (its stack when there is one), redacted: for places that print errors. */
export function errorText(error: unknown): string {
  return redactSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error));
}

/**
 * What an error becomes in a log line. Discord API errors keep their code, HTTP status, method and
 * URL (tokens redacted); their request body and raw response are dropped, since both can carry
 * user text. Causes are followed one level, which is where undici hides network errors.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: redactSecrets(String(error)) };
  const e = error as Error & {
    code?: unknown;
    status?: unknown;
    method?: unknown;
    url?: unknown;
    cause?: unknown;
  };
  const out: Record<string, unknown> = { type: e.name, message: redactSecrets(e.message) };
  if (typeof e.code === "string" || typeof e.code === "number") out.code = e.code;
  if (typeof e.status === "number") out.status = e.status;
  if (typeof e.method === "string") out.method = e.method;
  if (typeof e.url === "string") out.url = redactSecrets(e.url);
  if (e.stack) out.stack = redactSecrets(e.stack);
  if (e.cause instanceof Error) {
    out.cause = { type: e.cause.name, message: redactSecrets(e.cause.message) };
  }
  return out;
}

/** A logger whose every line carries some fields: what a handler logs with. */
export interface FieldLog {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * `fields` on every line `logger`'s level lets through, merged when the line is written. pino's
 * child() would serialize them as soon as it is made: on every interaction, for a handler that
 * logs one line, or none at all below its level.
 */
export function withFields(logger: Logger, fields: Record<string, unknown>): FieldLog {
  const at =
    (level: keyof FieldLog) =>
    (line: object, message: string): void => {
      if (logger.isLevelEnabled(level)) logger[level]({ ...fields, ...line }, message);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

export interface LoggerOptions {
  /** Where lines go; default stderr (synchronous, so nothing is lost on exit). For tests. */
  destination?: DestinationStream;
}

export function createLogger(level: LogLevel = "info", options: LoggerOptions = {}): Logger {
  return pino(
    {
      level,
      base: { app: "declaration-bot" },
      serializers: { err: serializeError },
      redact: {
        paths: [
          "token",
          "*.token",
          "config.discord.token",
          "discord.token",
          "headers.authorization",
        ],
        censor: CENSOR,
      },
      // The last line of defence: whatever a line contains, no registered secret and no user
      // mention is written.
      hooks: { streamWrite: scrubLine },
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}
