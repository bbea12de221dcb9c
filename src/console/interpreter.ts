/**
 * The bot's text commands ("/measure 3", "/ask …", "/quote M4", "/help"), interpreted without
 * Discord: the console speaks this language, so it behaves like the bot.
 */
import { fold } from "../core/analysis.ts";
import type { Engine } from "../core/engine.ts";
import { helpFor } from "../core/help.ts";
import { fillCounts, MEASURE_COUNT, outOfRangeText } from "../core/messages.ts";
import { LAST, readCardinal, readOrdinal } from "../core/numbers.ts";
import { checkText } from "../core/quote-check.ts";
import { renderQuoteReports } from "../core/quote-messages.ts";
import { renderAnswer, renderClause, renderDeclaration } from "../core/render-text.ts";
import { LANGS, type Lang } from "../core/types.ts";
import messages from "./messages.json" with { type: "json" };

/** The console's own messages per language (messages.json); counts filled from the declaration. */
const MESSAGES = fillCounts(messages);

/** The banner printed when the console starts. */
export const CONSOLE_BANNER: Record<Lang, string> = {
  fr: MESSAGES.fr.banner,
  en: MESSAGES.en.banner,
  ru: MESSAGES.ru.banner,
};

/** The console's /help: the entries of the shared help list that the console has. */
export function consoleHelp(lang: Lang): string {
  const m = MESSAGES[lang];
  const lines = helpFor("console", lang).map((e) => {
    const example = e.example ? ` ${m.example} ${e.example}` : "";
    return `  ${e.usage.padEnd(18)}${e.what}${example}`;
  });
  return [m.commands, ...lines, m.justAsk].join("\n");
}

export interface CommandResult {
  output: string;
  /** Set by /lang: the reader's language from now on. */
  lang?: Lang;
  quit?: boolean;
}

/**
 * One line of input → what to print, in the session's language `lang` (set by /lang, first taken
 * from the environment's locale): answers show that language's working translation, and every
 * message and hint is in it.
 */
export function runCommand(engine: Engine, line: string, lang: Lang): CommandResult {
  const text = line.trim();
  const m = /^\/(\w+)\s*([\s\S]*)$/.exec(text);
  if (!m) return { output: renderAnswer(engine.answer(text, { lang })) };
  const name = (m[1] ?? "").toLowerCase();
  const arg = (m[2] ?? "").trim();
  switch (name) {
    case "measure":
    case "mesure": {
      if (!arg) return { output: MESSAGES[lang].measureMissing };
      // "3", "trois", "three", "три", "3e", "troisième", "IV": the reference layer's number table.
      const word = fold(arg);
      const ordinal = readOrdinal(word);
      const n = /^[+-]?\d+$/.test(arg)
        ? Number(arg)
        : (readCardinal(word) ?? (ordinal === LAST ? MEASURE_COUNT : ordinal) ?? Number.NaN);
      const clause = engine.measure(n);
      if (clause) return { output: renderClause(clause, lang) };
      return {
        output: outOfRangeText(
          { clauseKind: "measure", requested: n, available: MEASURE_COUNT },
          lang,
        ).replace("NaN", arg),
      };
    }
    case "ask":
      if (!arg) return { output: MESSAGES[lang].needsText };
      return { output: renderAnswer(engine.answer(arg, { lang })) };
    case "quote": {
      if (!arg) return { output: MESSAGES[lang].needsClause };
      const target = engine.resolveOrOutOfRange(arg);
      if (!target) return { output: MESSAGES[lang].notFound };
      return {
        output:
          target.kind === "out-of-range"
            ? outOfRangeText(target, lang)
            : renderClause(target, lang),
      };
    }
    case "declaration":
      return { output: renderDeclaration(engine, lang) };
    case "verify":
      if (!arg) return { output: MESSAGES[lang].needsQuote };
      return { output: renderQuoteReports(checkText(arg), lang) };
    case "lang": {
      const chosen = (LANGS as readonly string[]).includes(arg) ? (arg as Lang) : null;
      return chosen
        ? { output: MESSAGES[chosen].langSet, lang: chosen }
        : { output: MESSAGES[lang].langUsage };
    }
    case "help":
      return { output: consoleHelp(lang) };
    case "quit":
    case "exit":
      return { output: "", quit: true };
    default:
      return { output: MESSAGES[lang].unknown };
  }
}
