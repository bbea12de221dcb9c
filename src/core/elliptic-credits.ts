/**
 * "Le 2e considérant parle de droit international, le 1er aussi : « … »", "Второй пункт —
 * консультации, а шестой приглашает «…»": after a credit to one recital or one measure, an
 * ordinal standing for a noun left out names another clause of that kind, and credits it as well.
 * It stands alone: after an article, before a mark, the end, or a word of data/references.json
 * "ellipticThen" ("aussi", "too", a verb of saying), so "la première fois" and "le premier
 * ministre" name nothing; a bare number is as often a date or a count ("le 5 mars", "the 6
 * countries") and never counts. Read in the credit's own sentence, up to the next credit.
 */
import { onlyClause } from "./between-credits.ts";
import { sameKindNumbered } from "./declaration.ts";
import { COUNTED_ORDINAL, readOrdinal } from "./numbers.ts";
import type { Credit } from "./reference-credits.ts";
import { referenceWords as table } from "./references.ts";
import type { ClauseId } from "./types.ts";

// Russian has no articles: a comma may stand for one ("Первая мера — генсеки, вторая — …"). An
// intensifier ("самый", "tout", "very") leaves the ordinal standing for the same noun ("а самый
// первый —"), so it may come between.
const ELLIPTIC = new RegExp(
  `(?:(?<![\\p{L}\\p{N}])${table("ellipticArticle")}|,(?=\\s\\p{Script=Cyrillic}))\\s(?:${table("ellipticIntensifier")}\\s)?(${COUNTED_ORDINAL})(?![\\p{L}\\p{N}])(?=\\s?[,.;:!?()—–«»"“”-]|\\s?$|\\s${table("ellipticThen")}(?![\\p{L}\\p{N}]))`,
  "gu",
);
/** Right after the credit, a dash and a few words with no comma: "— генсеки". */
const DASH_THEN_WORDS = /^\s?[—–-]\s?[^,]{1,40}$/u;
/**
 * "Второй пункт институционален, третий же практичен": a contrast particle right after the ordinal
 * makes the comma an article whatever stood before it.
 */
const CONTRAST_NEXT = new RegExp(`^\\s${table("ellipticContrast")}(?![\\p{L}\\p{N}])`, "u");
/** The end of a sentence: an ordinal past it stands for nothing the credit named. */
const SENTENCE_END = /[.!?…;]/u;
/** At most this many ordinals read after one credit. */
const MAX_ELLIPTIC = 3;

/** `credits` (in order, from one window of `folded` text) with the ordinals they lead. */
export function withEllipticCredits(folded: string, credits: readonly Credit[]): Credit[] {
  const out: Credit[] = [];
  credits.forEach((c, i) => {
    out.push(c);
    const named = onlyClause(c);
    if (!named) return;
    // Within the credit's own sentence: "J'ai relu la mesure 2. Le 5 mars, …" names no measure 5.
    const sentenceEnd = SENTENCE_END.exec(folded.slice(c.end));
    const end = Math.min(
      credits[i + 1]?.start ?? folded.length,
      sentenceEnd ? c.end + sentenceEnd.index : folded.length,
    );
    let found = 0;
    for (const m of folded.slice(c.end, end).matchAll(ELLIPTIC)) {
      // The comma stands for an article only in a parallel "X — Y, Z — W" ("Первая мера —
      // генсеки, вторая — аппараты"), never after a statement of its own ("…, а цитат две, первая").
      if (
        m[0].startsWith(",") &&
        !DASH_THEN_WORDS.test(folded.slice(c.end, c.end + m.index)) &&
        !CONTRAST_NEXT.test(folded.slice(c.end + m.index + m[0].length))
      ) {
        continue;
      }
      const n = readOrdinal(m[1] ?? "");
      const id: ClauseId | undefined = n === null ? undefined : sameKindNumbered(named, n);
      if (!id || id === named) continue;
      const start = c.end + m.index;
      out.push({
        start,
        end: start + m[0].length,
        targets: [{ kind: "clause", id }],
        via: "elliptic",
      });
      if (++found >= MAX_ELLIPTIC) break;
    }
  });
  return out;
}
