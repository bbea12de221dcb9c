import { redactSecrets } from "../log.ts";

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
