/**
 * The answer engine: reference lookup first ("mesure 4"), then the ranking of clauses by their
 * text and by the example questions they answered, with a confidence tier.
 * Shared by the Discord bot, the console and the `ask` command.
 */
import { asksWhereInText, factNotInTextAsked, RULES_ABOUT_THE_WHOLE } from "./abstention.ts";
import { analyzeQuery, fold, type Token } from "./analysis.ts";
import { chitchat, chitchatReply } from "./chitchat.ts";
import { loadDeclaration } from "./declaration.ts";
import { type Entities, getEntities } from "./entities.ts";
import {
  clauseByEdgeWords,
  clauseOpenedBy,
  clauseQuoted,
  clauseStartingWith,
} from "./first-words.ts";
import { detectLanguage, fromTransliteration } from "./language.ts";
import { namingTheUN, withoutOtherDocuments } from "./other-documents.ts";
import { isPartyClause, partyAsked } from "./party-cues.ts";
import { type Example, QuestionIndex, termsOf } from "./question-index.ts";
import { buildPools, loadPools } from "./question-pools.ts";
import { CORPUS_DIR, readBatches } from "./questions.ts";
import {
  combine,
  type Ranking,
  type RankingWeights,
  specificity,
  THRESHOLDS,
  type Thresholds,
  WEIGHTS,
  weightedCoverage,
} from "./ranking.ts";
import {
  namesTheSignatures,
  placesAPart,
  questionReadings,
  readingIds,
  readingThatSays,
} from "./reference-readings.ts";
import { fixReferenceTypos, nameTypo } from "./reference-typos.ts";
import {
  asksForSummary,
  findReferences,
  firstReference,
  leadingMeasure,
  namesAPart,
  type ReferenceTarget,
  requiredWords,
} from "./references.ts";
import { clauseBeside, clauseBetween, phraseOf } from "./relative-position.ts";
import { type FieldBoost, SearchIndex } from "./search-index.ts";
import { StopWordAids } from "./stop-word-aids.ts";
import { askedTermInSentences } from "./terms.ts";
import type { Answer, Clause, ClauseId, Lang, OutOfRange, SearchHit } from "./types.ts";
import { type WholeTextFacet, wholeTextFacet } from "./whole-text.ts";
import { trainWholeTextModel, WholeTextReading } from "./whole-text-model.ts";
import { normaliseForPatterns } from "./word-patterns.ts";

export type ReferenceMatch = { kind: "clause"; clause: Clause } | OutOfRange;

/** A runner-up is offered as "see also" when it scores at least this share of the best clause. */
export const SEE_ALSO_RATIO = 0.5;

/**
 * The engine reads at most this much of a question, whatever its caller allows: the costly steps
 * (stemming, fuzzy matching) grow with the text, and no real question is longer.
 */
export const MAX_QUESTION_CHARS = 1000;

/**
 * And at most this many content words: each word unknown to an index costs a search of it, and
 * no real question has more (the longest in the question sets have about 25).
 */
export const MAX_CONTENT_WORDS = 40;

/** Shorter unknown words are too often slang, initials or typos to say anything. */
const MIN_TELLING_WORD = 4;

/** Two-letter words ("hr", "ok") are too often initials to call foreign to the text. */
const MIN_FOREIGN_WORD = 3;

export interface EngineOptions {
  clauses?: readonly Clause[];
  /**
   * Example questions to learn from; by default the pools `npm run train` built from every batch
   * in data/corpus/ (data/question-pools.json).
   */
  examples?: readonly Example[];
  boost?: FieldBoost;
  weights?: RankingWeights;
  thresholds?: Thresholds;
}

/** Every example question in data/corpus/. */
export function corpusExamples(dir: string = CORPUS_DIR): Example[] {
  return readBatches(dir).flatMap((b) => b.questions);
}

