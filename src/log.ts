/**
 * Structured logging (pino): JSON lines on stderr, so that the console front end can own stdout.
 *
 * Secrets never reach the output. Every line a logger made here writes passes through
 * `redactSecrets`, which replaces the bot token (registered once with `registerSecret`), the
 * interaction tokens inside Discord URLs and the credentials of any URL, wherever they appear: a
 * field, an error message, a stack. It is the one redaction of the program: configuration errors
 * and start failures, printed without a logger, go through it too.
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

/** Marks `secret` for redaction in every log line and in `redactSecrets` output. */
export function registerSecret(secret: string | null | undefined): void {
  if (secret && secret.length >= MIN_SECRET_LENGTH) secrets.add(secret);
}

/**
 * Registers the password of a URL the program connects to (DATABASE_URL, a DISCORD_API_URL
 * through a proxy), as written and decoded: an error may quote it apart from its URL.
 */
export function registerUrlPassword(url: string): void {
  try {
    const { password } = new URL(url);
    registerSecret(password);
    registerSecret(decodeURIComponent(password));
  } catch {
    // Not a URL the WHATWG parser reads: its credentials are still censored wherever it appears.
  }
}

/** The bot token, and the password of DISCORD_API_URL when it goes through a proxy that wants one. */
export function registerDiscordSecrets(discord: { token: string; apiUrl: string | null }): void {
  registerSecret(discord.token);
  if (discord.apiUrl) registerUrlPassword(discord.apiUrl);
}

/**
 * Interaction tokens ride in URL paths (/interactions/:id/:token/callback, /webhooks/:app/:token);
 * they grant 15 minutes of posting as the bot, so they are redacted like the bot token.
 */
const URL_TOKENS = /(\/(?:interactions|webhooks)\/[^/\s"'?]+\/)(?!:token\b)[^/\s"'?]+/g;

/**
 * The shape of a Discord bot token: three base64url parts (id, timestamp, HMAC). Each try starts
 * where a word starts, so a long run of letters costs one pass, not one per letter.
 */
const TOKEN_SHAPE = /(?<![\w-])[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}/g;

/** A URL in running text: its scheme, then everything up to a space or a quote. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

/** Query parameters whose value is a secret: password=, sslpassword=, access_token=, api-key=… */
const SECRET_PARAM =
  /(?:password|passwd|secret|token|apikey|signature|credentials?)$|^(?:.*[_-])?(?:pass|pwd|key|auth|sig)$/i;

/** Where a URL's user info ends: its last "@" before the path, as URL parsers read it. */
function userInfoEnd(url: string, hostStart: number): number {
  const rest = url.slice(hostStart);
  const authorityEnd = rest.search(/[/?#\\]/);
  const at = (authorityEnd < 0 ? rest : rest.slice(0, authorityEnd)).lastIndexOf("@");
  // A password with a "/" or "#" in it makes the URL unreadable, and the "@" seem to be in the
  // path: in a URL no parser accepts, everything before the last "@" is taken for credentials.
  if (at < 0 && !URL.canParse(url)) return rest.lastIndexOf("@");
  return at;
}

/** One URL with its user info and secret query parameters replaced. */
function redactUrl(url: string): string {
  const hostStart = url.indexOf("://") + 3;
  const at = userInfoEnd(url, hostStart);
  const out = at < 0 ? url : `${url.slice(0, hostStart)}${CENSOR}${url.slice(hostStart + at)}`;
  const query = out.indexOf("?");
  if (query < 0) return out;
  const params = out
    .slice(query + 1)
    .replace(/(^|[&;])([^=&;#]+)=([^&;#]*)/g, (param, separator: string, key: string) =>
      SECRET_PARAM.test(key) ? `${separator}${key}=${CENSOR}` : param,
    );
  return `${out.slice(0, query + 1)}${params}`;
}

/**
 * Removes every secret from `text`: the registered ones (the bot token, passwords of the URLs the
 * program connects to), `unregistered` ones (a token being validated), anything shaped like a bot
 * token, interaction tokens in Discord URLs, and the credentials of any URL (user info and
 * password-like query parameters: http://[redacted]@proxy:8080/api?key=[redacted]). Every log
 * line, configuration error and start failure the program prints goes through it.
 */
export function redactSecrets(
  text: string,
  ...unregistered: (string | null | undefined)[]
): string {
  let out = text;
  for (const secret of [...secrets, ...unregistered]) {
    if (secret && out.includes(secret)) out = out.split(secret).join(CENSOR);
  }
  if (out.includes("://")) out = out.replace(URL_IN_TEXT, redactUrl);
  if (out.includes("/interactions/") || out.includes("/webhooks/")) {
    out = out.replace(URL_TOKENS, `$1${CENSOR}`);
  }
  return out.includes(".") ? out.replace(TOKEN_SHAPE, CENSOR) : out;
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
