/**
 * A `ReplyableError` is a problem the user can fix (an unknown clause, a bad number, a missing
 * permission): it is answered ephemerally with its message and logged at info level. Any other
 * exception is a bug: logged as an error, answered with a generic apology.
 */

import { redactSecrets } from "../../log.ts";

export class ReplyableError extends Error {
  /**
   * `reason` is what the log line says (a short code such as "measure-malformed"): the message
   * itself often quotes what the user typed, which is logged only with LOG_QUESTIONS=true.
   */
  constructor(
    message: string,
    readonly reason = "user-error",
  ) {
    super(message);
    this.name = "ReplyableError";
  }
}

/** Discord's JSON error codes the bot treats specially. */
export const DiscordCode = {
  UnknownChannel: 10003,
  UnknownMessage: 10008,
  UnknownInteraction: 10062,
  MissingAccess: 50001,
  MissingPermissions: 50013,
  AlreadyAcknowledged: 40060,
} as const;

/**
 * Whether `error` is one of @discordjs/rest's errors, by its class name: discord.js (CommonJS) and
 * this code (ES modules) load separate copies of @discordjs/rest, so `instanceof` would miss the
 * errors of the other copy (chat replies go through discord.js, interaction answers do not). The
 * names are set by @discordjs/rest itself, and no build here minifies them.
 */
function isRestError(error: unknown, name: "DiscordAPIError" | "HTTPError"): boolean {
  return error instanceof Error && error.constructor.name === name;
}

/** The Discord error code of a REST failure, or null for anything else. */
export function discordCode(error: unknown): number | null {
  if (!isRestError(error, "DiscordAPIError")) return null;
  const { code } = error as { code?: unknown };
  return typeof code === "number" ? code : null;
}

/** An error from Discord's API (4xx with a code, or a 5xx that outlived the REST retries). */
export function isDiscordFailure(error: unknown): boolean {
  return isRestError(error, "DiscordAPIError") || isRestError(error, "HTTPError");
}

/** The interaction is gone (older than 3 s, or answered elsewhere): no reply can reach the user. */
export function interactionIsGone(error: unknown): boolean {
  const code = discordCode(error);
  return code === DiscordCode.UnknownInteraction || code === DiscordCode.AlreadyAcknowledged;
}

/** The bot may not speak here (no access, missing permissions) or the channel vanished. */
export function cannotSpeakHere(error: unknown): boolean {
  const code = discordCode(error);
  return (
    code === DiscordCode.MissingAccess ||
    code === DiscordCode.MissingPermissions ||
    code === DiscordCode.UnknownChannel
  );
}

/** The bot could not start, for a reason a person can act on: the message is that one line. */
export class StartFailure extends Error {
  override name = "StartFailure";
}

/** Where discord.js talks to Discord when DISCORD_API_URL is not set. */
export const DEFAULT_API_URL = "https://discord.com/api";

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "timed out",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
};

/** The network error code behind an error, following causes (undici nests them). */
function networkCode(error: unknown): string | null {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code in NETWORK_REASONS) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * What a failure to log in or to reach Discord means, in one line a person can act on; null when
 * it is something else. `npm start` and `npm run register` say it the same way.
 */
export function describeConnectFailure(error: unknown, apiUrl: string | null): string | null {
  const { status, code } = (error ?? {}) as { status?: unknown; code?: unknown };
  if (code === "TokenInvalid" || status === 401) {
    return "Discord rejected DISCORD_TOKEN (invalid token): check .env";
  }
  const network = networkCode(error);
  if (network) {
    const where = redactSecrets(apiUrl ?? DEFAULT_API_URL);
    return `cannot reach Discord at ${where}: ${NETWORK_REASONS[network]}`;
  }
  return null;
}
