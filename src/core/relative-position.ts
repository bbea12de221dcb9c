/**
 * Clauses named by their place next to another named by its topic (data/relative-positions.json):
 * "la mesure juste avant les briefings" is measure 3. The topic is looked up like a question; the
 * answer is its neighbour, of the same kind when the question names one ("la mesure", "the recital").
 */
import { fileURLToPath } from "node:url";
import { type RuleExamples, readDataFile } from "./data-file.ts";
import { readReferenceData } from "./references.ts";
import type { Clause, ClauseKind } from "./types.ts";
import type { WordList } from "./word-patterns.ts";
import { normaliseForPatterns, WORD_END, WORD_START, wordListSource } from "./word-patterns.ts";

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
  /** Words naming a group of clauses: the preamble (the recitals), the list (the measures). */
  groups: { recitals: WordList; measures: WordList };
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
  /** When the topic names a group ("the preamble"), its kind: the group's edge is the anchor. */
  group: ClauseKind | null;
}

function build() {
  const refs = readReferenceData().words;
  const table = (name: string) => wordListSource(refs[name] ?? {});
  // "за" and "до" are as often "what kind of" and "until": too short to mean a place.
  const cueTable = (name: "before" | "after") =>
    wordListSource({
      words: [...(refs[name]?.words ?? []), ...(data.cues[name].words ?? [])].filter(
        (w) => w.length > 2,
      ),
      stems: (refs[name]?.stems ?? []).filter((w) => w.length > 2),
    });
  const data = readRelativePositionData();
  const measure = table("measure");
  const recital = table("recital");
  const part = `${table("part")}|${wordListSource(data.parts)}`;
  const noun = `(?<any>${wordListSource(data.anyKind)})|(?<measure>${measure})|(?<recital>${recital})|(?:${part})`;
  // "d'apres" means "according to": never the clause after.
  const cue = `(?<!d')(?:(?<before>${cueTable("before")})|(?<after>${cueTable("after")}))`;
  return new RegExp(
    `${WORD_START}(?:${noun})${WORD_END}(?:\\s[^\\s,]{1,20}){0,3}?\\s${cue}${WORD_END}(?<topic>.{3,200})`,
    "u",
  );
}

const PATTERN = build();

/** "le paragraphe entre la liste et les signatures": two topics, the clause between them. */
const BETWEEN = (() => {
  const data = readRelativePositionData();
  const between = wordListSource(data.between);
  const and = wordListSource(data.and);
  return new RegExp(
    `${WORD_START}${between}${WORD_END}\\s(?<first>.{2,80}?)\\s${and}${WORD_END}\\s(?<second>[^,?.!;]{2,80})`,
    "u",
  );
})();

/** The two topics a clause is placed between, or null. */
export function betweenTopics(question: string): [string, string] | null {
  const g = BETWEEN.exec(normaliseForPatterns(question.slice(0, 300)))?.groups;
  return g?.first && g.second ? [g.first, g.second] : null;
}

/** The group a topic names ("the preamble", "the list"), if any. */
export function groupOf(topic: string): ClauseKind | null {
  return GROUPS.find((x) => x.re.test(topic.trim()))?.kind ?? null;
}
const GROUPS = (() => {
  const { groups } = readRelativePositionData();
  const group = (w: WordList) =>
    new RegExp(
      `^[^\\p{L}\\p{N}]*(?:\\p{L}{1,14}\\s)?${wordListSource(w)}(?:\\s\\p{L}{1,14})?[^\\p{L}\\p{N}]*$`,
      "u",
    );
  return [
    { kind: "recital" as const, re: group(groups.recitals) },
    { kind: "measure" as const, re: group(groups.measures) },
  ];
})();

/** Where the question points next to a clause named by its topic, or null. */
export function relativePosition(question: string): RelativePosition | null {
  const m = PATTERN.exec(normaliseForPatterns(question.slice(0, 300)));
  const g = m?.groups;
  if (!g?.topic) return null;
  const topic = g.topic;
  const group = groupOf(topic);
  return {
    kind: g.any ? null : g.measure ? "measure" : g.recital ? "recital" : null,
    direction: g.before ? "before" : "after",
    topic,
    group,
  };
}

/** The clause a group stands for on the side of `direction`: the preamble's last recital, after it. */
export function groupEdge(
  clauses: readonly Clause[],
  { group, direction }: Pick<RelativePosition, "group" | "direction">,
): Clause | undefined {
  const members = clauses.filter((c) => c.kind === group);
  return direction === "after" ? members.at(-1) : members[0];
}

/** The clause next to `anchor` in `direction`, of `kind` when one is named. */
export function neighbourOf(
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