export class Engine {
  readonly clauses: readonly Clause[];
  private readonly byId: Map<string, Clause>;
  private readonly index: SearchIndex;
  private readonly questions: QuestionIndex;
  private readonly wholeText: WholeTextReading;
  private readonly entities: Entities;
  private readonly weights: RankingWeights;
  private readonly thresholds: Thresholds;
  /** Clause names that, alone in a question, point at a clause ("signataires ?", "the conclusion"). */
  private readonly names: Map<string, Clause>;
  /** Built on the first question made only of stop words: most engines never meet one. */
  private stopWordAidsBuilt: StopWordAids | undefined;

  constructor(opts: EngineOptions = {}) {
    this.clauses = opts.clauses ?? loadDeclaration();
    this.byId = new Map(this.clauses.map((c) => [c.id.toLowerCase(), c]));
    // Each index asks the other whether an unknown word is a real word (no typo tolerance then).
    this.index = new SearchIndex(this.clauses, opts.boost, (s) => this.questions.knows(s));
    this.entities = getEntities();
    const examples = opts.examples ?? (opts.clauses ? corpusExamples() : undefined);
    const trained = examples
      ? {
          pools: buildPools(this.relevant(examples), this.entities),
          wholeText: trainWholeTextModel(examples),
        }
      : loadPools();
    this.questions = new QuestionIndex(trained.pools, (s) => this.index.knows(s));
    this.wholeText = new WholeTextReading(trained.wholeText);
    this.weights = opts.weights ?? WEIGHTS;
    this.thresholds = opts.thresholds ?? THRESHOLDS;
    this.names = new Map(
      this.clauses.flatMap((c) => (c.names ?? []).map((n) => [fold(n), c] as const)),
    );
  }

  /** Examples about clauses this engine does not hold (a test's subset) teach nothing here. */
  private relevant(examples: readonly Example[]): Example[] {
    return examples.flatMap((e) => {
      const expect = e.expect.filter((id) => this.byId.has(id.toLowerCase()));
      return expect.length === 0 && e.expect.length > 0 ? [] : [{ ...e, expect }];
    });
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
    return detectLanguage(text.slice(0, MAX_QUESTION_CHARS), hint);
  }

  references(text: string): ReferenceMatch[] {
    return findReferences(text).flatMap((t) => this.toMatch(t));
  }

  /**
   * Every clause that the question's words or its resemblance to known questions point to, with
   * the weight of "the text does not say this" and the confidence tier.
   */
  rank(question: string): Ranking {
    const q = this.readable(question);
    return this.rankTokens(q, this.contentOf(q));
  }

  /** The question as the engine reads it: bounded, and "kto podpisal" read as "кто подписал". */
  private readable(question: string): string {
    const typed = question.slice(0, MAX_QUESTION_CHARS);
    return fromTransliteration(typed, (w) => this.inText(w)) ?? typed;
  }

  /** Ranked clauses, best first; [] when nothing in the declaration is close. */
  search(question: string, opts: { lang?: Lang; limit?: number } = {}): SearchHit[] {
    const ranking = this.rank(question);
    if (ranking.confidence === "none") return [];
    return this.hits(ranking).slice(0, opts.limit ?? 5);
  }

