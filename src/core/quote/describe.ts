/**
 * Describing how a located quotation differs from the declaration's words: each change, the
 * negations, numbers and accents it touches, the original's typos it corrected, and the verdict.
 */
import { diffWords } from "diff";
import { fold, straightenApostrophes } from "../analysis.ts";
import { type Token, tokenize } from "../quote-tokens.ts";
import { type CreditTarget, creditedIds } from "../reference-credits.ts";
import type { ClauseId, Lang } from "../types.ts";
import type { Located, QuoteIndex } from "./clause-index.ts";
import { type Analysis, unique } from "./locate.ts";
import type { QuoteChange, QuoteFlag, QuoteReport, Verdict } from "./verdict.ts";
import { addedNumbers, isNegation, isNumber } from "./word-kinds.ts";

/** The word diff needs word boundaries in every script (Cyrillic included). */
const SEGMENTER = new Intl.Segmenter("fr", { granularity: "word" });

const sorted = (keys: string[]) => [...keys].sort().join(" ");

/** A label the quotation itself starts with ("3.", "mesure 5 :"): quoted words, not a credit. */
export interface QuotedLabel {
  /** Its words as written ("3", "mesure 5"). */
  words: string;
  /** The measure it names (none for a number no measure has). */
  named: CreditTarget[];
}

export function reportQuote(
  index: QuoteIndex,
  quote: string,
  lang: Lang,
  a: Analysis,
  credit: { named: CreditTarget[]; namedIds: ClauseId[]; label: QuotedLabel | null },
): QuoteReport {
  const { named, namedIds } = credit;
  const changes: QuoteChange[] = [];
  const flags = new Set<QuoteFlag>();
  const typosFixed: string[] = [];
  let typography = false;
  let verdict: Verdict = a.verdict;
  const attributed = [a.clause, ...a.alsoIn].filter((c): c is ClauseId => c !== null);
  const oneClause = verdict === "verbatim" || verdict === "near";
  const comparable = a.verdict !== "not-found";
  if (comparable) {
    const label = oneClause ? labelChange(a, credit.label, attributed) : null;
    if (label) {
      changes.push(label);
      verdict = "near";
    }
    for (const l of a.located) {
      const diff = compare(index, l, quote);
      changes.push(...diff.changes);
      for (const f of diff.flags) flags.add(f);
      typosFixed.push(...diff.typosFixed);
      typography ||= diff.typography;
    }
    for (const run of a.unplaced) {
      changes.push({ kind: "added", quote: slice(quote, run), text: "" });
    }
    for (const c of changes) for (const f of changeFlags(c)) flags.add(f);
  } else if (addsNumber(a.located, quote)) {
    // "« les trente États membres de l'OTAN »": not the text, and a count it never gives.
    flags.add("number");
  }
  const namesOther = named.length > 0 && oneClause && !attributed.some((c) => namedIds.includes(c));
  if (namesOther) verdict = "misattributed";
  const passage = a.verdict === "composite" ? null : passageOf(a.located);
  return {
    verdict,
    clause: a.clause,
    clauses: a.clauses,
    changes: comparable ? changes : [],
    flags: (["negation", "number", "accents"] as const).filter((f) => flags.has(f)),
    quote,
    lang,
    named,
    typography:
      typography && changes.length === 0 && !flags.has("accents") && typosFixed.length === 0,
    typosFixed: unique(typosFixed),
    moved: comparable ? (a.moved ?? []).map((run) => slice(quote, run)) : [],
    passage,
  };
}

/** The clause's words from the first located piece to the last, when they are all of one clause. */
function passageOf(located: readonly Located[]): string | null {
  const at = located[0]?.at;
  if (!at || located.some((l) => l.at !== at)) return null;
  const from = Math.min(...located.map((l) => l.from));
  const to = Math.max(...located.map((l) => l.to));
  return at.text.slice(at.tokens[from]?.start ?? 0, at.tokens[to - 1]?.end ?? 0);
}

/**
 * The quotation's own label as a change when it is not the number of the clause the words are
 * in ("3." before measure 1's words: "1" → "3"); null when it is, or there is none.
 */
function labelChange(
  a: Analysis,
  label: QuotedLabel | null,
  attributed: readonly ClauseId[],
): QuoteChange | null {
  if (!label) return null;
  const ids = label.named.flatMap(creditedIds);
  if (attributed.some((c) => ids.includes(c))) return null;
  const at = a.located[0]?.at;
  const own = at && at.clause.number !== null ? at.tokens[0] : undefined;
  return own && own.key === String(at?.clause.number)
    ? { kind: "changed", quote: label.words, text: own.display }
    : { kind: "added", quote: label.words, text: "" };
}

