/**
 * Clauses named by their topic where a quotation is credited to them: "la mesure sur les
 * stupéfiants", "le considérant OSCE", "the secretaries-general measure", "пункт про наркотики"
 * (data/references.json, "topics"). The topic's words are looked up in the clauses of the kind the
 * head word names (their text in every language, title and search aids); each word weighs the more
 * the fewer of them hold it, and the clauses within a quarter of the best weight are the ones
 * named. A topic none of them holds ("la mesure sur les sanctions") names nothing, and an ordinal
 * ("the final sentence") is a place, left to the references.
 */
import { analyzeQuery, queryStems } from "./analysis.ts";
import { loadDeclaration } from "./declaration.ts";
import { ORDINAL } from "./numbers.ts";
import { coverWords } from "./phrase-cover.ts";
import {
  REFERENCE_DATA,
  referencesIn,
  requiredWords as referenceTable,
  type TopicData,
} from "./references.ts";
import { TERMS_DATA } from "./terms.ts";
import type { ClauseId } from "./types.ts";
import { ENTRY_END, WORD_END, WORD_START, wordListSource } from "./word-patterns.ts";

/** A clause named by topic in a text: where the name stands, and the clauses it names. */
export interface TopicName {
  start: number;
  end: number;
  clauses: ClauseId[];
  /** Named by a pronoun ("celle sur la drogue"): a name only where it opens the message. */
  pronoun?: boolean;
  /** Named by a topic with no head ("Sur la drogue, …"): a name only before the quotation. */
  headless?: boolean;
}

const data = REFERENCE_DATA.topics;

/** At most this many words of a topic are read; people name a clause in a few. */
const TOPIC_WORDS = 5;
/** A head with no link takes a shorter topic: "le considérant OSCE", never a whole sentence. */
const BARE_TOPIC_WORDS = 2;
/** The clauses named hold at least this share of the best weight. */
const NEAR_BEST = 0.75;

const WORD = "[\\p{L}\\p{N}][\\p{L}\\p{N}'-]{0,29}";
const words = (n: number) => `${WORD}(?:\\s${WORD}){0,${n - 1}}`;
const article = `(?:${wordListSource(data.articles)}\\s?)?`;
/** A bare topic's words, never a verb of saying ("le considérant OSCE parle de « … »"). */
const bareWords = `${WORD}(?:\\s(?!${wordListSource(referenceTable("says"))})${WORD}){0,${BARE_TOPIC_WORDS - 1}}`;
const heads = Object.entries(data.heads).map(([kind, list]) => ({
  kind: kind as keyof TopicData["heads"],
  linked: new RegExp(
    `${WORD_START}${article}${wordListSource(list)}\\s${wordListSource(data.links)}\\s(?<topic>${words(TOPIC_WORDS)})`,
    "gu",
  ),
  // Without a link, the topic is a name (BARE_NAMES): "le considérant OSCE", never "la partie
  // la plus utile" or "c'est le point important".
  bare: new RegExp(
    `${WORD_START}${article}${wordListSource(list)}\\s(?!${wordListSource(data.articles)})(?<topic>${bareWords})${WORD_END}`,
    "gu",
  ),
  // "the secretaries-general measure", "the OSCE recital": English puts the topic first.
  before: new RegExp(
    `${WORD_START}(?:the|this|that)\\s(?<topic>${words(3)})\\s${wordListSource(list)}${ENTRY_END}`,
    "gu",
  ),
  // "антинаркотический пункт": a Russian adjective names the topic with no article before it.
  adjective: new RegExp(
    `${WORD_START}(?<topic>\\p{Script=Cyrillic}[\\p{L}-]{2,29})\\s${wordListSource(list)}${ENTRY_END}`,
    "gu",
  ),
}));
/**
 * "celle sur la drogue", "the one about incidents": a pronoun with its topic, read only when no
 * clause is named before it in the sentence; after one it is an apposition ("la mesure 5, celle
 * sur la drogue", "measure 2 is the one about incidents") that adds no name of its own. The
 * credits read it only where it opens the message (reference-credits.ts).
 */
