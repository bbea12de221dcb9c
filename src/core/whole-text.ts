/**
 * Questions about the declaration as a whole (data/whole-text.json): what it is about ("de quoi
 * parle la déclaration ?") and how it is made ("combien de mesures ?"). Both are answered from the
 * parsed text: its parts, in order, and how many of each.
 */
import { fileURLToPath } from "node:url";
import { type RuleExamples, readDataFile } from "./data-file.ts";
import { coverWords, PhraseCover } from "./phrase-cover.ts";
import { LANGS, type Localized } from "./types.ts";

const FILE = fileURLToPath(new URL("../../data/whole-text.json", import.meta.url));

export type WholeTextFacet = "summary" | "structure";
type Tag = WholeTextFacet | "text" | "alone" | "frame";

/** A question about the whole text is short; a longer one asks about something in it. */
const MAX_WORDS = 14;

export interface WholeTextData extends RuleExamples<{ text: string; facet: WholeTextFacet }> {
  text: Localized<string[]>;
  summary: Localized<string[]>;
  /** Words that ask for the whole in brief by themselves: "overview", "tl;dr". */
  alone: Localized<string[]>;
  structure: Localized<string[]>;
  frame: Localized<string[]>;
}

export function readWholeTextData(file = FILE): WholeTextData {
  return readDataFile<WholeTextData>(file);
}

function buildCover(data: WholeTextData): PhraseCover<Tag> {
  const cover = new PhraseCover<Tag>();
  for (const tag of ["text", "summary", "alone", "structure", "frame"] as const) {
    for (const lang of LANGS) for (const p of data[tag][lang]) cover.add(p, tag);
  }
  // "in 3 lines", "for a 15 year old": a number frames a request.
  cover.add("^\\d{1,3}$", "frame", { pattern: true });
  return cover;
}

const COVER = buildCover(readWholeTextData());

/** Whether the message asks what the whole declaration is about or how it is made. */
export function wholeTextFacet(message: string): WholeTextFacet | null {
  const words = coverWords(message);
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  const tags = COVER.cover(words);
  if (!tags) return null;
  if (tags.includes("structure")) return "structure";
  if (tags.includes("alone")) return "summary";
  return tags.includes("summary") && tags.includes("text") ? "summary" : null;
}
