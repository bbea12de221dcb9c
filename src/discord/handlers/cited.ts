/**
 * Auto-quoting: the clauses a message cites ("comme le dit la mesure 4"), as cards. Chat answers
 * with it (chat.ts), and so does the message command "Quote cited clauses", which also serves the
 * HTTP-only bot; so it is kept apart from chat, and from the quote checker.
 */
import type { APIEmbed } from "discord-api-types/v10";
import { MAX_QUOTED } from "../../core/quote-limits.ts";
import type { Clause, Lang } from "../../core/types.ts";
import type { BotContext, Outcome } from "../interaction/context.ts";
import { cleanInput } from "../interaction/sanitize.ts";
import { type CardPayload, cardComponents, clauseEmbed } from "../render/card.ts";
import { fitEmbeds } from "../render/limits.ts";
import { renderAnswer } from "./answer.ts";

/**
 * The most of a chat message scanned for citations: Discord's own limit (4,000 characters with
 * Nitro); anything longer is cut, not scanned.
 */
export const CHAT_SCAN_MAX = 4000;

/**
 * What auto-quoting answers a message: the clauses it cites (at most MAX_QUOTED), or the
 * explanation of a clause number beyond the text; null when it cites none. The message command
 * "Quote cited clauses" answers the same.
 */
export function citedClauses(ctx: BotContext, text: string, lang: Lang): Cited | null {
  return citedIn(ctx, cleanInput(text, CHAT_SCAN_MAX), lang);
}

type Cited = { reply: CardPayload | { content: string; embeds?: undefined }; outcome: Outcome };

/** citedClauses on text already cleaned. */
export function citedIn(ctx: BotContext, text: string, lang: Lang): Cited | null {
  const { engine } = ctx;
  const refs = engine.references(text);
  const clauses = refs.flatMap((r) => (r.kind === "clause" ? [r.clause] : []));
  if (clauses.length > 0)
    return { reply: quoteCards(ctx, clauses, lang), outcome: quoted(clauses) };
  const outOfRange = refs.find((r) => r.kind === "out-of-range");
  if (outOfRange) {
    const rendered = renderAnswer(engine, { ...outOfRange, lang }, lang);
    if (rendered.kind === "text")
      return { reply: { content: rendered.text }, outcome: rendered.outcome };
  }
  return null;
}

function quoted(clauses: readonly Clause[]): Outcome {
  const first = clauses[0];
  return { outcome: "quote/chat", ...(first && { clause: first.id, score: 1 }) };
}

/** One card per cited clause (at most MAX_QUOTED); navigation buttons only when there is one card. */
function quoteCards(ctx: BotContext, clauses: readonly Clause[], lang: Lang): CardPayload {
  const shown = clauses.slice(0, MAX_QUOTED);
  const embeds: APIEmbed[] = fitEmbeds(shown.map((clause) => clauseEmbed(clause, { lang })));
  const only = shown.length === 1 ? shown[0] : undefined;
  return {
    embeds,
    components: only ? cardComponents(ctx.engine.neighbours(only.id), lang) : [],
  };
}
