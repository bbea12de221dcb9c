/**
 * What a quote check says: the verdict's title and its explanation lines, in the reader's
 * language (the texts are the catalogue's `quoteCheck`). The front ends choose how words are
 * shown (`QuoteFormat`): plain text for the console and `npm run verify`, ~~text~~ → **quote** in
 * Discord.
 */
import { textsFor } from "../../text/index.ts";
import { MIN_QUOTE_CHARS } from "../quote-limits.ts";
import { groupLabel } from "../reference-credits.ts";
import type { ClauseId, Lang } from "../types.ts";
import { getQuoteChecker, type QuoteChange, type QuoteReport, type Verdict } from "./check.ts";

export interface QuoteFormat {
  /** A change: the declaration's words and the quote's ("" on the side that has none). */
  change(c: QuoteChange): string;
  /** The declaration's words, shown as a passage. */
  passage(text: string): string;
}

export function quoteTitle(verdict: Verdict, lang: Lang): string {
  return textsFor(lang).quoteCheck.titles[verdict];
}

/**
 * The explanation of a check, line by line. `label` names a clause for the reader
 * ("Mesure 3 (M3)").
 */
export function quoteLines(
  r: QuoteReport,
  lang: Lang,
  label: (id: ClauseId) => string,
  format: QuoteFormat,
): string[] {
  const say = textsFor(lang).quoteCheck;
  const lines: string[] = [];
  const here = r.clause ? label(r.clause) : "";
  switch (r.verdict) {
    case "too-short":
      return [say.tooShort({ min: MIN_QUOTE_CHARS })];
    case "not-found":
      lines.push(r.clause ? say.notFound({ label: here }) : say.nothingClose);
      break;
    case "composite":
      lines.push(
        r.clauses.length === 1
          ? say.nonContiguous({ label: here })
          : say.pieces({ labels: r.clauses.map(label).join(", ") }),
      );
      break;
    case "misattributed": {
      const named = r.named.map((n) =>
        n.kind === "clause"
          ? label(n.id)
          : n.kind === "group"
            ? groupLabel(n.id, lang)
            : say.nowhere,
      );
      lines.push(say.misattributed({ actual: here, named: named.join(", ") }));
      break;
    }
    default:
      if (here) lines.push(say.source({ label: here }));
  }
  if (r.changes.length > 0) {
    lines.push(say.changes, ...r.changes.map((c) => `• ${format.change(c)}`));
  }
  if (r.flags.includes("negation")) lines.push(say.negation);
  if (r.flags.includes("number")) lines.push(say.number);
  if (r.typosFixed.length > 0)
    lines.push(say.typos({ words: r.typosFixed.map((t) => `« ${t} »`).join(", ") }));
  if (r.moved.length > 0)
    lines.push(say.moved({ words: r.moved.map((w) => `« ${w} »`).join(", ") }));
  if (r.flags.includes("accents")) lines.push(say.accents);
  if (r.typography) lines.push(say.typography);
  if (r.lang !== "fr") lines.push(say.unofficial);
  if (r.passage && r.verdict !== "verbatim") lines.push(format.passage(r.passage));
  return lines;
}

/** Plain text: "deux" → "trois", for terminals and scripts. */
export const PLAIN: QuoteFormat = {
  change: (c) =>
    c.kind === "changed"
      ? `"${c.text}" → "${c.quote}"`
      : c.kind === "added"
        ? `+ "${c.quote}"`
        : `− "${c.text}"`,
  passage: (text) => `« ${text} »`,
};

/** Checks as a person reads them in a terminal: each verdict, then what differs. */
export function renderQuoteReports(reports: readonly QuoteReport[], lang: Lang | null): string {
  const checker = getQuoteChecker();
  return reports
    .map((r) => {
      const l = lang ?? r.lang;
      const label = (id: ClauseId) => {
        const clause = checker.clause(id);
        return clause ? `${clause.label[l]} [${clause.id}]` : id;
      };
      return [quoteTitle(r.verdict, l), ...quoteLines(r, l, label, PLAIN)].join("\n");
    })
    .join("\n\n");
}
