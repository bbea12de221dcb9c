/**
 * Clauses named by their place next to another named by its topic (data/relative-positions.json):
 * "la mesure juste avant les briefings" is measure 3. The topic is looked up like a question; the
 * answer is its neighbour, of the same kind when the question names one ("la mesure", "the recital").
 * A topic may name a group ("after the preamble": its last recital) or a clause by name ("after the
 * intro"); a clause after one topic and before another ("after the list, before the signatures")
 * is the one between them.
 */
import { fileURLToPath } from "node:url";
import { type RuleExamples, readDataFile } from "./data-file.ts";
import { ORDINAL } from "./numbers.ts";
import { firstReference, REFERENCE_DATA, requiredWords } from "./references.ts";
import type { Clause, ClauseKind } from "./types.ts";
import type { WordList } from "./word-patterns.ts";
import {
  ENTRY_END,
  normaliseForPatterns,
  WORD_END,
  WORD_START,
  wordListSource,
} from "./word-patterns.ts";

const FILE = fileURLToPath(new URL("../../data/relative-positions.json", import.meta.url));

export interface RelativePositionData extends RuleExamples<{ text: string; target: string }> {
  parts: WordList;
  /** Part words that name no kind ("paragraph", "article"): the neighbour may be any clause. */
  anyKind: WordList;
  /** Words of place for this reading only, besides the references' before/after tables. */
  cues: { before: WordList; after: WordList };
  /** "entre", "between", "между", and the word joining the two topics ("et", "and", "и"). */
  between: WordList;
  and: WordList;
  /** "de … à …", "from … to …", "от … до …": a span named by its two ends, both included. */
  rangeFrom: WordList;
  rangeTo: WordList;
  /** The text's end as a span's bound ("от пункта 3 до конца"). */
  rangeEnds: WordList;
  /** Nouns of a relation ("lien", "dialogue"): before "between" in its sentence, the relation. */
  relations: WordList;
  /** Messages with "between" that are not the clause between the two they name (`notClause`). */
  betweenSpares: { text: string; notClause: string }[];
  /** Words naming a group of clauses: the preamble (the recitals), the list (the measures). */
  groups: { recitals: WordList; measures: WordList };
  /** Messages that read like a place in the text but name another thing: never a reference. */
  lookAlikes: string[];
  /** "juste", "directement", "right", "сразу": words of closeness before a place or its topic. */
  close: WordList;
  /** "under", "под": before a numbered clause ("under point 5"), in it rather than below it. */
  under: WordList;
  /** Particles joined by a hyphen ("подписался-то"): the part word "то" they spell is none. */
  hyphenParticles: WordList;
  /** Words before a part noun that make it a question ("quick one before training"). */
  chatterBefore: WordList;
  /** Verbs that make "after" no place ("going after terrorists", "look after"). */
  phrasalAfter: WordList;
  /** Verbs that end a topic's phrase ("is", "est", "это"): "after the intro is the usual …". */
  topicEnds: WordList;
  /** Words that only insist, opening a topic ("the actual asks"): no part of it. */
  topicIntensifiers: WordList;
  /** Words of happening: "qu'est-ce qui s'est passé après" is a time, not a place. */
  events: WordList;
  /** After the noun, a word that opens its own topic ("sur", "about", "про"): no place follows. */
  ownTopic: WordList;
  /** What no topic starts with: a place ("on the list right after …") or a question word ("о чём"). */
  ownTopicNot: WordList;
  /** Names of the signatures ("les noms", "the sig block"): after a word of place, that clause. */
  signaturesNamed: WordList & { clause: string };
  /** "faisait partie", "is part": verbs that make these part nouns a belonging, not a part. */
  belongsTo: { verbs: WordList; nouns: WordList; pronouns: WordList; adverbs: WordList };
}

export function readRelativePositionData(file = FILE): RelativePositionData {
  return readDataFile<RelativePositionData>(file);
}

export interface RelativePosition {
  /** The kind the question names for the clause it wants, if any. */
  kind: ClauseKind | null;
  direction: "before" | "after";
  /** The words that name the neighbour, to be looked up. */
  topic: string;
  /** The clause the topic names by itself ("les signatures"), when the place was read from it. */
  anchor?: string;
  /** When the topic names a group ("the preamble"), its kind: the group's edge is the anchor. */
  group: ClauseKind | null;
}

const refs = REFERENCE_DATA.words;
const data = readRelativePositionData();

