/**
 * The bot's commands typed in a terminal ("/measure 3", "/citer M4", "/пункт три", "/help"), and
 * plain lines read as chat reads a message addressed to the bot. Every decision is the core's, the
 * same Discord's handlers call (the /measure parser, the quote checks, the overview and its pages),
 * so the console behaves like the bot; only the rendering is plain text.
 */
import { outOfRangeText } from "../core/answer-text.ts";
import type { Engine } from "../core/engine.ts";
import { ECHO_MAX, lookUpMeasure } from "../core/measure-arg.ts";
import { paginate } from "../core/overview.ts";
import { checkText, presentedQuoteReports } from "../core/quote/check.ts";
import { renderQuoteReports } from "../core/quote/explain.ts";
import { renderAnswer, renderClause, renderOverview, renderPage } from "../core/render-text.ts";
import { LANGS, type Lang } from "../core/types.ts";
import { sayUserError } from "../core/user-error.ts";
import { helpFor, textsFor } from "../text/index.ts";
import { commandNamed, localName, optionValue, SLASH_COMMANDS } from "./names.ts";

/** The console's /help: the entries of the shared help list that the console has. */
export function consoleHelp(lang: Lang): string {
  const m = textsFor(lang).console;
  const lines = helpFor("console", lang).map((e) => {
    const example = e.example ? ` ${m.example} ${e.example}` : "";
    return `  ${e.usage.padEnd(18)}${e.what}${example}`;
  });
  return [m.commands, ...lines, m.justAsk, ...aliasLine(lang)].join("\n");
}

/** Where the reader's language names commands otherwise than English: those names, which work too. */
function aliasLine(lang: Lang): string[] {
  const names = SLASH_COMMANDS.filter((key) => localName(key, lang) !== localName(key, "en"));
  const { aliases } = textsFor(lang).console;
  if (names.length === 0 || !aliases) return [];
  return [aliases({ names: names.map((key) => `/${localName(key, lang)}`).join(", ") })];
}

export interface CommandResult {
  output: string;
  /** Set by /lang: the reader's language from now on. */
  lang?: Lang;
  quit?: boolean;
}

/** "/name rest": a name as Discord's are written (letters, digits, "-", "_"), in any alphabet. */
const COMMAND_LINE = /^\/([\p{L}\p{N}_-]+)(?:\s+([\s\S]*))?$/u;

/** What was typed, cut as Discord's handler cuts it when quoting it back. */
function clip(typed: string): string {
  const chars = Array.from(typed);
  return chars.length <= ECHO_MAX ? typed : `${chars.slice(0, ECHO_MAX - 1).join("")}…`;
}

/**
 * One line of input → what to print, in the session's language `lang` (set by /lang, first taken
 * from the environment's locale): answers show that language's working translation, and every
 * message and hint is in it.
 */
export function runCommand(engine: Engine, line: string, lang: Lang): CommandResult {
  const text = line.trim();
  const command = COMMAND_LINE.exec(text);
  if (!command) return { output: converse(engine, text, lang) };
  const key = commandNamed(command[1] ?? "");
  const arg = key ? optionValue(key, (command[2] ?? "").trim()).trim() : "";
  const m = textsFor(lang).console;
  switch (key) {
    case "measure": {
      const found = lookUpMeasure(engine, arg, clip);
      return {
        output:
          found.kind === "clause"
            ? renderClause(found.clause, lang)
            : sayUserError(found.error, lang),
      };
    }
    case "ask":
      if (!arg) return { output: m.needsText };
      return { output: renderAnswer(engine.answer(arg, { lang })) };
    case "quote": {
      if (!arg) return { output: m.needsClause };
      const target = engine.resolveOrOutOfRange(arg);
      if (!target) return { output: m.notFound };
      return {
        output:
          target.kind === "out-of-range"
            ? outOfRangeText(target, lang)
            : renderClause(target, lang),
      };
    }
    case "declaration":
      return { output: declaration(engine, arg, lang) };
    case "verify":
      if (!arg) return { output: m.needsQuote };
      return { output: renderQuoteReports(checkText(arg), lang) };
    case "help":
      return { output: consoleHelp(lang) };
    case "settings":
      return { output: m.settingsHere({ command: `/${localName(key, lang)}` }) };
    case "privacy":
      return { output: m.privacyHere({ command: `/${localName(key, lang)}` }) };
    case "lang": {
      const chosen = (LANGS as readonly string[]).includes(arg) ? (arg as Lang) : null;
      return chosen
        ? { output: textsFor(chosen).console.langSet, lang: chosen }
        : { output: m.langUsage };
    }
    case "quit":
    case "exit":
      return { output: "", quit: true };
    default:
      return { output: m.unknown };
  }
}

/**
 * A line that is no command, read as chat reads a message addressed to the bot (a mention, a DM):
 * a quotation it presents as the declaration's words is checked, anything else is a question.
 */
function converse(engine: Engine, text: string, lang: Lang): string {
  const reports = presentedQuoteReports(text, "addressed");
  if (reports.length > 0) return renderQuoteReports(reports, lang);
  return renderAnswer(engine.answer(text, { lang }));
}

/** /declaration: the overview; /declaration N: page N of the whole text, as Discord cuts it. */
function declaration(engine: Engine, arg: string, lang: Lang): string {
  if (!arg) return renderOverview(engine.clauses, lang);
  const pages = paginate(engine.clauses).length;
  const page = /^\d{1,3}$/.test(arg) ? Number(arg) : 0;
  if (page >= 1 && page <= pages) return renderPage(engine.clauses, page, lang);
  return textsFor(lang).console.pageUsage({ pages });
}
