/**
 * Command names and descriptions per language (i18n/commands.json). Counts in them are
 * placeholders filled from the parsed declaration (`fillCounts`), so they never disagree with it. Options
 * are registered and read through the same texts (`option`, `optionName`), so the name a handler
 * reads is the name Discord registered.
 */

import type { Localized } from "../../core/types.ts";
import { fillCounts } from "../../text/format.ts";
import raw from "../i18n/commands.json" with { type: "json" };
import { localizations } from "../i18n/locale.ts";

interface NamedTexts {
  name: Localized;
  description: Localized;
}

/** A name and a description in three languages, as Discord wants them on commands and options. */
export function localized(texts: NamedTexts) {
  return {
    name: texts.name.en,
    name_localizations: localizations(texts.name),
    description: texts.description.en,
    description_localizations: localizations(texts.description),
  };
}

export interface CommandTexts<K extends string = string> {
  name: Localized;
  description?: Localized;
  /** The registered (English) name of each option. */
  optionName: Record<K, string>;
  /** Option `key` as Discord registers it: `rest` plus its localized name and description. */
  option<O extends object>(key: K, rest: O): O & ReturnType<typeof localized>;
}

type Raw = typeof raw;
type OptionKey<C extends keyof Raw> = Raw[C] extends { options: infer O }
  ? keyof O & string
  : never;

/** The texts of the command keyed `key` in commands.json. */
export function commandTexts<C extends keyof Raw>(key: C): CommandTexts<OptionKey<C>> {
  const texts = fillCounts(raw[key]) as {
    name: Localized;
    description?: Localized;
    options?: Record<string, NamedTexts>;
  };
  const options = texts.options ?? {};
  return {
    name: texts.name,
    ...(texts.description && { description: texts.description }),
    optionName: Object.fromEntries(
      Object.entries(options).map(([k, o]) => [k, o.name.en]),
    ) as Record<OptionKey<C>, string>,
    option(optionKey, rest) {
      const o = options[optionKey];
      if (!o) throw new Error(`commands.json: ${key} has no option "${optionKey}"`);
      return { ...rest, ...localized(o) };
    },
  };
}
