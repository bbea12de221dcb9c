/**
 * Questions made only of stop words ("qui parle ?", "кто говорит?", "who's speaking?"): the search
 * finds nothing in them, so they are matched whole against the clauses' search aids (clauses.json).
 * A question may wrap the aid in words about the text itself ("… dans ce texte", "in this
 * declaration", "в этом тексте", references.json "inThisText") or in asides ("anyway", "вообще",
 * terms.json "asides"): those are taken off first. A question that is more than an aid ("c'est
 * qui qui parle ?", "so who's speaking here") holds one: the longest aid of two words or more
 * that it holds decides, when no other clause has an aid as long in it.
 */
import { analyzeQuery } from "./analysis.ts";
import { coverWords, PhraseCover } from "./phrase-cover.ts";
import { REFERENCE_DATA } from "./references.ts";
import { TERMS_DATA } from "./terms.ts";
import { type Clause, LANGS } from "./types.ts";
import { normaliseForPatterns } from "./word-patterns.ts";

export class StopWordAids {
  private readonly byKey = new Map<string, Clause>();
  /** Aids of two stop words or more, as word lists, longest first. */
  private readonly phrases: { words: readonly string[]; clause: Clause }[] = [];
  private readonly frame = new PhraseCover<"frame">();

  constructor(clauses: readonly Clause[]) {
    for (const c of clauses) {
      for (const l of LANGS) {
        for (const a of c.aids[l]) {
          const words = coverWords(a);
          const k = words.join(" ");
          if (!this.byKey.has(k)) this.byKey.set(k, c);
          // Only an aid of stop words can be held by a question of stop words.
          if (words.length >= 2 && analyzeQuery(a).length === 0)
            this.phrases.push({ words, clause: c });
        }
      }
    }
    this.phrases.sort((a, b) => b.words.length - a.words.length);
    const asides = TERMS_DATA.asides;
    for (const l of LANGS) for (const p of asides[l]) this.frame.add(p, "frame");
    for (const p of REFERENCE_DATA.words.inThisText?.words ?? []) this.frame.add(p, "frame");
  }

  /** The clause whose aid the question is, as typed or without its frame; undefined if none. */
  clauseOf(question: string): Clause | undefined {
    const words = coverWords(question);
    if (words.length === 0) return undefined;
    const bare = this.frame.without(words);
    return this.byKey.get(words.join(" ")) ?? this.byKey.get(bare.join(" ")) ?? this.heldIn(bare);
  }

  /**
   * The clause of the longest aid of stop words the question holds, without its frame; none when
   * a word of `topicAfter` follows the aid ("qui parle de sécurité ?": the topic is asked).
   */
  heldBy(question: string, topicAfter: ReadonlySet<string>): Clause | undefined {
    // Most questions hold no aid's words at all: a substring test spares them the word cover.
    const folded = normaliseForPatterns(question);
    if (!this.phrases.some((p) => p.words.every((w) => folded.includes(w)))) return undefined;
    const words = this.frame.without(coverWords(question));
    const clause = this.heldIn(words);
    if (!clause) return undefined;
    const phrase = this.phrases.find((p) => p.clause === clause && holds(words, p.words));
    const at = phrase ? indexOf(words, phrase.words) : -1;
    const next = phrase ? words[at + phrase.words.length] : undefined;
    return next !== undefined && topicAfter.has(next) ? undefined : clause;
  }

  /** The clause of the longest aid the words hold, unless another clause's aid is as long. */
  private heldIn(words: readonly string[]): Clause | undefined {
    let found: { length: number; clause: Clause } | undefined;
    for (const p of this.phrases) {
      if (found && p.words.length < found.length) break;
      if (!holds(words, p.words)) continue;
      if (found && found.clause !== p.clause) return undefined;
      found = { length: p.words.length, clause: p.clause };
    }
    return found?.clause;
  }
}

function holds(words: readonly string[], phrase: readonly string[]): boolean {
  return indexOf(words, phrase) >= 0;
}

/** Where `phrase` first stands in `words`, or -1. */
function indexOf(words: readonly string[], phrase: readonly string[]): number {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((w, k) => words[i + k] === w)) return i;
  }
  return -1;
}
