/**
 * States and organisations people ask about (data/entities.json). A name in a question adds a
 * class term ("§state", "§org") beside the word's own stems, so "did Georgia sign?" meets the
 * example questions about any other state, and "capital of Armenia" meets the off-topic examples
 * about capitals of any state.
 */
import { fileURLToPath } from "node:url";
import { fold, stemsIn } from "./analysis.ts";
import { readDataFile } from "./data-file.ts";

export const ENTITIES_FILE = fileURLToPath(new URL("../../data/entities.json", import.meta.url));

interface EntityData {
  states: { id: string; signatory: boolean; names: string[] }[];
  organisations: { id: string; named: boolean; names: string[] }[];
}

export type EntityClass = "state" | "org";

export interface Entity {
  id: string;
  cls: EntityClass;
  /** A signatory state, or an organisation the declaration names. */
  inText: boolean;
}

/** Class terms cannot collide with a word: "§" is never part of one. */
export const CLASS_TERM: Record<EntityClass, string> = { state: "§state", org: "§org" };

const CYRILLIC = /\p{Script=Cyrillic}/u;

function keysOf(name: string): string[] {
  const f = fold(name);
  return CYRILLIC.test(name) ? [f, ...stemsIn(name, "ru")] : [f];
}

export class Entities {
  private readonly byKey = new Map<string, Entity>();
  private readonly multiWord: { words: string[]; entity: Entity }[] = [];
  private readonly cache = new Map<string, Entity | null>();
  /** How many states signed: the text's list is closed, and the data marks each of them. */
  readonly signatoryCount: number;

  constructor(data: EntityData = readEntities()) {
    this.signatoryCount = data.states.filter((s) => s.signatory).length;
    const add = (names: string[], entity: Entity) => {
      for (const name of names) {
        const parts = fold(name).split(/\s+/);
        if (parts.length > 1) this.multiWord.push({ words: parts, entity });
        else for (const key of keysOf(name)) this.byKey.set(key, entity);
      }
    };
    for (const s of data.states) add(s.names, { id: s.id, cls: "state", inText: s.signatory });
    for (const o of data.organisations) add(o.names, { id: o.id, cls: "org", inText: o.named });
  }

  /** The entity a single word names ("Грузии", "georgia", "OTAN"), if any. */
  of(word: string): Entity | undefined {
    let found = this.cache.get(word);
    if (found === undefined) {
      found = this.lookup(word) ?? null;
      // Capped so that a flood of odd words cannot grow it without bound.
      if (this.cache.size >= 50_000) this.cache.clear();
      this.cache.set(word, found);
    }
    return found ?? undefined;
  }

  private lookup(word: string): Entity | undefined {
    const f = fold(word);
    const direct = this.byKey.get(f);
    if (direct || !CYRILLIC.test(word)) return direct;
    return this.byKey.get(stemsIn(word, "ru")[0] ?? "");
  }

  /** Entities named in a list of (lower-cased) words, multi-word names included, in order met. */
  inWords(words: readonly string[]): Entity[] {
    const out: Entity[] = [];
    const folded = words.map(fold);
    folded.forEach((w, i) => {
      const one = this.of(words[i] ?? w);
      if (one) out.push(one);
      for (const m of this.multiWord) {
        if (m.words.every((part, k) => folded[i + k] === part)) out.push(m.entity);
      }
    });
    return out;
  }
}

export function readEntities(file = ENTITIES_FILE): EntityData {
  return readDataFile<EntityData>(file);
}

let shared: Entities | undefined;
export function getEntities(): Entities {
  shared ??= new Entities();
  return shared;
}
