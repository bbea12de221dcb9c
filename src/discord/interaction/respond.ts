/**
 * Answering within Discord's 3-second window.
 *
 * Every handler's work is synchronous and takes milliseconds, so normally the answer itself is the
 * first response. But an interaction can reach a handler late: a burst queued behind others, a
 * stalled event loop, a slow gateway. `deferIfLate` acknowledges such an interaction at once
 * ("thinking…", or a silent acknowledgement for a component update) with the visibility its answer
 * will have; `respond` and `respondUpdate` then send the answer either way: as the reply, or by
 * filling in the deferred one.
 */
import { MessageFlags } from "discord-api-types/v10";
import type { Interaction, ReplyData } from "./interaction.ts";

/** Interactions older than this when their handler starts are deferred before any work. */
export const DEFER_AFTER_MS = 1500;

/**
 * How the answer will be shown: a public reply, a private one, or an update of the message a
 * component sits on.
 */
export type DeferMode = "public" | "ephemeral" | "update";

/** Milliseconds since Discord created the interaction (its snowflake), never negative. */
export function ageMs(interaction: Interaction, now = Date.now()): number {
  return Math.max(0, now - interaction.createdTimestamp);
}

/** Defers `interaction` when it is already DEFER_AFTER_MS old; says whether it did. */
export async function deferIfLate(
  interaction: Interaction,
  mode: DeferMode,
  now = Date.now(),
): Promise<boolean> {
  if (ageMs(interaction, now) < DEFER_AFTER_MS || interaction.deferred || interaction.replied) {
    return false;
  }
  if (mode === "update" && interaction.isComponent()) await interaction.deferUpdate();
  else await interaction.deferReply(mode === "ephemeral");
  return true;
}

const isEphemeral = (payload: ReplyData): boolean =>
  ((payload.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

/** The first answer to an interaction: a reply, or the deferred reply filled in. */
export async function respond(interaction: Interaction, payload: ReplyData): Promise<void> {
  if (interaction.replied) {
    await interaction.followUp(payload);
    return;
  }
  if (!interaction.deferred) {
    await interaction.reply(payload);
    return;
  }
  if (isEphemeral(payload) && !interaction.ephemeral) {
    // Deferred in public, answered in private: the public "thinking…" placeholder goes away.
    await interaction.deleteReply();
    await interaction.followUp(payload);
    return;
  }
  const { flags: _flags, ...edit } = payload;
  await interaction.editReply(edit);
}

/** Updates the message a component sits on, directly or after a `deferUpdate`. */
export async function respondUpdate(interaction: Interaction, payload: ReplyData): Promise<void> {
  if (interaction.deferred || interaction.replied) {
    const { flags: _flags, ...edit } = payload;
    await interaction.editReply(edit);
    return;
  }
  await interaction.update(payload);
}
