/**
 * The answer engine: reference lookup first ("mesure 4"), then search, then abstention.
 * Shared by the Discord bot, the console and the `ask` command.
 */
import { asksForFactNotInText, isRelevant, specificity, weightedCoverage } from "./abstention.ts";
import { analyzeQuery, fold, type Token } from "./analysis.ts";
import { loadDeclaration } from "./declaration.ts";
import { detectLanguage } from "./language.ts";
import { findReferences, type ReferenceTarget } from "./references.ts";
import { type FieldBoost, SearchIndex } from "./search-index.ts";
import type { Answer, Clause, ClauseId, Lang, OutOfRange, SearchHit } from "./types.ts";

export type ReferenceMatch = { kind: "clause"; clause: Clause } | OutOfRange;

/** A runner-up is offered as "see also" when it scores at least this share of the best clause. */
export const SEE_ALSO_RATIO = 0.5;

/** Clause names that, alone in a question, point at a clause ("signataires ?", "the conclusion"). */
const NAMES: Partial<Record<ClauseId, string[]>> = {
  opening: ["ouverture", "opening", "introduction", "intro", "вступление", "начало"],
  P1: ["preambule", "preamble", "considerants", "recitals", "преамбула", "преамбулу"],
  appeal: ["appel", "appeal", "призыв", "обращение"],
  closing: ["conclusion", "closing", "заключение"],
  signatories: [
    "signataires",
    "signatories",
    "signatures",
    "signature",
    "signed",
    "подписи",
    "подписавшие",
    "подписанты",
  ],
};

export class Engine {
  readonly clauses: readonly Clause[];
  private readonly byId: Map<string, Clause>;
  private readonly index: SearchIndex;

  constructor(clauses: readonly Clause[] = loadDeclaration(), boost?: FieldBoost) {
    this.clauses = clauses;
    this.byId = new Map(clauses.map((c) => [c.id.toLowerCase(), c]));
    this.index = new SearchIndex(clauses, boost);
  }

  clause(id: string): Clause | undefined {
    return this.byId.get(id.trim().toLowerCase());
  }

  measure(n: number): Clause | undefined {
    return Number.isInteger(n) ? this.byId.get(`m${n}`) : undefined;
  }

  neighbours(id: ClauseId): { previous?: Clause; next?: Clause } {
    const i = this.clauses.findIndex((c) => c.id === id);
    if (i < 0) return {};
    const previous = this.clauses[i - 1];
    const next = this.clauses[i + 1];
    return { ...(previous && { previous }), ...(next && { next }) };
  }

  detectLanguage(text: string, hint?: string | null): Lang {
    return detectLanguage(text, hint);
  }

  references(text: string): ReferenceMatch[] {
    return findReferences(text).flatMap((t) => this.toMatch(t));
  }

  /** Ranked relevant clauses; [] when the declaration does not answer the question. */
  search(question: string, opts: { lang?: Lang; limit?: number } = {}): SearchHit[] {
    return this.searchTokens(question, analyzeQuery(question), opts.limit ?? 5);
  }

  private searchTokens(question: string, content: Token[], limit: number): SearchHit[] {
    if (asksForFactNotInText(question)) return [];
    const weights = new Map(
      content.map((t) => [t, specificity(this.index.documentFrequency(t), this.index.size)]),
    );
    // BM25 alone favours a clause that repeats one generic word ("сотрудничество" three times)
    // over the one that holds the question's specific word ("наркотрафик"): weighing each score by
    // the share of the question the clause covers puts the specific match first.
    const ranked = this.index
      .search(content)
      .map((h) => ({ ...h, coverage: weightedCoverage(h.matched, weights) }))
      .sort((a, b) => b.score * b.coverage - a.score * a.coverage);
    const best = ranked[0];
    if (!best || !isRelevant(best.score, best.coverage)) return [];
    return ranked.slice(0, limit).flatMap((h) => {
      const clause = this.byId.get(h.id.toLowerCase());
      return clause ? [{ clause, score: h.score, matched: h.matched.map((t) => t.word) }] : [];
    });
  }

  answer(question: string, opts: { lang?: Lang } = {}): Answer {
    const lang = opts.lang ?? detectLanguage(question);
    const refs = this.references(question);
    const first = refs[0];
    if (first?.kind === "out-of-range") return { ...first, lang };
    if (first) {
      const seeAlso = refs.slice(1).flatMap((r) => (r.kind === "clause" ? [r.clause] : []));
      return {
        kind: "clause",
        clause: first.clause,
        via: "reference",
        score: 1,
        matched: [],
        seeAlso: seeAlso.slice(0, 2),
        lang,
      };
    }
    const content = analyzeQuery(question);
    const named = this.namedClause(content);
    if (named) {
      return {
        kind: "clause",
        clause: named,
        via: "reference",
        score: 1,
        matched: [],
        seeAlso: [],
        lang,
      };
    }
    const hits = this.searchTokens(question, content, 3);
    const [top, ...rest] = hits;
    if (!top) return { kind: "none", lang };
    const seeAlso = rest.filter((h) => h.score >= SEE_ALSO_RATIO * top.score).map((h) => h.clause);
    return {
      kind: "clause",
      clause: top.clause,
      via: "search",
      score: top.score,
      matched: top.matched,
      seeAlso,
      lang,
    };
  }

  /** A /quote argument: an id ("M3"), a bare number (a measure), a label or title, or a reference phrase. */
  resolve(spec: string): Clause | undefined {
    const s = spec.trim();
    if (!s) return undefined;
    const byId = this.clause(s);
    if (byId) return byId;
    if (/^\d+$/.test(s)) return this.measure(Number(s));
    const f = fold(s);
    const named = this.clauses.find((c) =>
      [...Object.values(c.label), ...Object.values(c.title)].some((x) => fold(x) === f),
    );
    if (named) return named;
    const ref = this.references(s)[0];
    return ref?.kind === "clause" ? ref.clause : this.namedClause(analyzeQuery(s));
  }

  /** Autocomplete: clauses whose id, label or title contain what was typed, then search hits. */
  suggest(partial: string, opts: { lang: Lang; limit?: number }): Clause[] {
    const limit = opts.limit ?? 25;
    const f = fold(partial.trim());
    if (!f) return this.clauses.slice(0, limit);
    const out = new Set<Clause>();
    const resolved = this.resolve(partial);
    if (resolved) out.add(resolved);
    for (const c of this.clauses) {
      const names = [c.id, c.label[opts.lang], c.title[opts.lang], c.label.fr, c.title.fr].map(
        fold,
      );
      if (names.some((n) => n.includes(f))) out.add(c);
    }
    for (const id of this.index.complete(analyzeQuery(partial))) {
      const c = this.byId.get(id.toLowerCase());
      if (c) out.add(c);
    }
    return [...out].slice(0, limit);
  }

  private namedClause(content: Token[]): Clause | undefined {
    const words = content.map((t) => fold(t.word));
    if (words.length === 0) return undefined;
    for (const [id, names] of Object.entries(NAMES)) {
      if (words.every((w) => names.includes(w))) return this.byId.get(id.toLowerCase());
    }
    return undefined;
  }

  private toMatch(t: ReferenceTarget): ReferenceMatch[] {
    if (t.kind === "out-of-range") return [t];
    const clause = this.byId.get(t.id.toLowerCase());
    return clause ? [{ kind: "clause", clause }] : [];
  }
}

let shared: Engine | undefined;

/** The engine over the project's declaration, built on first use and then reused. */
export function getEngine(): Engine {
  shared ??= new Engine();
  return shared;
}
