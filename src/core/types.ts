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
      /**
       * A question about the declaration as a whole: "résume la déclaration", "tl;dr?" (summary),
       * "combien de mesures ?", "who is speaking to whom?" (structure).
       */
      kind: "overview";
      /** Every clause, in reading order. */
      clauses: readonly Clause[];
      /** "signatories": how many states signed ("combien de pays ont signé ?"), a count of the whole. */
      facet: "summary" | "structure" | "signatories";
      /** How many states the signatories clause lists (from the data, for the structure). */
      states: number;
      /**
       * "answer": the question asks about the whole text; "closest": it only resembles those
       * that do, so the overview is offered as the closest thing (privately, like a passage).
       */
      confidence: "answer" | "closest";
      lang: Lang;
    }
  | {
      /** Greetings, thanks, laughter, "who made you?": never a clause (chitchat.ts). */
      kind: "chitchat";
      intent: string;
      /** The one-line answer: a friendly word, what the bot does, a question to try. */
      reply: string;
      lang: Lang;
    }
  | {
      /**
       * What a term the text names but does not explain is ("c'est quoi l'OSCE ?"): a note that is
       * not from the declaration, with the clause where the term appears (terms.ts).
       */
      kind: "note";
      note: TermNote;
      clause: Clause;
      lang: Lang;
    }
  | {
      /** Nothing in the declaration answers the question. */
      kind: "none";
      lang: Lang;
      /** The abstention rule that weighed towards this, if one fired (for logs and evaluation). */
      rule?: string;
    };

/** A short, sourced note on a term the declaration names without explaining it (data/terms.json). */
export interface TermNote {
  id: string;
  /** The clause where the term appears. */
  clause: ClauseId;
  /** The term's name per language. */
  name: Localized;
  text: Localized;
  source: { title: string; url: string };
}

/** A clause number beyond the text ("mesure 9", "considérant 7"). */
export interface OutOfRange {
  kind: "out-of-range";
  clauseKind: "measure" | "recital";
  requested: number;
  /** How many of that kind exist (read from the text). */
  available: number;
}