  answer(question: string, opts: { lang?: Lang } = {}): Answer {
    const lang = opts.lang ?? detectLanguage(question.slice(0, MAX_QUESTION_CHARS));
    const q = this.readable(question);
    const chat = chitchat(q);
    if (chat) {
      return {
        kind: "chitchat",
        intent: chat.intent,
        reply: chitchatReply(chat.intent, lang, q),
        lang,
      };
    }
    // "le considérant qui commence par « convaincus »": named by its first (or last) words.
    const edge = clauseByEdgeWords(q, this.clauses) ?? clauseOpenedBy(q, this.clauses);
    if (edge) return this.byReference(edge, lang, []);
    // "… c'est où ?" asks for a passage, never for the whole text.
    const where = asksWhereInText(q);
    const facet = where
      ? null
      : asksForSummary(q)
        ? "summary"
        : wholeTextFacet(
            q,
            (w) => this.inText(w),
            (w) => this.ofFewClauses(w),
          );
    // "how many signatories", "how many recitals before the appeal?": counts over the whole text,
    // before the names and places of the parts they count.
    const counts = facet === "signatories" || facet === "structure";
    // A question for what the text never states, read once for the steps below and the ranking.
    const ruled = factNotInTextAsked(q, where);
    const ruledOut = ruled !== null && !RULES_ABOUT_THE_WHOLE.has(ruled);
    // "NATO's Article 5" names another document's article, not this text's measure 5.
    const cited = withoutOtherDocuments(
      fixReferenceTypos(namingTheUN(q), (w, c) => this.isOtherWord(w, c)),
    );
    // "ce qui précède les signatures": the place next to a topic, before the topic's own reference.
    const anchorOf = (topic: string) => this.anchorOf(topic);
    const beside =
      cited.found || counts
        ? undefined
        : (clauseBetween(cited.text, this.clauses, anchorOf) ??
          clauseBeside(cited.text, this.clauses, anchorOf));
    if (beside) return this.byReference(beside, lang, []);
    if (counts) return this.overview(facet, lang);
    // "l'OTAN a déjà envoyé des observateurs … après ça ?" reads like a question measure 6 answers,
    // but asks what happened after the text: a rule that fires outweighs a question's shape.
    const refs =
      ruledOut && firstReference(normaliseForPatterns(cited.text))?.answers
        ? []
        : this.references(cited.text);
    const first = refs[0];
    if (first?.kind === "out-of-range") return { ...first, lang };
    if (first) {
      const seeAlso = refs.slice(1).flatMap((r) => (r.kind === "clause" ? [r.clause] : []));
      const read = this.readingByContent(cited.text, first.clause.id, ruled) ?? first.clause;
      return this.byReference(read, lang, seeAlso.slice(0, 2));
    }
    if (cited.found) return { kind: "none", lang, rule: "other-document" };
    // "le 4, résumé vite fait ?": a number alone may be a measure's, or a follow-up to something
    // said before; offered as the closest passage, never publicly.
    const leading = ruled ? undefined : leadingMeasure(cited.text);
    const leadingClause = leading ? this.clause(leading) : undefined;
    if (leadingClause) return this.byReference(leadingClause, lang, [], "closest");
    // "НАТО это шо вообще, объясни как ребёнку" asks what NATO is, simply: a term, not a summary.
    const term = askedTermInSentences(q, (w) => this.inText(w));
    const termClause = term && this.clause(term.clause);
    if (term && termClause) return { kind: "note", note: term, clause: termClause, lang };
    // "ça a marché ou pas, cette proposition ?" names the text but asks what it cannot say; "is
    // it legally binding?" asks of the whole text what it does not say of itself: its overview is
    // only the closest thing the bot has.
    if (facet && !ruledOut) return this.overview(facet, lang, ruled ? "closest" : undefined);
    const content = this.contentOf(q);
    // "where was it signed?" names the signatures but asks what the text never says.
    const named = ruled
      ? undefined
      : (this.namedClause(content) ??
        (content.length === 0 ? this.stopWordAids().clauseOf(q) : this.aidAmidRefrain(q, content)));
    if (named) return this.byReference(named, lang, []);
    const ranking = this.rankTokens(q, content, ruled, where);
    // "« observateurs aux activités de l'OTSC », exercices ou drogue ?": unsure from the words, the
    // passage one clause holds decides; never for what the text does not say ("… mis en œuvre ?").
    const quoted =
      ruled || ranking.confidence === "answer" ? undefined : clauseQuoted(q, this.clauses);
    if (quoted) return this.byReference(quoted, lang, []);
    // Unsure of any clause, and phrased as the questions about the whole text were: its overview,
    // offered as the closest thing the bot has. A question for what the text never states ("what's
    // the date of this declaration?") keeps its "nothing answers this".
    if (ranking.confidence !== "answer" && !ruledOut && this.leansAsRead(q)) {
      return this.overview("summary", lang, "closest");
    }
    const hits = this.hits(ranking);
    if (!hits[0] || ranking.confidence === "none") {
      // "au nom de qui la déclaration est-elle faite ?": too few of a clause's words to answer,
      // but a question for the speakers or the addressees, whose clause ranks near the top.
      const party = ruled || this.hasForeignWord(content) ? undefined : this.partyHit(q, hits);
      if (party) return this.searchAnswer(party, [], "closest", lang);
      return { kind: "none", lang, ...(ranking.rule && { rule: ranking.rule }) };
    }
    // "is this from the heads of state or the foreign office guys?": both the opening and the
    // appeal name ministers; the question asks for the speakers. Moved up, the passage is offered
    // as the closest one, never publicly.
    const near = hits.slice(1, PARTY_RANKS).map((h) => h.clause.id);
    const party = near.some(isPartyClause) ? this.partyHit(q, hits) : undefined;
    const at = party ? hits.indexOf(party) : -1;
    const moved = at > 0;
    const [top, ...rest] = moved
      ? [...hits.slice(at, at + 1), ...hits.filter((_, i) => i !== at)]
      : hits;
    if (!top) return { kind: "none", lang };
    const seeAlso = rest.filter((h) => h.score >= SEE_ALSO_RATIO * top.score).slice(0, 2);
    return this.searchAnswer(top, seeAlso, moved ? "closest" : ranking.confidence, lang);
  }

