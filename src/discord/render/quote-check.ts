/**
 * A quote check as an embed: the verdict, the quote as written (escaped: it is user text), each
 * change as ~~text~~ → **quote**, the flags and notes, and the declaration's words.
 */
import type { APIEmbed } from "discord-api-types/v10";
import { getQuoteChecker, type QuoteReport } from "../../core/quote/check.ts";
import { type QuoteFormat, quoteLines, quoteTitle } from "../../core/quote/explain.ts";
import type { ClauseId, Lang } from "../../core/types.ts";
import { echo } from "../interaction/sanitize.ts";
import { escapeMarkdown } from "./highlight.ts";
import { fitEmbeds, LIMITS, truncate } from "./limits.ts";
import { EMBED_COLOR } from "./payloads.ts";

/** A misquote stands out from an answer card. */
const MISQUOTE_COLOR = 0xc0392b;
const QUOTE_SHOWN_MAX = 300;
const WORDS_SHOWN_MAX = 120;

const MARKDOWN: QuoteFormat = {
  change: (c) => {
    const text = c.text ? `~~${escapeMarkdown(truncate(c.text, WORDS_SHOWN_MAX))}~~` : "";
    const quote = c.quote ? `**${echo(c.quote, WORDS_SHOWN_MAX)}**` : "";
    if (c.kind === "changed") return `${text} → ${quote}`;
    return c.kind === "added" ? `+ ${quote}` : `− ${text}`;
  },
  passage: (text) => `> ${escapeMarkdown(text)}`,
};

export function quoteCheckEmbed(report: QuoteReport, lang: Lang): APIEmbed {
  const checker = getQuoteChecker();
  const label = (id: ClauseId) => checker.clause(id)?.label[lang] ?? id;
  const lines = quoteLines(report, lang, label, MARKDOWN);
  const fine = report.verdict === "verbatim";
  return {
    color: fine ? EMBED_COLOR : MISQUOTE_COLOR,
    title: truncate(quoteTitle(report.verdict, lang), LIMITS.embedTitle),
    description: truncate(
      [`> ${echo(report.quote, QUOTE_SHOWN_MAX)}`, "", ...lines].join("\n"),
      LIMITS.embedDescription,
    ),
  };
}

/** One embed per checked quotation, within Discord's limits. */
export function quoteCheckEmbeds(reports: readonly QuoteReport[], lang: Lang): APIEmbed[] {
  return fitEmbeds(reports.map((r) => quoteCheckEmbed(r, lang)));
}