const PRONOUN_HEAD = new RegExp(
  `${WORD_START}${wordListSource(data.pronounHeads)}\\s${wordListSource(data.links)}\\s(?<topic>${words(TOPIC_WORDS)})`,
  "gu",
);
/** "the drugs one": English puts the topic's nouns before the pronoun (NAMES_BEFORE_HEAD). */
const PRONOUN_AFTER = new RegExp(
  `${WORD_START}(?:the|this|that)\\s(?<topic>${words(3)})\\s${wordListSource(data.pronounHeadsAfter)}${ENTRY_END}`,
  "gu",
);
/**
 * "Sur la drogue, ils écrivent « … »", "Côté consultations, le texte dit", "As for drugs, they
 * say": a topic with no head, opening its sentence, closed by a comma or a colon, or by the text
 * or "they" as the subject that follows it ("sur la drogue ils écrivent"). It names a
 * clause only as one subject the clauses treat, every word of it held by the one or two clauses
 * it names: "Sur l'OTAN, …" is every measure's word, no name.
 */
const HEADLESS = new RegExp(
  `(?:^|(?<=[.!?;]\\s{0,3}))\\s{0,3}${wordListSource(data.headlessLeads)}\\s(?<topic>${words(TOPIC_WORDS)})(?:\\s?[,:]|(?=\\s${wordListSource(data.headlessSubjects)}\\s))`,
  "gu",
);
/** A headless topic names at most this many clauses: more is a word of the whole text. */
const HEADLESS_CLAUSES = 2;
const SENTENCE_END = /[.!?;]/gu;
/** How far back the pronoun's sentence is read: an apposition stands close to its clause. */
const APPOSITION_CHARS = 160;
function namedBeforeInSentence(folded: string, at: number): boolean {
  const before = folded.slice(Math.max(0, at - APPOSITION_CHARS), at);
  let start = 0;
  for (const m of before.matchAll(SENTENCE_END)) start = m.index + 1;
  return referencesIn(before.slice(start)).length > 0;
}
const ENDS = new RegExp(`^${wordListSource(data.ends)}$`, "u");
/**
 * The names a topic with no link word must start with: the terms the text names (terms.json:
 * "OSCE", "secretaries-general", "North Atlantic Council"), the clauses' own names
 * (clauses.json: "signataires", "conclusion") and the topic's own adjectives (bareNames:
 * "antidrogue", "anti-drug"); before an English head, the topic's nouns as well (nounsBefore:
 * "the consultations measure"). A describing word the text also holds ("important",
 * "dangerous", "new") is talk about the clause, not its name.
 */
const DECLARATION = loadDeclaration();
/** A renamed or emptied table would quietly name nothing: say so at load. */
function requiredWords(
  table: "bareNames" | "nounsBefore" | "nounsAfterOf" | "headlessTopics",
): string[] {
  const words = data[table]?.words;
  if (!words?.length) throw new Error(`data/references.json: topics.${table}.words is missing`);
  return words;
}
function topicWordsOf(table: "bareNames" | "nounsBefore" | "nounsAfterOf"): string[] {
  return requiredWords(table).map((n) => coverWords(n).join(" "));
}
const BARE_NAMES = new Set([
  ...TERMS_DATA.terms.flatMap((t) => t.names.map((n) => coverWords(n).join(" "))),
  ...topicWordsOf("bareNames"),
  ...DECLARATION.flatMap((c) => (c.names ?? []).map((n) => coverWords(n).join(" "))),
]);
const NAMES_BEFORE_HEAD = new Set([...BARE_NAMES, ...topicWordsOf("nounsBefore")]);
/** "le paragraphe des signataires", "the part with the signatures": the name after "of". */
const LEADING_OF = new Set(["de", "des", "du", "d", "of", "the", "with", "avec"]);
/**
 * "la mesure des observateurs", "la mesure drogue": after a French measure's head, with "of" or
 * in apposition, the topic's nouns name it as well; after another head "des" is an owner ("la
 * proposition des observateurs") and a bare noun an agenda's item ("le point incident").
 */
const NAMES_AFTER_OF = new Set([...BARE_NAMES, ...topicWordsOf("nounsAfterOf")]);
/** "La mesure des observateurs dit …" opens its sentence; "ça donne la mesure des incidents" is an extent. */
const OPENS_SENTENCE = /(?:^|[.!?;:]\s{0,3})$/u;
const HEAD_BEFORE_OF = new RegExp(`${WORD_START}${wordListSource(data.headsBeforeOf)}\\s$`, "u");
/**
 * After a noun in apposition, an owner within a word: "La mesure drogue de l'ONU", "… annoncée par
 * Darmanin" is another body's measure, not this text's.
 */
