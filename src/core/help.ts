/**
 * What the bot can do, in one list per language: the Discord /help embed and the console's /help
 * are both rendered from it, so they cannot drift apart. `where` says which front end has the
 * entry; `example` is shown as code in Discord and as plain text in the console.
 */
import { CLAUSE_COUNTS } from "./declaration.ts";
import type { Lang, Localized } from "./types.ts";

export interface HelpEntry {
  usage: string;
  what: string;
  example?: string;
  where: "both" | "discord" | "console";
}

const M = CLAUSE_COUNTS.measure;

export const HELP: Localized<HelpEntry[]> = {
  fr: [
    {
      usage: "/measure N",
      what: `Affiche la mesure N (1 à ${M}).`,
      example: "/measure 3",
      where: "both",
    },
    {
      usage: "/ask question",
      what: "Trouve le passage qui répond.",
      example: "/ask que propose la déclaration contre la drogue ?",
      where: "both",
    },
    {
      usage: "/quote clause",
      what: "Cite une clause (M3, P2, signataires, « mesure 4 »…).",
      example: "/quote M4",
      where: "both",
    },
    {
      usage: "/declaration",
      what: "Vue d’ensemble, menu des clauses et lecture page par page.",
      where: "discord",
    },
    {
      usage: "/declaration [N]",
      what: "Vue d’ensemble : nature du texte, signataires, clauses ; avec N, la page N du texte entier.",
      example: "/declaration 1",
      where: "console",
    },
    {
      usage: "Dans la discussion",
      what: "Mentionnez-moi ou répondez à l’un de mes messages avec une question. Quand quelqu’un écrit « comme le dit la mesure 4 », je cite la mesure 4.",
      where: "discord",
    },
    {
      usage: "/verify citation",
      what: "Vérifie une citation : exacte, inexacte (chaque mot changé), composite, mal attribuée ou introuvable. Dans la discussion, je signale les citations inexactes.",
      example: "/verify la mesure 3 dit « faciliter les contacts »",
      where: "both",
    },
    {
      usage: "Clic droit sur un message → Applications",
      what: "Chercher dans la déclaration ; Vérifier la citation ; Citer les clauses mentionnées.",
      where: "discord",
    },
    {
      usage: "/settings (gérer le serveur)",
      what: "Salons de questions-réponses, citation automatique, langue par défaut, texte des questions avec les avis.",
      where: "discord",
    },
    {
      usage: "/lang fr|en|ru",
      what: "La langue des réponses et de la traduction affichée.",
      where: "console",
    },
    { usage: "/help", what: "Cette aide ; /quit pour sortir.", where: "console" },
  ],
  en: [
    {
      usage: "/measure N",
      what: `Shows measure N (1 to ${M}).`,
      example: "/measure 3",
      where: "both",
    },
    {
      usage: "/ask question",
      what: "Finds the passage that answers.",
      example: "/ask who signed the declaration?",
      where: "both",
    },
    {
      usage: "/quote clause",
      what: "Quotes a clause (M3, P2, signatories, “measure 4”…).",
      example: "/quote M4",
      where: "both",
    },
    {
      usage: "/declaration",
      what: "Overview, a menu of the clauses, and page-by-page reading.",
      where: "discord",
    },
    {
      usage: "/declaration [N]",
      what: "Overview: what the text is, who signed it, its clauses; with N, page N of the whole text.",
      example: "/declaration 1",
      where: "console",
    },
    {
      usage: "In chat",
      what: "Mention me or reply to one of my messages with a question. When someone writes “as measure 2 says”, I quote measure 2.",
      where: "discord",
    },
    {
      usage: "/verify quote",
      what: "Checks a quotation: verbatim, near (each changed word), composite, misattributed or not found. In chat, I point out inexact quotations.",
      example: '/verify measure 3 says "facilitate contacts"',
      where: "both",
    },
    {
      usage: "Right-click a message → Apps",
      what: "Find in declaration; Check quote; Quote cited clauses.",
      where: "discord",
    },
    {
      usage: "/settings (Manage Server)",
      what: "Q&A channels, automatic quoting, default language, question text with feedback.",
      where: "discord",
    },
    {
      usage: "/lang fr|en|ru",
      what: "The language of answers and of the translation shown.",
      where: "console",
    },
    { usage: "/help", what: "This help; /quit to leave.", where: "console" },
  ],
  ru: [
    {
      usage: "/measure N",
      what: `Показывает меру N (от 1 до ${M}).`,
      example: "/measure 3",
      where: "both",
    },
    {
      usage: "/ask вопрос",
      what: "Находит фрагмент, отвечающий на вопрос.",
      example: "/ask кто подписал?",
      where: "both",
    },
    {
      usage: "/quote пункт",
      what: "Цитирует пункт (M3, P2, signatories, «пункт 4»…).",
      example: "/quote M4",
      where: "both",
    },
    { usage: "/declaration", what: "Обзор, меню пунктов и чтение по страницам.", where: "discord" },
    {
      usage: "/declaration [N]",
      what: "Обзор: что это за текст, кто подписал, его пункты; с N — страница N всего текста.",
      example: "/declaration 1",
      where: "console",
    },
    {
      usage: "В чате",
      what: "Упомяните меня или ответьте на моё сообщение вопросом. Когда кто-то пишет «как сказано в пункте 5», я цитирую этот пункт.",
      where: "discord",
    },
    {
      usage: "/verify цитата",
      what: "Проверяет цитату: точная, неточная (каждое изменённое слово), составная, приписана не тому пункту или не найдена. В чате я указываю на неточные цитаты.",
      example: "/verify в пункте 3 сказано «содействовать контактам»",
      where: "both",
    },
    {
      usage: "Правый клик по сообщению → Приложения",
      what: "Найти в заявлении; Проверить цитату; Цитировать упомянутые пункты.",
      where: "discord",
    },
    {
      usage: "/settings (управление сервером)",
      what: "Каналы вопросов и ответов, автоцитирование, язык по умолчанию, текст вопросов с отзывами.",
      where: "discord",
    },
    { usage: "/lang fr|en|ru", what: "Язык ответов и показываемого перевода.", where: "console" },
    { usage: "/help", what: "Эта справка; /quit — выход.", where: "console" },
  ],
};

/** The entries a front end shows. */
export function helpFor(front: "discord" | "console", lang: Lang): HelpEntry[] {
  return HELP[lang].filter((e) => e.where === "both" || e.where === front);
}
