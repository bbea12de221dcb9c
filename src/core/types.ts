/** Shared vocabulary of the core. Nothing here imports discord.js: the bot, console and CLI all build on it. */

export const LANGS = ["fr", "en", "ru"] as const;
export type Lang = (typeof LANGS)[number];
export type Localized<T = string> = Record<Lang, T>;

/** Clause ids in reading order; the development question set uses the same ids. */
export const CLAUSE_IDS = [
  "opening",
  "P1",
  "P2",
  "P3",
  "P4",
  "appeal",
  "M1",
  "M2",
  "M3",
  "M4",
  "M5",
  "M6",
  "closing",
  "signatories",
] as const;
export type ClauseId = (typeof CLAUSE_IDS)[number];

export type ClauseKind = "opening" | "recital" | "appeal" | "measure" | "closing" | "signatories";

export interface Clause {
  id: ClauseId;
  kind: ClauseKind;
  /** The measure or recital number, null for the other clauses. */
  number: number | null;
  /** 0-based position in the text. */
  position: number;
  /** "Mesure 3" / "Measure 3" / "Пункт 3". */
  label: Localized;
  /** A short title per language. */
  title: Localized;
  /** fr is the authoritative text, verbatim; en and ru are the team's unofficial working translations. */
  text: Localized;
  /** Keywords and synonyms describing the clause's topic, per language (search aids). */
  aids: Localized<string[]>;
  /** Words that, alone in a question, name this clause ("signataires ?", "the conclusion"). */
  names?: string[];
}

export interface SearchHit {
  clause: Clause;
  score: number;
  /** Query words (as the user typed them, lower-cased) that matched this clause. */
  matched: string[];
}

/** What the engine answers to a question or a reference. */
export type Answer =
  | {
      kind: "clause";
      clause: Clause;
      /** "reference": the question named the clause; "search": found by relevance. */
      via: "reference" | "search";
      /**
       * "answer": confident, shown publicly; "closest": the text does not say this in so many
       * words, and this is the nearest passage (shown privately, with a way to post it).
       */
      confidence: "answer" | "closest";
      score: number;
      matched: string[];
      /** Up to two close runners-up, for "see also". */
      seeAlso: Clause[];
      lang: Lang;
    }
  | (OutOfRange & { lang: Lang })
  | {
      /** A request for the whole declaration in brief ("résume la déclaration", "tl;dr?"). */
      kind: "overview";
      /** Every clause, in reading order. */
      clauses: readonly Clause[];
      lang: Lang;
    }
  | {
      /** Nothing in the declaration answers the question. */
      kind: "none";
      lang: Lang;
      /** The abstention rule that weighed towards this, if one fired (for logs and evaluation). */
      rule?: string;
    };

/** A clause number beyond the text ("mesure 9", "considérant 7"). */
export interface OutOfRange {
  kind: "out-of-range";
  clauseKind: "measure" | "recital";
  requested: number;
  /** How many of that kind exist (read from the text). */
  available: number;
}
