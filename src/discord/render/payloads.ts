/**
 * Shared pieces of every payload the bot sends. `NO_MENTIONS` goes on each message, reply and
 * interaction response explicitly (and is the client default too), so nothing the bot echoes —
 * a user's "@everyone", a role id inside a question — can ever ping anyone.
 */
import { MessageFlags, type MessageMentionOptions } from "discord.js";
import { LIMITS, truncate } from "./limits.ts";

export const NO_MENTIONS = {
  parse: [],
  repliedUser: false,
} as const satisfies MessageMentionOptions;

export const EMBED_COLOR = 0x1f4e8c;

/** A private (ephemeral) text answer. */
export function ephemeralText(content: string) {
  return {
    content: truncate(content, LIMITS.content),
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  } as const;
}
