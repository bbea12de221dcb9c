/**
 * Command names and descriptions per language (i18n/commands.json). Counts in them are
 * placeholders filled from the parsed declaration, so the text can never disagree with it.
 */
import { CLAUSE_COUNTS } from "../../core/declaration.ts";
import type { Localized } from "../../core/types.ts";
import raw from "../i18n/commands.json" with { type: "json" };

export interface CommandTexts<K extends string = string> {
  name: Localized;
  description?: Localized;
  options?: Record<K, { name: Localized; description: Localized }>;
}

const PLACEHOLDERS: Record<string, string> = { measures: String(CLAUSE_COUNTS.measure) };

/** JSON with every `{placeholder}` in its strings filled in. */
function fill<T>(value: T): T {
  if (typeof value === "string") {
    return value.replace(/\{(\w+)\}/g, (m, key: string) => PLACEHOLDERS[key] ?? m) as T;
  }
  if (Array.isArray(value)) return value.map(fill) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)])) as T;
  }
  return value;
}

const TEXTS = fill(raw);

/** The texts of the command keyed `key` in commands.json. */
export function commandTexts<K extends keyof typeof TEXTS>(key: K): (typeof TEXTS)[K] {
  return TEXTS[key];
}
