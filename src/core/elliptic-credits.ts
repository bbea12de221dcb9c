/**
 * "Le 2e considérant parle de droit international, le 1er aussi : « … »", "Второй пункт —
 * консультации, а шестой приглашает «…»": after a credit to one recital or one measure, an
 * ordinal standing for a noun left out names another clause of that kind, and credits it as well.
 * Read only after such a credit, on the words up to the next credit or the window's end.
 */
import { CLAUSE_ORDER } from "./declaration.ts";
import { COUNTED_ORDINAL, readOrdinal } from "./numbers.ts";
import type { Credit } from "./reference-credits.ts";
import type { ClauseId } from "./types.ts";

/**
 * An article (or the Russian "а", "и") and an ordinal with no noun after it: a mark, the end, or
 * a word that is not the start of another number.
 */
const ELLIPTIC = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:le|la|the|а|и)\\s(${COUNTED_ORDINAL})(?![\\p{L}\\p{N}])(?!\\s(?:considerant|mesure|point|paragraphe|alinea|recital|measure|paragraph|clause|пункт|абзац|мер)\\p{L}*)`,
  "gu",
);
/** At most this many ordinals read after one credit. */
const MAX_ELLIPTIC = 3;

/** The clause of the same kind as `id` numbered `n`, if the text has one. */
function sameKind(id: ClauseId, n: number): ClauseId | undefined {
  const prefix = id.startsWith("P") ? "P" : id.startsWith("M") ? "M" : null;
  if (!prefix || n < 1) return undefined;
  const wanted = `${prefix}${n}` as ClauseId;
  return CLAUSE_ORDER.includes(wanted) ? wanted : undefined;
}

/** `credits` (in order, from one window of `folded` text) with the elliptic ordinals they lead. */
export function withEllipticCredits(folded: string, credits: readonly Credit[]): Credit[] {
  const out: Credit[] = [];
  credits.forEach((c, i) => {
    out.push(c);
    const [t, ...more] = c.targets;
    if (t?.kind !== "clause" || more.length > 0) return;
    const end = credits[i + 1]?.start ?? folded.length;
    let found = 0;
    for (const m of folded.slice(c.end, end).matchAll(ELLIPTIC)) {
      const n = readOrdinal(m[1] ?? "");
      const id: ClauseId | undefined = n === null ? undefined : sameKind(t.id, n);
      if (!id || id === t.id) continue;
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
