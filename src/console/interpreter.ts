/**
 * The bot's text commands ("/measure 3", "/ask …", "/quote M4", "/help"), interpreted without
 * Discord: the console speaks this language, so it behaves like the bot.
 */
import { fold } from "../core/analysis.ts";
import type { Engine } from "../core/engine.ts";
import { MEASURE_COUNT, outOfRangeText } from "../core/messages.ts";
import { LAST, readCardinal, readOrdinal } from "../core/numbers.ts";
import { checkText } from "../core/quote-check.ts";
import { renderQuoteReports } from "../core/quote-messages.ts";
import { renderAnswer, renderClause, renderDeclaration } from "../core/render-text.ts";
import { LANGS, type Lang } from "../core/types.ts";

export const HELP: Record<Lang, string> = {
  fr: [
    "Commandes :",
    `  /measure N        la mesure N (1 à ${MEASURE_COUNT})`,
    "  /ask QUESTION     le passage le plus pertinent",
    "  /quote CLAUSE     cite une clause (M3, P2, signatories, « mesure 4 »…)",
    "  /declaration      le texte entier",
    "  /verify TEXTE     vérifie une citation : /verify la mesure 3 dit « … »",
    "  /lang fr|en|ru    la langue de la traduction affichée",
    "  /help             cette aide ; /quit pour sortir",
    "Ou posez simplement une question : « qui a signé ? », « que dit la mesure 4 ? ».",
  ].join("\n"),
  en: [
    "Commands:",
    `  /measure N        measure N (1 to ${MEASURE_COUNT})`,
    "  /ask QUESTION     the most relevant passage",
    '  /quote CLAUSE     quote a clause (M3, P2, signatories, "measure 4"…)',
    "  /declaration      the whole text",
    '  /verify TEXT      check a quotation: /verify measure 3 says "…"',
    "  /lang fr|en|ru    language of the translation shown",
    "  /help             this help; /quit to leave",
    'Or just ask a question: "who signed?", "what does measure 4 say?".',
  ].join("\n"),
  ru: [
    "Команды:",
    `  /measure N        пункт N (от 1 до ${MEASURE_COUNT})`,
    "  /ask ВОПРОС       самый подходящий фрагмент",
    "  /quote ПУНКТ      цитата (M3, P2, signatories, «пункт 4»…)",
    "  /declaration      весь текст",
    "  /verify ТЕКСТ     проверка цитаты: /verify в пункте 3 сказано «…»",
    "  /lang fr|en|ru    язык показываемого перевода",
    "  /help             эта справка; /quit — выход",
    "Или просто задайте вопрос: «кто подписал?», «что говорится в пункте 4?».",
  ].join("\n"),
};

const UNKNOWN: Record<Lang, string> = {
  fr: "Commande inconnue. Tapez /help pour la liste.",
  en: "Unknown command. Type /help for the list.",
  ru: "Неизвестная команда. Введите /help для списка.",
};
const NOT_FOUND: Record<Lang, string> = {
  fr: "Clause introuvable. Exemples : M3, P2, appeal, signatories, « mesure 4 ».",
  en: 'No such clause. Examples: M3, P2, appeal, signatories, "measure 4".',
  ru: "Такого пункта нет. Примеры: M3, P2, appeal, signatories, «пункт 4».",
};
const NEEDS_TEXT: Record<Lang, string> = {
  fr: "Il manque le texte : /ask suivi de votre question.",
  en: "Missing text: /ask followed by your question.",
  ru: "Не хватает текста: /ask и ваш вопрос.",
};
const NEEDS_QUOTE: Record<Lang, string> = {
  fr: "Il manque la citation : /verify suivi du texte cité, par exemple /verify la mesure 3 dit « … ».",
  en: 'Missing quotation: /verify followed by the quoted text, e.g. /verify measure 3 says "…".',
  ru: "Не хватает цитаты: /verify и цитируемый текст, например /verify в пункте 3 сказано «…».",
};

export interface CommandResult {
  output: string;
  /** Set by /lang: the reader's language from now on. */
  lang?: Lang;
  quit?: boolean;
}

/**
 * One line of input → what to print. `lang` is the reader's chosen language, or null to follow
 * each question's own language.
 */
const MEASURE_MISSING: Record<Lang, string> = {
  fr: `Indiquez un numéro de mesure, de 1 à ${MEASURE_COUNT} : /measure 3, /measure trois.`,
  en: `Give a measure number from 1 to ${MEASURE_COUNT}: /measure 3, /measure three.`,
  ru: `Укажите номер пункта от 1 до ${MEASURE_COUNT}: /measure 3, /measure три.`,
};

export function runCommand(engine: Engine, line: string, lang: Lang | null): CommandResult {
  const text = line.trim();
  const m = /^\/(\w+)\s*([\s\S]*)$/.exec(text);
  if (!m) return { output: renderAnswer(engine.answer(text, { lang: lang ?? undefined })) };
  const name = (m[1] ?? "").toLowerCase();
  const arg = (m[2] ?? "").trim();
  const l = lang ?? (arg ? engine.detectLanguage(arg) : "fr");
  switch (name) {
    case "measure":
    case "mesure": {
      if (!arg) return { output: MEASURE_MISSING[lang ?? "fr"] };
      // "3", "trois", "three", "три", "3e", "troisième", "IV": the reference layer's number table.
      const word = fold(arg);
      const ordinal = readOrdinal(word);
      const n = /^[+-]?\d+$/.test(arg)
        ? Number(arg)
        : (readCardinal(word) ?? (ordinal === LAST ? MEASURE_COUNT : ordinal) ?? Number.NaN);
      const clause = engine.measure(n);
      if (clause) return { output: renderClause(clause, lang ?? "fr") };
      return {
        output: outOfRangeText(
          { clauseKind: "measure", requested: n, available: MEASURE_COUNT },
          lang ?? "fr",
        ).replace("NaN", arg),
      };
    }
    case "ask":
      if (!arg) return { output: NEEDS_TEXT[l] };
      return { output: renderAnswer(engine.answer(arg, { lang: lang ?? undefined })) };
    case "quote": {
      const clause = engine.resolve(arg);
      return { output: clause ? renderClause(clause, lang ?? "fr") : NOT_FOUND[l] };
    }
    case "declaration":
      return { output: renderDeclaration(engine, lang ?? "fr") };
    case "verify":
      if (!arg) return { output: NEEDS_QUOTE[l] };
      return { output: renderQuoteReports(checkText(arg), lang) };
    case "lang": {
      const chosen = (LANGS as readonly string[]).includes(arg) ? (arg as Lang) : null;
      return chosen ? { output: `→ ${chosen}`, lang: chosen } : { output: "/lang fr | en | ru" };
    }
    case "help":
      return { output: HELP[lang ?? "fr"] };
    case "quit":
    case "exit":
      return { output: "", quit: true };
    default:
      return { output: UNKNOWN[l] };
  }
}