/** The words of place before or after; "за" and "до" are as often "what kind of" and "until". */
function cueTable(name: "before" | "after"): string {
  return wordListSource({
    words: [...(refs[name]?.words ?? []), ...(data.cues[name].words ?? [])].filter(
      (w) => w.length > 2,
    ),
    stems: (refs[name]?.stems ?? []).filter((w) => w.length > 2),
  });
}

/**
 * "d'après" means "according to", not the clause after ("le considérant d'avant" is before),
 * except right before the pronoun that stands for the part, then its topic: "le considérant d'après
 * celui sur l'architecture" ("d'après celui qui l'a écrit" is still "according to").
 */
const NEXT_ONE = `apres\\s(?:celui|celle|ceux|celles)\\s(?:sur|qui\\s(?:parle|traite|porte|concerne)|consacree?s?|a\\spropos|au\\ssujet|concernant|relatif|relative)`;
// "mettre en avant" is to highlight, not a place before.
// "going after terrorists", "look after": a verb of pursuit or care before "after" is no place.
const PHRASAL_AFTER = `(?<!${WORD_START}${wordListSource(data.phrasalAfter)}\\s)`;
const CUE = `(?:(?<!(?<!\\p{L})en\\s)(?<before>${cueTable("before")})|(?:(?<!d')|(?=${NEXT_ONE}))${PHRASAL_AFTER}(?<after>${cueTable("after")}))`;

/** "то, что перед списком": a comma may stand before a relative word, not elsewhere. */
const RELATIVE_COMMA = "(?:,(?=\\s(?:что|qui|ce qui|which|that)(?![\\p{L}\\p{N}])))?";

function build() {
  const table = (name: string) => wordListSource(refs[name] ?? {});
  const measure = table("measure");
  const recital = table("recital");
  // "la Géorgie faisait partie de l'OTSC avant": belonging to something, no part of the text.
  const { verbs, nouns, pronouns, adverbs } = data.belongsTo;
  // "fait-elle partie", "faisait encore partie", "was still part".
  const between = `(?:-(?:t-)?(?:${wordListSource(pronouns)})|\\s(?:${wordListSource(adverbs)}))?`;
  const belonging = `(?<=${WORD_START}(?:${wordListSource(verbs)})${between}\\s)(?:${wordListSource(nouns)})${WORD_END}`;
  const part = `(?!${belonging})(?:${table("part")}|${wordListSource(data.parts)})`;
  const noun = `(?<any>${wordListSource(data.anyKind)})|(?<measure>${measure})|(?<recital>${recital})|(?:${part})`;
  // "quick one before training": a quick question, not a part of the text. Looked behind only
  // where a noun starts (the look-ahead), not at every word of the question.
  const notChatter = `(?<!${WORD_START}${wordListSource(data.chatterBefore)}\\s)`;
  const nounAhead = `(?=(?:${wordListSource(data.anyKind)}|${measure}|${recital}|${part})${WORD_END})`;
  // "кто подписался-то под этим?": "-то" is a particle, not the pronoun "то" of "то, что идёт после".
  const particle = `(?<!-(?=${wordListSource(data.hyphenParticles)}${ENTRY_END}))`;
  return new RegExp(
    `${WORD_START}${particle}${nounAhead}${notChatter}(?:${noun})${WORD_END}${RELATIVE_COMMA}(?<between>(?:\\s[^\\s,]{1,20},?){0,3}?)\\s(?:d')?${CUE}${WORD_END}(?<topic>.{3,200})`,
    "u",
  );
}

const PATTERN = build();

/**
 * A message that starts with the place, its topic a clause named by kind: "juste après la mesure
 * sur les briefings ?", "right before the recital on the OSCE".
 */
/** After a group's name, its phrase ends or a question follows: "la liste des courses" is another. */
const GROUP_ENDS =
  "(?=\\s?[,?!.;:—–-]|\\s?$|\\s(?:y|il|qu|que|quoi|c|ca|what|whats|is|comes|что|там|идет)(?![\\p{L}\\p{N}]))";

const BARE = (() => {
  const start = `^[^\\p{L}\\p{N}]*(?:(?:${wordListSource(data.close)})\\s)?${CUE}${WORD_END}\\s`;
  const article = "(?:(?:la|le|les|l'|the|this|that|cette|ce)\\s?)?";
  const kinds = ["measure", "recital", "part"].map((n) => wordListSource(refs[n] ?? {}));
  const groups = [data.groups.recitals, data.groups.measures].map(wordListSource);
  return [
    // "après le préambule, y a quoi ?": the group's name is the whole topic.
    `${start}(?<topic>${article}(?:${groups.join("|")}))${WORD_END}${GROUP_ENDS}`,
    `${start}(?<topic>${article}(?:${kinds.join("|")})${WORD_END}.{0,200})`,
  ].map((source) => new RegExp(source, "u"));
})();

