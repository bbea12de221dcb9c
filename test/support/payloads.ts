/**
 * Reading what the bot sent: a message's embeds, its components' custom ids, its flags. Pure, so
 * the end-to-end tests (through the loopback Discord) and the handler unit tests (through the
 * recording transport) read answers the same way.
 */
import type { Json } from "../../tools/fake-discord/types.ts";

export interface EmbedJson {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
}

export function embedsOf(data: Json): EmbedJson[] {
  return (data.embeds ?? []) as EmbedJson[];
}

/** Manage Server (1 << 5) on top of what an ordinary member holds: may change /settings. */
export const ADMIN = ((1n << 5n) | (1n << 10n) | (1n << 11n) | (1n << 31n)).toString();

export const EPHEMERAL = 1 << 6;

/** The custom ids of a message's components, row by row. */
export function componentIds(data: Json): string[] {
  return ((data.components ?? []) as Json[])
    .flatMap((row) => (row.components ?? []) as Json[])
    .map((c) => String(c.custom_id));
}

/** The 👍 and 👎 custom ids under an answer. */
export function voteIds(data: Json): { up: string; down: string } {
  const ids = componentIds(data);
  const up = ids.find((id) => id.startsWith("fb:up:"));
  const down = ids.find((id) => id.startsWith("fb:down:"));
  if (!up || !down) throw new Error(`no vote buttons in ${ids.join(", ")}`);
  return { up, down };
}
