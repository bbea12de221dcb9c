/**
 * Shared pieces of every payload the bot sends. `NO_MENTIONS` goes on every interaction response,
 * follow-up and edit (interaction/interaction.ts adds it to any payload without it) and, as
 * `NO_MENTIONS_OPTIONS`, on every chat reply and as the discord.js client's default, so nothing
 * the bot echoes — a user's "@everyone", a role id inside a question — can ever ping anyone.
 */

import type { MessageMentionOptions } from "discord.js";
import { type APIAllowedMentions, MessageFlags } from "discord-api-types/v10";
import { LIMITS, truncate } from "./limits.ts";

/** As Discord's API names it: interaction responses, follow-ups and edits. */
export const NO_MENTIONS = {
  parse: [],
  replied_user: false,
} as const satisfies APIAllowedMentions;

/** The same, as discord.js's own message options name it (chat replies, the client default). */
export const NO_MENTIONS_OPTIONS = {
  parse: NO_MENTIONS.parse,
  repliedUser: NO_MENTIONS.replied_user,
} as const satisfies MessageMentionOptions;

export const EMBED_COLOR = 0x1f4e8c;

/** A private (ephemeral) text answer. */
export function ephemeralText(content: string) {
  return {
    content: truncate(content, LIMITS.content),
    flags: MessageFlags.Ephemeral,
    allowed_mentions: NO_MENTIONS,
  } as const;
}
