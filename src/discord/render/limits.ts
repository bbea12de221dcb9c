/**
 * Discord's size limits, and helpers that keep every payload inside them. Discord rejects the whole
 * message (HTTP 400) when one field is too long, so everything the bot sends goes through here.
 */
import type { APIEmbed } from "discord-api-types/v10";

export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer and author, over all embeds. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectLabel: 100,
  selectDescription: 100,
  selectPlaceholder: 150,
} as const;

const ELLIPSIS = "…";

/**
 * Shortens `text` to at most `max` characters (UTF-16 units, as Discord counts), ending with "…".
 * Cuts at a word boundary when one is reasonably close, so words are not chopped in half.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max === 1) return ELLIPSIS;
  let cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  if (space > max * 0.7) cut = cut.slice(0, space);
  // Do not leave half of a surrogate pair (an emoji) at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** The characters Discord counts towards the 6000 total of one embed. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) n += field.name.length + field.value.length;
  return n;
}

/** Keeps as many whole embeds as fit in one message (count and total size). */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const kept: APIEmbed[] = [];
  let total = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (kept.length >= LIMITS.embedsPerMessage || total + length > LIMITS.embedTotal) break;
    kept.push(embed);
    total += length;
  }
  return kept;
}

/** Lists every limit an embed breaks; empty when it is valid. Used by tests and as a last check. */
export function embedProblems(embed: APIEmbed): string[] {
  const problems: string[] = [];
  if ((embed.title?.length ?? 0) > LIMITS.embedTitle) problems.push("title");
  if ((embed.description?.length ?? 0) > LIMITS.embedDescription) problems.push("description");
  if ((embed.fields?.length ?? 0) > LIMITS.embedFields) problems.push("fields");
  for (const field of embed.fields ?? []) {
    if (field.name.length > LIMITS.fieldName || field.name.length === 0)
      problems.push("field name");
    if (field.value.length > LIMITS.fieldValue || field.value.length === 0)
      problems.push("field value");
  }
  if ((embed.footer?.text.length ?? 0) > LIMITS.footerText) problems.push("footer");
  if (embedLength(embed) > LIMITS.embedTotal) problems.push("total");
  return problems;
}
