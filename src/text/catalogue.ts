/**
 * Every text a reader sees, by area: one `Catalogue` per language (fr.ts, en.ts, ru.ts), each
 * checked against this type, so a text missing in one language, or one that drops a placeholder
 * it must fill, is a type error. The languages' files hold data only: how a text is filled in is
 * format.ts, once for every language. Nothing here comes from Discord: the core, the console and
 * the command-line tools read it as the bot does.
 *
 * A text is a `Text<P>`: a string naming each of `P`'s keys as a placeholder (`{channel}`), which
 * `textsFor` (index.ts) turns into a function of `P`; a `Text` without parameters stays a string.
 */
import type { Verdict } from "../core/quote/verdict.ts";
import type { Lang } from "../core/types.ts";
import type { Value } from "./format.ts";

declare const PARAMS: unique symbol;

type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** A string naming the placeholder `K`, plain or with plural forms. */
type Names<K extends string> = `${string}{${K}}${string}` | `${string}{${K}|${string}}${string}`;

/** A string that names every key of `P` as a placeholder. */
type NamesAll<P> =
  Intersection<{ [K in keyof P & string]: { of: Names<K> } }[keyof P & string]> extends {
    of: infer N;
  }
    ? N
    : never;

/** A text; with parameters `P`, it names each of them as a placeholder. */
export type Text<P extends Record<string, Value> = never> = [P] extends [never]
  ? string
  : NamesAll<P> & { readonly [PARAMS]?: P };

/** The parameters a text takes, or `never`. */
export type ParamsOf<T> = T extends { readonly [PARAMS]?: infer P } ? P : never;

/** A catalogue as `textsFor` hands it out: each text with parameters is a function of them. */
export type Said<T> = null extends T ? SaidValue<Exclude<T, null>> | null : SaidValue<T>;

type SaidValue<T> = [T] extends [string]
  ? [ParamsOf<T>] extends [never]
    ? string
    : (params: ParamsOf<T>) => string
  : T extends readonly (infer E)[]
    ? Said<E>[]
    : { [K in keyof T]: Said<T[K]> };

type Label = { label: string };
type Count<K extends string> = Record<K, number>;

export interface Catalogue {
  /** The nouns texts name after a count (`{n|measure}`): their forms, "one:…|other:…". */
  nouns: { measure: Text; recital: Text };
  document: DocumentTexts;
  answers: AnswerTexts;
  overview: OverviewTexts;
  card: CardTexts;
  quoteCheck: QuoteCheckTexts;
  followUps: FollowUpTexts;
  help: HelpTexts;
  settings: SettingsTexts;
  content: ContentTexts;
  feedback: FeedbackTexts;
  console: ConsoleTexts;
  errors: UserErrorTexts;
  failures: FailureTexts;
}

/** The declaration itself, however it is shown. */
export interface DocumentTexts {
  /** Its title, in every footer and heading. */
  name: Text;
  /** Above a translation: it is not the text that prevails. */
  unofficial: Text;
}

/** What the engine's answers say besides a clause (core/answer-text.ts composes them). */
export interface AnswerTexts {
  noAnswer: Text;
  /** The commands that help, each shown as the front end shows a command. */
  hints: Text<{ overview: string; first: string; last: string }>;
  /** Above a passage that is only the closest one: the text does not say this in so many words. */
  closest: Text<Label>;
  /**
   * Above the overview offered when a question only resembles those about the whole text: the
   * bot is not sure that is what was asked.
   */
  closestOverview: Text;
  /** Why a question about another document's article gets no clause. */
  otherDocument: Text;
  structure: StructureTexts;
  note: NoteTexts;
  /** In plain text, the words that matched. */
  matched: Text<{ words: string }>;
  /** Other clauses worth reading: a card's button, a line of plain text. */
  seeAlso: Text<Label>;
}

/** "How many measures?": the declaration's parts in reading order. */
export interface StructureTexts {
  lead: Text;
  recitals: Text<Count<"n">>;
  measures: Text<Count<"n">>;
  closing: Text;
  signatories: Text;
  /** Who signs it, for `states` states. */
  signers: Text<Count<"states">>;
  /** Between the parts (French puts a space before a semicolon). */
  separator: Text;
}

/** A term note: background on a term the declaration names without explaining it. */
export interface NoteTexts {
  /** What it says is not from the declaration. */
  label: Text;
  where: Text<{ name: string; label: string; title: string }>;
  source: Text<{ title: string; url: string }>;
}

/** /declaration: the overview and the pages of the whole text. */
export interface OverviewTexts {
  /** What the text is, in two sentences. */
  intro: Text;
  signatories: Text;
  structure: Text;
  /** The parts of the text in reading order; the measures are listed after them. */
  structureLines: Text[];
  page: Text<Count<"n" | "total">>;
  howTo: Text;
  openClause: Text;
  readWholeText: Text;
  /** The button back to the overview. */
  back: Text;
  /** In plain text, how to read on from the overview. */
  readOn: Text<Count<"pages">>;
  /** In plain text, below a page that has another after it. */
  nextPage: Text<Count<"next">>;
  /** In plain text, below the last page. */
  lastPage: Text;
}

/** A clause card and what comes with it. */
export interface CardTexts {
  previous: Text<Label>;
  next: Text<Label>;
  postPublicly: Text;
  posted: Text;
  cannotPost: Text;
  /** Below a /quote. */
  citation: Text<{ label: string; declaration: string }>;
  /** Above a term note's clause: where the declaration names the term. */
  noteInDeclaration: Text;
}

