/** Discord's REST failures the bot tells apart: codes it treats specially, and what they mean. */

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