/** The word changes between a located piece and the clause's words, with accent and typo notes. */
function compare(index: QuoteIndex, l: Located, quote: string) {
  // A measure's own number ("3.") is part of its text, but a quote without it starts after it.
  const label = l.at.clause.number;
  const skipLabel =
    l.from === 0 &&
    label !== null &&
    l.at.tokens[0]?.key === String(label) &&
    l.quote[0]?.key !== String(label);
  const textTokens = l.at.tokens.slice(skipLabel ? 1 : l.from, l.to);
  const quoteTokens = l.quote;
  const text = l.at.text;
  const diffKey = (t: Token) => t.key.replace(/'/g, "");
  const parts = diffWords(textTokens.map(diffKey).join(" "), quoteTokens.map(diffKey).join(" "), {
    intlSegmenter: SEGMENTER,
  });
  const changes: QuoteChange[] = [];
  const flags = new Set<QuoteFlag>();
  const typosFixed: string[] = [];
  let typography = false;
  let ti = 0;
  let qi = 0;
  let removed: Token[] = [];
  let added: Token[] = [];
  const flush = () => {
    if (removed.length > 0 && added.length > 0) {
      changes.push({ kind: "changed", quote: slice(quote, added), text: slice(text, removed) });
    } else if (removed.length > 0) {
      changes.push({ kind: "removed", quote: "", text: slice(text, removed) });
    } else if (added.length > 0) {
      changes.push({ kind: "added", quote: slice(quote, added), text: "" });
    }
    removed = [];
    added = [];
  };
  for (const part of parts) {
    const n = part.value.split(/\s+/).filter(Boolean).length;
    if (part.removed) {
      removed.push(...textTokens.slice(ti, ti + n));
      ti += n;
    } else if (part.added) {
      added.push(...quoteTokens.slice(qi, qi + n));
      qi += n;
    } else {
      flush();
      for (let k = 0; k < n; k++) {
        const t = textTokens[ti + k];
        const q = quoteTokens[qi + k];
        if (!t || !q || t.display === q.display) continue;
        const typo = typoAt(index, l, ti + k);
        if (typo) typosFixed.push(typo);
        if (lower(t.display) === lower(q.display)) typography = true;
        else if (fold(t.display) === fold(q.display)) flags.add("accents");
      }
      ti += n;
      qi += n;
    }
  }
  flush();
  if (slice(quote, quoteTokens) !== slice(text, textTokens)) typography = true;
  return { changes, flags, typosFixed, typography };
}

/** The original's typo covering token `i` of the located clause, as the original writes it. */
function typoAt(index: QuoteIndex, l: Located, i: number): string | null {
  for (const typo of index.typos) {
    if (typo.clause !== l.at.clause.id) continue;
    for (let s = Math.max(0, i - typo.text.length + 1); s <= i; s++) {
      if (typo.text.every((k, j) => l.at.tokens[l.from + s + j]?.key === k)) {
        return slice(l.at.text, l.at.tokens.slice(l.from + s, l.from + s + typo.text.length));
      }
    }
  }
  return null;
}

/** The text from the first token's start to the last one's end. */
function slice(text: string, tokens: readonly Token[]): string {
  const first = tokens[0];
  const last = tokens.at(-1);
  return first && last ? text.slice(first.start, last.end) : "";
}

/** Case and apostrophes aside: what is left is accents or spelling. */
const lower = (word: string) => straightenApostrophes(word.toLowerCase());

/** Whether the quotation holds a number the closest passage does not. */
function addsNumber(located: readonly Located[], quote: string): boolean {
  const near = new Set(located.flatMap((l) => l.at.tokens.slice(l.from, l.to).map((t) => t.key)));
  return addedNumbers(tokenize(quote), (key) => near.has(key)).length > 0;
}

/** A change that touches a negation or a number, however small. */
function changeFlags(c: QuoteChange): QuoteFlag[] {
  const q = tokenize(c.quote).map((t) => t.key);
  const t = tokenize(c.text).map((t) => t.key);
  const flags: QuoteFlag[] = [];
  if (sorted(q.filter(isNegation)) !== sorted(t.filter(isNegation))) flags.push("negation");
  if (sorted(q.filter(isNumber)) !== sorted(t.filter(isNumber))) flags.push("number");
  return flags;
}
