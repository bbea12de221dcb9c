/**
 * Questions made only of stop words ("qui parle ?", "кто говорит?", "who's speaking?"): the search
 * finds nothing in them, so they are matched whole against the clauses' search aids (clauses.json).
 * A question may wrap the aid in words about the text itself ("… dans ce texte", "in this
 * declaration", "в этом тексте", references.json "inThisText") or in asides ("anyway", "вообще",
 * terms.json "asides"): those are taken off first.
 */
import { coverWords, PhraseCover } from "./phrase-cover.ts";
import { REFERENCE_DATA } from "./references.ts";
import { TERMS_DATA } from "./terms.ts";
import { type Clause, LANGS } from "./types.ts";

export class StopWordAids {
  private readonly byKey = new Map<string, Clause>();
  private readonly frame = new PhraseCover<"frame">();

  constructor(clauses: readonly Clause[]) {
    for (const c of clauses) {
      for (const l of LANGS) {
        for (const a of c.aids[l]) {
          const k = coverWords(a).join(" ");
          if (!this.byKey.has(k)) this.byKey.set(k, c);
        }
      }
    }
    const asides = TERMS_DATA.asides;
    for (const l of LANGS) for (const p of asides[l]) this.frame.add(p, "frame");
    for (const p of REFERENCE_DATA.words.inThisText?.words ?? []) this.frame.add(p, "frame");
  }

  /** The clause whose aid the question is, as typed or without its frame; undefined if none. */
  clauseOf(question: string): Clause | undefined {
    const words = coverWords(question);
    if (words.length === 0) return undefined;
    return this.byKey.get(words.join(" ")) ?? this.byKey.get(this.frame.without(words).join(" "));
  }
}