const SIGNATURES = wordListSource(data.signaturesNamed);
/** "la dernière phrase avant les noms": "les noms" alone is the signatures, not a search. */
const SIGNATURES_TOPIC = new RegExp(`^\\s*(?:${SIGNATURES})${WORD_END}`, "u");

/** "directement les « réaffirmant »": closeness is no part of the topic. */
const CLOSE_FIRST = new RegExp(`^\\s*(?:${wordListSource(data.close)})${WORD_END}`, "u");

/**
 * Two topics and the clause between them: "le paragraphe entre la liste et les signatures", and
 * "after one, before the other" in either order ("après la liste, avant les signatures").
 */
const BETWEEN = (() => {
  const and = wordListSource(data.and);
  const second = "(?<second>[^,?.!;]{1,80})";
  const place = (cue: "before" | "after") => `(?<!d')${WORD_START}${cueTable(cue)}${WORD_END}\\s`;
  const then = `(?:,?\\s${and})?,?\\s`;
  return [
    `${WORD_START}${wordListSource(data.between)}${ENTRY_END}\\s(?<first>.{2,80}?)\\s${and}${WORD_END}\\s${second}`,
    `${place("after")}(?<first>.{2,80}?)${then}${place("before")}${second}`,
    `${place("before")}(?<first>.{2,80}?)${then}${place("after")}${second}`,
  ].map((source) => new RegExp(source, "u"));
})();

/** The two topics a clause is placed between, or null. */
function betweenTopics(question: string): [string, string] | null {
  const folded = normaliseForPatterns(question.slice(0, 300));
  for (const [k, re] of BETWEEN.entries()) {
    const m = re.exec(folded);
    const g = m?.groups;
    if (!m || !g?.first || !g.second) continue;
    // "quel lien … entre", "связь между": the relation between two things, read only where
    // "between" stands (a look-behind in the pattern would be tried at every character).
    if (
      k === 0 &&
      RELATION_BEFORE.test(folded.slice(Math.max(0, m.index - RELATION_WINDOW), m.index))
    )
      return null;
    return [withSharedNoun(g.first, g.second), withFirstNoun(g.first, g.second)];
  }
  return null;
}

/** A noun of relation in the sentence before "between", this many characters back at most. */
const RELATION_WINDOW = 50;
const RELATION_BEFORE = new RegExp(
  `${WORD_START}${wordListSource(data.relations)}${ENTRY_END}[^?.!;]*$`,
  "u",
);

const ORDINAL_ALONE = new RegExp(`^\\s*(?:(?:le|la|les|l'|the)\\s?)?(?:${ORDINAL})\\s*$`, "u");
const ORDINAL_NOUN = new RegExp(`(?:${ORDINAL})\\s(\\p{L}[^,?.!;]{0,40})`, "u");