/** What a quote check says: its verdict, then its explanation, line by line. */
export interface QuoteCheckTexts {
  titles: Record<Verdict, Text>;
  source: Text<Label>;
  misattributed: Text<{ actual: string; named: string }>;
  pieces: Text<{ labels: string }>;
  nonContiguous: Text<Label>;
  notFound: Text<Label>;
  nothingClose: Text;
  tooShort: Text<Count<"min">>;
  changes: Text;
  negation: Text;
  number: Text;
  accents: Text;
  typos: Text<{ words: string }>;
  /** Words of the clause the quote gives in another order. */
  moved: Text<{ words: string }>;
  typography: Text;
  unofficial: Text;
  /** A clause the words around the quote name but the text does not have. */
  nowhere: Text;
}

/** What the bot says around follow-up answers ("and the next one?"). */
export interface FollowUpTexts {
  /** Above a clause shown for "what does it mean?": its title, the team's one-line gist. */
  gist: Text<{ title: string }>;
  /** "And the next one?" after the last clause. */
  end: Text<Label>;
  /** "The one before?" before the first clause. */
  start: Text<Label>;
  /** A follow-up replying to a message that names no single clause. */
  noContext: Text;
  /** A follow-up replying to a message that is gone or out of reach. */
  gone: Text;
}

/** One entry of the help: `where` says which front end has it. */
export interface HelpEntry {
  usage: Text;
  what: Text;
  /** Shown as code in Discord and as plain text in the console. */
  example?: Text;
  where: "both" | "discord" | "console";
}

export interface HelpTexts {
  title: Text;
  entries: HelpEntry[];
  feedbackTitle: Text;
}

/** /settings: its embed and what each change answers. */
export interface SettingsTexts {
  title: Text;
  qaChannels: Text;
  none: Text;
  quoting: Text;
  quoteCheck: Text;
  language: Text;
  feedback: Text;
  on: Text;
  off: Text;
  languageAuto: Text;
  languageNames: Record<Lang, Text>;
  qaAdded: Text<{ channel: string }>;
  qaAlready: Text<{ channel: string }>;
  qaRemoved: Text<{ channel: string }>;
  qaNotThere: Text<{ channel: string }>;
  quotingOn: Text;
  quotingOff: Text;
  quoteCheckOn: Text;
  quoteCheckOff: Text;
  languageSet: Text<{ name: string }>;
  feedbackTextOn: Text;
  feedbackTextOff: Text;
  /** Turned off, and the question texts of this server kept so far deleted. */
  feedbackTextForgotten: Text<Count<"forgotten">>;
  /** LOG_QUESTIONS=true keeps texts in every server whatever the setting says. */
  operatorKeepsText: Text;
}

/** Whether the bot reads chat (the Message Content intent), for /settings show and /help. */
export interface ContentTexts {
  title: Text;
  on: Text;
  /** Off, for the reason `why` (`byOperator` or `refused`). */
  off: Text<{ why: string }>;
  byOperator: Text;
  refused: Text;
  /** This process has no gateway connection at all (DISCORD_GATEWAY=off). */
  noGateway: Text;
  /** A setting that is on but cannot run without the intent. */
  needed: Text;
}

/** 👍/👎, corrections, /privacy forget, and what is kept. */
export interface FeedbackTexts {
  votedUp: Text;
  /** A 👍 that replaces the user's 👎. */
  votedUpChanged: Text;
  /** A 👎, above the menu of passages. */
  votedDown: Text;
  votedDownChanged: Text;
  whichPassage: Text;
  noPassage: Text;
  correctionNoted: Text<Label>;
  /** The user said the text does not answer the question. */
  correctionNone: Text;
  forgotten: ForgottenTexts;
  /** What is kept of feedback; `questionText` is `textKept` or `textNotKept`. */
  kept: Text<{ questionText: string; days: number }>;
  textKept: Text;
  textNotKept: Text;
}

/** /privacy forget: how many votes and kept question texts it deleted. */
export interface ForgottenTexts {
  nothing: Text;
  /** `list`: the parts below that are not zero, joined by `separator`. */
  done: Text<{ list: string }>;
  votes: Text<Count<"votes">>;
  questions: Text<Count<"questions">>;
  separator: Text;
}

/** The local console's own texts. */
export interface ConsoleTexts {
  banner: Text;
  commands: Text;
  example: Text;
  justAsk: Text;
  /** The reader's language names commands otherwise than English: those names work too. */
  aliases: Text<{ names: string }> | null;
  langSet: Text;
  langUsage: Text;
  unknown: Text;
  notFound: Text;
  needsText: Text;
  needsQuote: Text;
  needsClause: Text;
  pageUsage: Text<Count<"pages">>;
  settingsHere: Text<{ command: string }>;
  privacyHere: Text<{ command: string }>;
}

/**
 * Problems the user can fix, by id (core/user-error.ts): each is answered privately in the
 * reader's language. What they quote of what was typed is made safe by the front end first.
 */
export interface UserErrorTexts {
  /** /measure without a number. */
  measureMissing: Text<Count<"max">>;
  /** /measure with something that is no measure number. */
  measureMalformed: Text<{ shown: string; max: number }>;
  measureOutOfRange: Text<Count<"requested" | "available">>;
  recitalOutOfRange: Text<Count<"requested" | "available">>;
  quoteUnknown: Text<{ shown: string }>;
  emptyQuestion: Text;
  emptyMessage: Text;
  citesNothing: Text;
  guildOnly: Text;
  needsManageGuild: Text;
  invalidValue: Text;
  wrongChannel: Text;
  tooManyChannels: Text<Count<"max">>;
  outdatedComponent: Text;
  /** Too many commands or votes in a row. */
  rateLimited: Text<Count<"seconds">>;
}

/** When the bot, not the user, failed. */
export interface FailureTexts {
  generic: Text;
  /** The database could not save a setting or a vote just now (nothing was changed). */
  cannotSaveNow: Text;
}
