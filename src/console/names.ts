/**
 * The command names the console accepts: every name Discord shows for a slash command, in each
 * language, read from the registry's texts (src/discord/i18n/commands.json, plain data, no
 * discord.js), so "/aide", "/citer" or "/пункт" work here as there, and a name added there works
 * here at once. Options may be written as Discord shows them ("/mesure numéro:3"). Names compare
 * folded: a terminal user may type "/declaration" for "/déclaration".
 */
import { fold } from "../core/analysis.ts";
import { LANGS, type Lang, type Localized } from "../core/types.ts";
import registry from "../discord/i18n/commands.json" with { type: "json" };

interface CommandEntry {
  name: Localized;
  /** Only slash commands have one; message commands ("Find in declaration") are not typed. */
  description?: Localized;
  options?: Record<string, { name: Localized }>;
}

const ENTRIES = registry as Record<string, CommandEntry>;

/** The registry keys of the slash commands ("measure", "ask", …), in the registry's order. */
export const SLASH_COMMANDS: readonly string[] = Object.keys(ENTRIES).filter(
  (key) => ENTRIES[key]?.description !== undefined,
);

/** The console's own commands, which Discord does not have. */
export const CONSOLE_ONLY = ["lang", "quit", "exit"] as const;

function byFoldedName(): Map<string, string> {
  const map = new Map<string, string>(CONSOLE_ONLY.map((name) => [name, name]));
  for (const key of SLASH_COMMANDS) {
    for (const lang of LANGS) {
      const name = fold(ENTRIES[key]?.name[lang] ?? "");
      const taken = map.get(name);
      // Two commands under one typed name would make the console pick one silently.
      if (taken !== undefined && taken !== key) {
        throw new Error(`commands.json: "/${name}" names both ${taken} and ${key} in the console`);
      }
      map.set(name, key);
    }
  }
  return map;
}

const BY_NAME = byFoldedName();

/** The registry key ("measure"), or the console-only command, that `typed` names; undefined if none. */
export function commandNamed(typed: string): string | undefined {
  return BY_NAME.get(fold(typed));
}

/**
 * The value of `key`'s option in `arg`, with the option's name and colon removed when it is
 * written Discord's way ("numéro:3", "question: qui a signé ?"). The console's commands take one
 * option each, so the rest of the line is its value.
 */
export function optionValue(key: string, arg: string): string {
  const options = Object.values(ENTRIES[key]?.options ?? {});
  const colon = /^([\p{L}\p{N}_-]+)\s*:\s*/u.exec(arg);
  if (!colon) return arg;
  const named = fold(colon[1] ?? "");
  const isOption = options.some((o) => LANGS.some((lang) => fold(o.name[lang]) === named));
  return isOption ? arg.slice(colon[0].length) : arg;
}

/** `key`'s name in `lang`, as Discord shows it there ("mesure"). */
export function localName(key: string, lang: Lang): string {
  return ENTRIES[key]?.name[lang] ?? key;
}
