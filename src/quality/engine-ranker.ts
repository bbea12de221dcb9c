/**
 * The engine seen as a ranker: what the bot shows first, then its "see also" clauses, then the
 * rest of the search ranking. A reference answer ("mesure 4") counts like any other answer.
 */
import { CLAUSE_ORDER } from "../core/declaration.ts";
import { WHOLE_TEXT } from "../core/questions.ts";
import type { Answer, SearchHit } from "../core/types.ts";
import type { Ranker } from "./evaluate.ts";

/** The part of the Engine the evaluation uses; a fake can stand in for it in tests. */
export interface Answering {
  answer(question: string): Answer;
  search(question: string, opts: { limit: number }): SearchHit[];
}

/** Enough search hits to rank every clause: the tail only matters for the MRR of misses. */
const SEARCH_LIMIT = CLAUSE_ORDER.length;

export function engineRanker(engine: Answering): Ranker {
  // The question's `lang` is not passed on: on Discord the locale is a hint at best, and the
  // measurement must include the engine's own language detection.
  return ({ q }) => {
    const answer = engine.answer(q);
    if (answer.kind === "overview") {
      // A question about the whole text expects "overview"; one about a clause finds it wrong.
      return {
        ids: [WHOLE_TEXT],
        score: null,
        via: `overview/${answer.facet}${answer.confidence === "closest" ? "/closest" : ""}`,
        confidence: answer.confidence,
        ...(answer.facet === "signatories" && { alsoFirst: ["signatories"] }),
      };
    }
    if (answer.kind === "note") {
      // A note points to the clause that names the term, shown privately like a closest passage.
      return { ids: [answer.clause.id], score: null, via: "note", confidence: "closest" };
    }
    if (answer.kind !== "clause") {
      const via =
        answer.kind === "none" && answer.rule
          ? `none/${answer.rule}`
          : answer.kind === "chitchat"
            ? `chitchat/${answer.intent}`
            : answer.kind;
      return { ids: [], score: null, via, confidence: "none" };
    }
    const ids = [
      answer.clause.id,
      ...answer.seeAlso.map((c) => c.id),
      ...engine.search(q, { limit: SEARCH_LIMIT }).map((h) => h.clause.id),
    ];
    return {
      ids: [...new Set(ids)],
      score: answer.score,
      via: answer.via,
      confidence: answer.confidence,
    };
  };
}