/** How far after the name an owner is looked for: a word and "de" fit. */
const OWNER_CHARS = 40;
const OWNED_AFTER = /^\s(?:[\p{L}'-]{1,20}\s)?(?:de|du|des|d'|dans|par)(?![\p{L}])/u;
/** "La mesure des observateurs …", "La mesure drogue …": a measure's head opening its sentence. */
function measureOfTopic(folded: string, m: RegExpExecArray, topic: string): boolean {
  const [first = ""] = coverWords(topic);
  const apposition = !LEADING_OF.has(first);
  const nameEnd = m.index + m[0].length - topic.length + first.length;
  return (
    HEAD_BEFORE_OF.test(m[0].slice(0, m[0].length - topic.length)) &&
    OPENS_SENTENCE.test(folded.slice(Math.max(0, m.index - 16), m.index)) &&
    !(apposition && OWNED_AFTER.test(folded.slice(nameEnd, nameEnd + OWNER_CHARS)))
  );
}

/** Whether the first words of `topic`, after an "of", are one of `names`. */
function startsWithName(topic: string, names: ReadonlySet<string>): boolean {
  const all = coverWords(topic);
  const ws = LEADING_OF.has(all[0] ?? "") ? all.slice(1) : all;
  return ws.some((_, i) => names.has(ws.slice(0, i + 1).join(" ")));
}

/** The longest of `names` the topic ends with, or undefined. */
function lastName(topic: string, names: ReadonlySet<string>): string | undefined {
  const ws = coverWords(topic);
  return ws.map((_, i) => ws.slice(i).join(" ")).find((tail) => names.has(tail));
}

/**
 * The name English puts before a head or "one": the topic when it starts with a name, else the
 * name it ends with ("the trust-building briefings bit": a compound ends with its noun).
 */
function nameBeforeAHead(topic: string): string | undefined {
  return startsWithName(topic, NAMES_BEFORE_HEAD) ? topic : lastName(topic, NAMES_BEFORE_HEAD);
}

/** "the final sentence", "le premier point": a place, the references' business, never a topic. */
const PLACE_WORD = new RegExp(`^(?:${ORDINAL})$`, "u");

/** Each clause's words as stems: its text in every language, its title and its search aids. */
const CLAUSES = DECLARATION.map((c) => ({
  clause: c,
  stems: new Set(
    [...Object.values(c.text), ...Object.values(c.title), ...Object.values(c.aids).flat()].flatMap(
      (t) => analyzeQuery(t).flatMap((token) => token.stems),
    ),
  ),
}));

function candidates(kind: keyof TopicData["heads"]) {
  return kind === "any" ? CLAUSES : CLAUSES.filter((c) => c.clause.kind === kind);
}

const COORDINATORS = new Set(data.coordinators.words);
const ARTICLES = new RegExp(`^${wordListSource(data.articles)}$`, "u");
const HELD_STEMS = new Set(CLAUSES.flatMap((c) => [...c.stems]));

/** Whether a word is one some clause holds: a topic's noun, never a pronoun or a new verb. */
function heldBySomeClause(word: string): boolean {
  return analyzeQuery(word).some((token) => token.stems.some((s) => HELD_STEMS.has(s)));
}

/**
 * The topic up to the first word that says something of it ("les consultations est …"). "et",
 * "and", "и" join a second noun of the topic ("le considérant sur les tensions et la confiance")
 * when, past an article, the word after them is one a clause holds; "et il dit" ends it.
 */
function topicWords(topic: string): string {
  const kept: string[] = [];
  const ws = topic.split(" ");
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] ?? "";
    if (ENDS.test(w) && !(COORDINATORS.has(w) && joinsANoun(ws.slice(i + 1)))) break;
    kept.push(w);
  }
  return kept.join(" ");
}

function joinsANoun(after: string[]): boolean {
  const next = ARTICLES.test(after[0] ?? "") ? after[1] : after[0];
  return next !== undefined && !ENDS.test(next) && heldBySomeClause(next);
}

/**
 * The clauses of `kind` a topic names: those near the best weight, and any that holds every word
 * of the topic (a clause about the topic is no misattribution of a quotation from it), or none.
 */
export function clausesOnTopic(kind: keyof TopicData["heads"], topic: string): ClauseId[] {
  const pool = candidates(kind);
  const scores = new Map<ClauseId, number>();
  const held = new Map<ClauseId, number>();
  let words = 0;
  for (const token of analyzeQuery(topicWords(topic))) {
    if (PLACE_WORD.test(token.word)) continue;
    const stems = new Set([...token.stems, ...queryStems(token.word)]);
    const holders = pool.filter((c) => [...stems].some((s) => c.stems.has(s)));
    if (holders.length === 0) continue;
    words++;
    for (const h of holders) {
      scores.set(h.clause.id, (scores.get(h.clause.id) ?? 0) + 1 / holders.length);
      held.set(h.clause.id, (held.get(h.clause.id) ?? 0) + 1);
    }
  }
  const best = Math.max(0, ...scores.values());
  if (best === 0) return [];
  return pool
    .map((c) => c.clause.id)
    .filter((id) => (scores.get(id) ?? 0) >= best * NEAR_BEST || held.get(id) === words);
}

