/**
 * What users type arrives with anything in it: control characters, zero-width and bidi controls,
 * markdown, code fences, mentions, thousands of characters. `cleanInput` prepares it for the engine;
 * `echo` makes a short piece of it safe to show back inside one of the bot's own sentences.
 */
import { escapeMarkdown } from "@discordjs/formatters";
import { truncate } from "../render/limits.ts";

/**
 * Control characters (Cc) other than line breaks and tabs, and format characters (Cf): zero-width
 * spaces and joiners, bidi embeddings, overrides and isolates, soft hyphens, BOMs.
 */
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cf}]/gu;

/** A string with invisible and control characters removed and whitespace collapsed. */
export function cleanInput(text: string, max: number): string {
  // Cut before cleaning too, so a 100 kB paste costs no more than a few `max` of work.
  const clean = text
    .slice(0, max * 4)
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(/\s+/g, " ")
    .trim();
  return cutClean(clean, max);
}

/** Text `cleanInput` already gave, cut to `max` without cleaning it again. */
export function cutClean(clean: string, max: number): string {
  // Never end on half of a surrogate pair (an emoji cut in two).
  return clean.length <= max
    ? clean
    : clean
        .slice(0, max)
        .replace(/[\uD800-\uDBFF]$/, "")
        .trim();
}

/**
 * User text quoted inside a reply: cleaned, shortened, markdown escaped (so "**", "```", a masked
 * link "[text](url)", a heading or a list cannot restyle the reply), and every piece of Discord
 * markup in angle brackets defused with a zero-width space after the "<": mentions, timestamps
 * (<t:…>), custom emoji (<:name:id>), command mentions (</cmd:id>) and unembedded links
 * (<https://…>). allowed_mentions already stops a ping; this also stops "@everyone", or its
 * full-width look-alike "＠everyone", from being rendered as one.
 */
export function echo(text: string, max: number): string {
  const clean = truncate(cleanInput(text, max * 2), max);
  return escapeMarkdown(clean, {
    maskedLink: true,
    heading: true,
    bulletedList: true,
    numberedList: true,
  })
    .replace(/[@\uFF20](everyone|here)/gi, "@\u200b$1")
    .replace(/</g, "<\u200b");
}