  /** A /quote argument: an id ("M3"), a bare number (a measure), a label or title, or a reference phrase. */
  resolve(spec: string): Clause | undefined {
    const s = spec.trim().slice(0, MAX_QUESTION_CHARS);
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

  /**
   * What a clause spec names, for /quote: the clause, or why there is none when it names a measure
   * or recital beyond the text ("9", "mesure 9"); undefined when it names nothing.
   */
  resolveOrOutOfRange(spec: string): Clause | OutOfRange | undefined {
    const clause = this.resolve(spec);
    if (clause) return clause;
    const s = spec.trim().slice(0, MAX_QUESTION_CHARS);
    if (/^\d{1,9}$/.test(s)) {
      const available = this.clauses.filter((c) => c.kind === "measure").length;
      return { kind: "out-of-range", clauseKind: "measure", requested: Number(s), available };
    }
    const ref = this.references(s)[0];
    return ref?.kind === "out-of-range" ? ref : undefined;
  }

  /** Autocomplete: clauses whose id, label or title contain what was typed, then search hits. */
  suggest(partial: string, opts: { lang: Lang; limit?: number }): Clause[] {
    const limit = opts.limit ?? 25;
    const f = fold(partial.trim().slice(0, MAX_QUESTION_CHARS));
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
    const typed = analyzeQuery(partial.slice(0, MAX_QUESTION_CHARS), MAX_CONTENT_WORDS);
    for (const id of this.index.complete(typed)) {
      const c = this.byId.get(id.toLowerCase());
      if (c) out.add(c);
    }
    return [...out].slice(0, limit);
  }

  /** Whether a word is one the text, its aids or its example questions use, as typed. */
  private knowsWord(word: string): boolean {
    return analyzeQuery(word, 1).some((t) =>
      t.stems.some((s) => this.index.knows(s) || this.questions.knows(s)),
    );
  }

  /** Whether `word` is a real word of the text or its questions, not a form of `clauseWord`. */
  private isOtherWord(word: string, clauseWord: string): boolean {
    const family = new Set(analyzeQuery(clauseWord, 1).flatMap((t) => t.stems));
    const stems = analyzeQuery(word, 1).flatMap((t) => t.stems);
    // Only the text's own words: the example questions hold typos ("пукнт") as well as words.
    return (
      !stems.some((s) => family.has(s)) &&
      analyzeQuery(word, 1).some((t) => t.stems.some((x) => this.index.knows(x)))
    );
  }

  private overview(
    facet: WholeTextFacet,
    lang: Lang,
    confidence: "answer" | "closest" = "answer",
  ): Answer {
    const states = this.entities.signatoryCount;
    return { kind: "overview", clauses: this.clauses, facet, states, confidence, lang };
  }

  /**
   * Whether the example questions most like this one asked about the whole text. Nothing more is
   * asked of it: leaving out questions that name a part, a party, a word of few clauses or just
   * the preamble ("summarize the preamble") cost more questions about the whole text than it
   * saved, in the leave-one-batch-out runs and on the held-out batches alike.
   */
  leansWholeText(question: string): boolean {
    return this.leansAsRead(this.readable(question));
  }

  private leansAsRead(q: string): boolean {
    return this.wholeText.logOdds(q) >= WHOLE_TEXT_LEAN;
  }

  /**
   * "кто вообще говорит в этом тексте, какие министры?": an aid of stop words ("кто говорит",
   * "qui parle") in a question whose other words are all the text's refrain (words of
   * REFRAIN_CLAUSES clauses or more: "ministres", "OTAN"), which choose no clause: the aid does.
   */
  private aidAmidRefrain(q: string, content: readonly Token[]): Clause | undefined {
    const refrain = content.every((t) => this.index.documentFrequency(t, false) >= REFRAIN_CLAUSES);
    return refrain ? this.stopWordAids().heldBy(q, TOPIC_AFTER_AID) : undefined;
  }

  /** The clauses' aids for questions made only of stop words ("qui parle", "who speaks"). */
  private stopWordAids(): StopWordAids {
    this.stopWordAidsBuilt ??= new StopWordAids(this.clauses);
    return this.stopWordAidsBuilt;
  }

  /**
   * Whether a word is one of a few clauses' own ("drogue", "briefings", "paix"), not one the whole
   * text shares ("OTAN", "sécurité", "mesures"): beside a request for the whole, it makes the
   * request about that part.
   */
  ofFewClauses(word: string): boolean {
    // "non", "pas": too short to belong to a clause.
    if (word.length < MIN_TELLING_WORD) return false;
    const [t] = analyzeQuery(word, 1);
    if (!t?.stems.some((s) => this.index.knows(s))) return false;
    return this.index.documentFrequency(t, false) <= FEW_CLAUSES;
  }

  /** Whether a word is one the declaration's text or its search aids use (in any alphabet). */
  inText(word: string): boolean {
    return analyzeQuery(word, 1).some((t) => t.stems.some((s) => this.index.knows(s)));
  }

  /** A word neither the text nor a question it answers uses ("guests", "покупок"). */
  private isForeign(t: Token): boolean {
    return !t.stems.some((s) => this.index.knows(s) || this.questions.answered(s));
  }

  /** The question's content words, at most MAX_CONTENT_WORDS of them. */
  private contentOf(question: string): Token[] {
    return analyzeQuery(question, MAX_CONTENT_WORDS);
  }

  /** `rule`: the abstention rule the question fires, when the caller has read it already. */
  private rankTokens(
    question: string,
    content: Token[],
    rule: string | null = factNotInTextAsked(question),
    whereInText: boolean = asksWhereInText(question),
  ): Ranking {
    const tolerant = this.index.typoTolerant(content);
    const weights = new Map(
      content.map((t) => [
        t,
        specificity(this.index.documentFrequency(t, tolerant.has(t)), this.index.size),
      ]),
    );
    let total = 0;
    for (const w of weights.values()) total += w;
    const hits = this.index
      .search(content, tolerant)
      .map((h) => ({ ...h, coverage: weightedCoverage(h.matched, weights, total) }));
    const votes = this.questions.vote(termsOf(content, this.entities));
    const inText = new Set(hits.flatMap((h) => h.matched));
    const unknownWord = content.some(
      (t) =>
        t.word.length >= MIN_TELLING_WORD &&
        !inText.has(t) &&
        !t.stems.some((s) => votes.matched.has(s)),
    );
    const foreign = content.filter(
      (t) =>
        t.word.length >= MIN_FOREIGN_WORD &&
        !inText.has(t) &&
        !t.stems.some((s) => this.questions.answered(s)),
    ).length;
    // "steups" (a sigh of annoyance) is one letter from "stups" (narcotics squad slang): words
    // read only as typos of the text's words match it, but are not the text's words.
    const typosOnly =
      content.length > 0 &&
      content.every((t) => tolerant.has(t) && !t.stems.some((s) => this.questions.knows(s)));
    const signals = {
      rule,
      unknownWord,
      foreignShare: content.length > 0 ? foreign / content.length : 0,
      whereInText,
      typosOnly,
    };
    return combine(hits, votes, signals, this.weights, this.thresholds);
  }

  /**
   * "le premier paragraphe — paix, sécurité, terrorisme ?", "la toute fin, le 'ready to talk'":
   * words that may mean either of two clauses (reference-readings.ts) are read as the one the
   * question's other words are in; as the clause first named when those words are in neither.
   */
  private readingByContent(
    text: string,
    named: ClauseId,
    ruled: string | null,
  ): Clause | undefined {
    const folded = normaliseForPatterns(text);
    const found = firstReference(folded);
    if (!found) return undefined;
    const ids = readingIds(questionReadings(found, folded));
    if (ids.length < 2 || !ids.includes(named)) return undefined;
    // The reference's own words ("la toute fin", "first line") and the parts named around it
    // ("before the recitals") say where, not what about.
    const rest = `${folded.slice(0, found.start)} ${folded.slice(found.end)}`;
    // Without words that choose, "ils disent quoi, à la toute fin ?" asks what is said there.
    // A place ("the last sentence", "the last part") may be either clause; "les signatures, ça
    // veut dire quoi ?" names one.
    const says = namesTheSignatures(folded.slice(found.start, found.end))
      ? undefined
      : readingThatSays(ids, rest);
    const otherwise = says && says !== named ? this.clause(says) : undefined;
    if (placesAPart(rest)) return otherwise;
    const content = this.contentOf(rest).filter((t) => !namesAPart(t.word));
    if (content.length === 0) return otherwise;
    const ranking = this.rankTokens(rest, content, ruled);
    // The clause's own words, or, for words the text does not use, the questions it answers
    // ("в первом абзаце про ядерку?": "ядерку" is no word of the text, but the first recital's
    // questions use it).
    const top = ranking.ranked[0];
    const slang = content.some((t) => !this.inText(t.word));
    const byQuestions =
      slang && top && top.score >= READING_BY_QUESTIONS && ids.includes(top.id) ? top : undefined;
    const best = ranking.ranked.find((s) => ids.includes(s.id) && s.coverage > 0) ?? byQuestions;
    if (!best) return otherwise;
    return best.id !== named ? this.clause(best.id) : undefined;
  }

  private hits(ranking: Ranking): SearchHit[] {
    return ranking.ranked.flatMap((s) => {
      const clause = this.byId.get(s.id.toLowerCase());
      return clause ? [{ clause, score: s.score, matched: s.matched.map((t) => t.word) }] : [];
    });
  }

  private byReference(
    clause: Clause,
    lang: Lang,
    seeAlso: Clause[],
    confidence: "answer" | "closest" = "answer",
  ): Answer {
    return {
      kind: "clause",
      clause,
      via: "reference",
      confidence,
      score: 1,
      matched: [],
      seeAlso,
      lang,
    };
  }

  /** The hit of the party the question asks for (party-cues.ts), among the first three. */
  private partyHit(q: string, hits: readonly SearchHit[]): SearchHit | undefined {
    const party = partyAsked(q);
    return party ? hits.slice(0, PARTY_RANKS).find((h) => h.clause.id === party) : undefined;
  }

  /** A word no question about the text uses ("qui a écrit Les Misérables ?"): another subject. */
  private hasForeignWord(content: readonly Token[]): boolean {
    return content.some((t) => t.word.length >= MIN_TELLING_WORD && this.isForeign(t));
  }

  private searchAnswer(
    hit: SearchHit,
    seeAlso: readonly SearchHit[],
    confidence: "answer" | "closest",
    lang: Lang,
  ): Answer {
    return {
      kind: "clause",
      clause: hit.clause,
      via: "search",
      confidence,
      score: hit.score,
      matched: hit.matched,
      seeAlso: seeAlso.map((h) => h.clause),
      lang,
    };
  }

  /** The clause a topic names: by reference ("la mesure 3"), by name ("l'intro") or by its words. */
  private anchorOf(topic: string): Clause | undefined {
    const [named] = this.references(topic);
    if (named) return named.kind === "clause" ? named.clause : undefined;
    // "juste après « Nous, ministres »": a clause named by its first words.
    const byStart = clauseStartingWith(phraseOf(topic), this.clauses);
    if (byStart) return byStart;
    const content = this.contentOf(phraseOf(topic));
    const byName = this.namedClause(content);
    if (byName) return byName;
    // A topic with a word foreign to the text names another thing ("the list of guests").
    if (this.hasForeignWord(content)) return undefined;
    // The topic's own phrase first ("les noms", not "les noms, ça dit quoi en gros ?"), then the
    // whole ("celui, que про наблюдателей" names its topic after the comma).
    return this.rankedAnchor(phraseOf(topic)) ?? this.rankedAnchor(topic);
  }

  /** The clause a topic's words are in: only one its own words hold ("after the declaration": none). */
  private rankedAnchor(topic: string): Clause | undefined {
    const ranking = this.rank(topic);
    const top = ranking.ranked[0];
    return top && ranking.confidence !== "none" && top.coverage > 0
      ? this.byId.get(top.id.toLowerCase())
      : undefined;
  }

  private namedClause(content: Token[]): Clause | undefined {
    // "the intro, the part with «we»": a name with words for a part of a text is that name.
    const words = content
      .map((t) => fold(t.word))
      .filter((w) => this.names.has(w) || !namesAPart(w));
    if (words.length === 0) return undefined;
    const first = this.names.get(words[0] ?? "");
    if (first) return words.every((w) => this.names.get(w) === first) ? first : undefined;
    // "signatairs", "the apeal": a lone name with a typo, when it is no word the text knows.
    const [only] = words;
    if (words.length !== 1 || !only || this.knowsWord(only)) return undefined;
    const name = nameTypo(only, this.names.keys());
    return name ? this.names.get(name) : undefined;
  }

  private toMatch(t: ReferenceTarget): ReferenceMatch[] {
    if (t.kind === "out-of-range") return [t];
    const clause = this.byId.get(t.id.toLowerCase());
    return clause ? [{ kind: "clause", clause }] : [];
  }
}

/**
 * The log-odds from which a question leans towards the whole text (whole-text-model.ts). In the
 * leave-one-batch-out runs over the 57 corpus batches of the day it was chosen (every feature
 * kept then), 2 turned 43 of the 68 questions about the whole text that no clause answered well
 * into its overview, for 11 of 1,618 clauses found but not sure.
 */
const WHOLE_TEXT_LEAN = 2;

/** A word in at most this many clauses (of 14) belongs to them; the ministers or NATO, to all. */
const FEW_CLAUSES = 2;
/** Words after an aid of stop words that bring the topic asked ("qui parle de …", "про …"). */
const TOPIC_AFTER_AID: ReadonlySet<string> = new Set(
  (requiredWords("topicWords").words ?? []).map(fold),
);

/** The least ranking score of a reading its example questions alone choose (readingByContent). */
const READING_BY_QUESTIONS = 0.6;
/** A party's clause this high in the search is moved first when the question asks for it. */
const PARTY_RANKS = 3;
/** A word in this many clauses or more is the text's refrain ("ministres", "OTAN", "sécurité"). */
const REFRAIN_CLAUSES = 3;

let shared: Engine | undefined;

/** The engine over the project's declaration, built on first use and then reused. */
export function getEngine(): Engine {
  shared ??= new Engine();
  return shared;
}