/**
 * The subjects one clause treats (data/references.json, topics.headlessTopics: "drogue",
 * "terrorism", "брифинги"), as stems: a headless topic names a clause only with one of them,
 * never with a subject clauses share ("la confiance", "les observateurs") or a word of the text's
 * general vocabulary ("Sur le reste", "Sur le principe", "На этот счёт").
 */
const SUBJECT_STEMS = new Set(
  requiredWords("headlessTopics").flatMap((w) => analyzeQuery(w).flatMap((token) => token.stems)),
);
function namesASubject(topic: string): boolean {
  return analyzeQuery(topic).some((token) => token.stems.some((s) => SUBJECT_STEMS.has(s)));
}

/**
 * Whether each of the topic's words is one the named clauses hold: "sur les chefs des
 * secrétariats" holds a word no clause has, and may mean another clause than the one it finds.
 */
function everyWordHeld(topic: string, clauses: readonly ClauseId[]): boolean {
  const named = CLAUSES.filter((c) => clauses.includes(c.clause.id));
  return analyzeQuery(topic).every((token) => {
    if (token.stems.length === 0) return true;
    const stems = [...token.stems, ...queryStems(token.word)];
    return named.some((c) => stems.some((s) => c.stems.has(s)));
  });
}

/** The clauses named by topic in `folded` (text as normaliseForPatterns gives it). */
export function topicNamesIn(folded: string): TopicName[] {
  const out: TopicName[] = [];
  for (const m of folded.matchAll(PRONOUN_HEAD)) {
    const topic = m.groups?.topic ?? "";
    const clauses = clausesOnTopic("any", topic);
    if (clauses.length === 0 || namedBeforeInSentence(folded, m.index)) continue;
    const end = m.index + m[0].length - (topic.length - topicWords(topic).length);
    out.push({ start: m.index, end, clauses, pronoun: true });
  }
  for (const m of folded.matchAll(PRONOUN_AFTER)) {
    const topic = m.groups?.topic ?? "";
    const name = nameBeforeAHead(topic);
    const clauses = name ? clausesOnTopic("any", name) : [];
    if (clauses.length === 0 || namedBeforeInSentence(folded, m.index)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, clauses, pronoun: true });
  }
  for (const m of folded.matchAll(HEADLESS)) {
    const topic = m.groups?.topic ?? "";
    // One subject only: "Sur la drogue et les observateurs" may mean either clause.
    if (topicWords(topic) !== topic || topic.split(" ").some((w) => COORDINATORS.has(w))) continue;
    const clauses = clausesOnTopic("any", topic);
    if (clauses.length === 0 || clauses.length > HEADLESS_CLAUSES) continue;
    if (!everyWordHeld(topic, clauses) || !namesASubject(topic)) continue;
    // The name ends before its comma or colon, or before the subject that follows it unmarked.
    const end = m.index + m[0].length - (m[0].endsWith(topic) ? 0 : 1);
    out.push({ start: end - topic.length, end, clauses, headless: true });
  }
  for (const h of heads) {
    for (const re of [h.linked, h.bare, h.before, h.adjective]) {
      const topicLast = re !== h.before && re !== h.adjective;
      for (const m of folded.matchAll(re)) {
        const topic = m.groups?.topic ?? "";
        const afterOf = re === h.bare && measureOfTopic(folded, m, topic);
        const name =
          re === h.before
            ? nameBeforeAHead(topic)
            : startsWithName(topic, afterOf ? NAMES_AFTER_OF : BARE_NAMES)
              ? topic
              : undefined;
        if (re !== h.linked && !name) continue;
        const clauses = clausesOnTopic(h.kind, name ?? topic);
        if (clauses.length === 0) continue;
        // The name ends with its topic's last word, not with what is said of it.
        const cut = topicLast ? topic.length - topicWords(topic).length : 0;
        const end = m.index + m[0].length - cut;
        if (!out.some((o) => o.start < end && m.index < o.end)) {
          out.push({ start: m.index, end, clauses });
        }
      }
    }
  }
  return out;
}