const NUMBER_ALONE = /^\s*(?:(?:la|le|les|l'|the)\s?)?(\d{1,2})(?![\p{L}\p{N}])/u;
const NOUN_NUMBER = /(\p{L}+)\s(?:n°\s?|#)?\d{1,2}\s*$/u;

/** "between measures 3 and 5": the second number shares the first's noun. */
function withFirstNoun(first: string, second: string): string {
  const n = NUMBER_ALONE.exec(second)?.[1];
  const noun = n && NOUN_NUMBER.exec(first)?.[1];
  return noun ? `${noun} ${n}` : second;
}

/** "entre le premier et le troisième considérant": the first ordinal shares the second's noun. */
function withSharedNoun(first: string, second: string): string {
  if (!ORDINAL_ALONE.test(first)) return first;
  const noun = ORDINAL_NOUN.exec(second)?.[1];
  return noun ? `${first} ${noun}` : first;
}

/** Where a phrase ends: a topic's own words stop there ("le préambule, c'est quoi ?"). */
const PHRASE_END = /[,;:?!.()«»"—–]/u;

/** A quoted topic, after an article or not ("« réaffirmant »", "les « réaffirmant »", "the “We”"). */
const QUOTED_TOPIC = /^\s*(?:(?:les|le|la|l'|the|des|du|de)\s?)?["«“']\s?([^"»”']{2,120})["»”']/u;

/** A verb after the topic ends it: "the intro is the usual 'we love peace' stuff". */
const TOPIC_VERB = new RegExp(`\\s${wordListSource(data.topicEnds)}${ENTRY_END}`, "u");

/** The words of a topic up to the end of its phrase. */
export function phraseOf(topic: string): string {
  const quoted = QUOTED_TOPIC.exec(topic)?.[1];
  if (quoted) return quoted;
  const stop = topic.search(PHRASE_END);
  const phrase = stop < 0 ? topic : topic.slice(0, stop);
  const verb = phrase.search(TOPIC_VERB);
  return (verb > 0 ? phrase.slice(0, verb) : phrase).replace(INTENSIFIED, "$1");
}

/** "the actual asks": a word that only insists, after an article or not, is no part of the topic. */
const INTENSIFIED = new RegExp(
  `^(\\s*(?:[\\p{L}']{1,4}\\s)?)${wordListSource(data.topicIntensifiers)}\\s(?=\\p{L})`,
  "u",
);

/** The group a topic names ("the preamble", "the list, what is it?"), if any. */
function groupOf(topic: string): ClauseKind | null {
  const phrase = phraseOf(topic).trim();
  return GROUPS.find((x) => x.re.test(phrase))?.kind ?? null;
}
const GROUPS = (() => {
  const { groups } = data;
  // "перечнем подписавших", "list signatories": a list of names, the signatures, not a group.
  const notOfSigners = `(?!\\s${wordListSource(requiredWords("signatures"))})`;
  const group = (w: WordList) =>
    new RegExp(
      `^[^\\p{L}\\p{N}]*(?:\\p{L}{1,14}\\s)?${wordListSource(w)}${notOfSigners}(?:\\s\\p{L}{1,14})?[^\\p{L}\\p{N}]*$`,
      "u",
    );
  return [
    { kind: "recital" as const, re: group(groups.recitals) },
    { kind: "measure" as const, re: group(groups.measures) },
  ];
})();

const INDEFINITE = /^\s*(?:a|an|un|une|some|quelques)\s/u;
const EVENT = new RegExp(`${WORD_START}${wordListSource(data.events)}${ENTRY_END}`, "u");
/** "un point sur les briefings avant les exercices": the noun has its own topic, and the place is in it. */
const OWN_TOPIC = new RegExp(
  `^\\s${wordListSource(data.ownTopic)}${ENTRY_END}(?!\\s${wordListSource(data.ownTopicNot)}${ENTRY_END})`,
  "u",
);

const UNDER = new RegExp(`^${wordListSource(data.under)}$`, "u");
const CLOSE_UNDER = new RegExp(
  `${WORD_START}${wordListSource(data.close)}\\s${wordListSource(data.under)}${ENTRY_END}`,
  "u",
);
/** A reference starting within this many characters of the topic is the topic ("the point 5"). */
const TOPIC_LEAD_CHARS = 5;

/** Where the question points next to a clause named by its topic, or null. */
export function relativePosition(question: string): RelativePosition | null {
  const folded = normaliseForPatterns(question.slice(0, 300));
  const g = [PATTERN, ...BARE].map((re) => re.exec(folded)).find((m) => m?.groups?.topic)?.groups;
  if (!g?.topic) return null;
  // "qu'est-ce qui s'est passé après": a time, not a place in the text.
  if (g.between && EVENT.test(g.between)) return null;
  if (g.between && OWN_TOPIC.test(g.between)) return null;
  const topic = g.topic.replace(CLOSE_FIRST, "");
  // "just PR after a list of demands": an indefinite article names no particular clause.
  if (INDEFINITE.test(topic)) return null;
  // "under point 5", "под пунктом 5": in that clause, not below it ("right under measure 2" is).
  if (
    g.after &&
    UNDER.test(g.after) &&
    !CLOSE_UNDER.test(folded) &&
    (firstReference(topic)?.start ?? Number.POSITIVE_INFINITY) <= TOPIC_LEAD_CHARS
  ) {
    return null;
  }
  const group = groupOf(topic);
  return {
    kind: g.any ? null : g.measure ? "measure" : g.recital ? "recital" : null,
    direction: g.before ? "before" : "after",
    topic,
    group,
    ...(SIGNATURES_TOPIC.test(topic) && { anchor: data.signaturesNamed.clause }),
  };
}

/** The clause a group stands for on the side of `direction`: the preamble's last recital, after it. */
function groupEdge(
  clauses: readonly Clause[],
  { group, direction }: Pick<RelativePosition, "group" | "direction">,
): Clause | undefined {
  const members = clauses.filter((c) => c.kind === group);
  return direction === "after" ? members.at(-1) : members[0];
}

/** The clause next to `anchor` in `direction`, of `kind` when one is named. */
function neighbourOf(
  clauses: readonly Clause[],
  anchor: Clause,
  { kind, direction }: Pick<RelativePosition, "kind" | "direction">,
): Clause | undefined {
  const step = direction === "before" ? -1 : 1;
  for (let i = clauses.indexOf(anchor) + step; i >= 0 && i < clauses.length; i += step) {
    const c = clauses[i];
    if (c && (kind === null || c.kind === kind)) return c;
  }
  return undefined;
}

/** The clause a topic stands for (by reference, by name or by its words), if any. */
export type AnchorOf = (topic: string) => Clause | undefined;

/** Where a topic stands in the text, as [first, last] positions: a group spans several. */
function placeOf(
  clauses: readonly Clause[],
  topic: string,
  anchorOf: AnchorOf,
): [number, number] | null {
  const group = groupOf(topic);
  if (group) {
    const at = clauses.flatMap((c, i) => (c.kind === group ? [i] : []));
    const [first] = at;
    return first === undefined ? null : [first, at.at(-1) ?? first];
  }
  const anchor = anchorOf(topic);
  const i = anchor ? clauses.indexOf(anchor) : -1;
  return i < 0 ? null : [i, i];
}

/** A part noun, a group, an ordinal ("le paragraphe", "la liste", "le troisième"). */
const PART_OF_TEXT = (() => {
  const nouns = ["measure", "recital", "part"].map((name) => wordListSource(requiredWords(name)));
  const more = [data.parts, data.anyKind, data.groups.recitals, data.groups.measures];
  return new RegExp(
    `${WORD_START}(?:${[...nouns, ...more.map(wordListSource), ORDINAL].join("|")})${WORD_END}`,
    "u",
  );
})();

/**
 * Whether the question names a part of the text (a part noun, a group, an ordinal), or one of the
 * two topics names a clause by its own name ("entre l'appel et les signatures"; "les signataires
 * proposent … entre l'Europe et l'Asie" places nothing).
 */
function namesAPartOfText(
  question: string,
  topics: readonly string[],
  clauses: readonly Clause[],
): boolean {
  if (PART_OF_TEXT.test(normaliseForPatterns(question.slice(0, 300)))) return true;
  const names = clauses.flatMap((c) => [...Object.values(c.label), ...(c.names ?? [])]);
  return topics.some((topic) => {
    const words = ` ${normaliseForPatterns(phraseOf(topic)).replace(/[^\p{L}\p{N}'-]+/gu, " ")} `;
    return names.some((n) => words.includes(` ${normaliseForPatterns(n)} `));
  });
}

/** A clause found by where it stands among the others, read from the question; else undefined. */
type PlaceReader = (
  question: string,
  clauses: readonly Clause[],
  anchorOf: AnchorOf,
) => Clause | undefined;

/**
 * "le paragraphe entre la liste et les signatures": the one clause between two topics. The
 * question must name a part of the text (a part noun, a group, a clause's name, an ordinal): the
 * text itself sets things "between" bodies ("consultations entre le secrétariat de l'OTSC et
 * l'OTAN"), and a question in its words is about them, not about a place.
 */
export const clauseBetween: PlaceReader = (question, clauses, anchorOf) => {
  const topics = betweenTopics(question);
  if (!topics || !namesAPartOfText(question, topics, clauses)) return undefined;
  const [a, b] = topics.map((t) => placeOf(clauses, t, anchorOf));
  if (!a || !b) return undefined;
  const [lo, hi] = a[1] < b[0] ? [a, b] : [b, a];
  return hi[0] - lo[1] === 2 ? clauses[lo[1] + 1] : undefined;
};

/** "la mesure juste avant les briefings", "ce qui suit le préambule": the topic's neighbour. */
export const clauseBeside: PlaceReader = (question, clauses, anchorOf) => {
  const position = relativePosition(question);
  if (!position) return undefined;
  const anchor = position.anchor
    ? clauses.find((c) => c.id === position.anchor)
    : position.group
      ? groupEdge(clauses, position)
      : anchorOf(position.topic);
  return anchor && neighbourOf(clauses, anchor, position);
};
