/**
 * A `ReplyableError` is a problem the user can fix (an unknown clause, a bad number, a missing
 * permission): it is answered ephemerally with its message and logged at info level. Any other
 * exception is a bug: logged as an error, answered with a generic apology.
 */
import { DiscordAPIError, HTTPError } from "discord.js";

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

/** The Discord error code of a REST failure, or null for anything else. */
export function discordCode(error: unknown): number | null {
  return error instanceof DiscordAPIError && typeof error.code === "number" ? error.code : null;
}

/** An error from Discord's API (4xx with a code, or a 5xx that outlived discord.js's retries). */
export function isDiscordFailure(error: unknown): boolean {
  return error instanceof DiscordAPIError || error instanceof HTTPError;
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
