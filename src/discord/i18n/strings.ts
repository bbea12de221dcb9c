/**
 * Every sentence the bot shows in Discord, in French, English and Russian. The engine's own texts
 * (no-answer hints, out-of-range, the declaration's name) come from src/core/messages.ts.
 */
import { CLAUSE_COUNTS } from "../../core/declaration.ts";
import { closestText, counted } from "../../core/messages.ts";
import type { Lang } from "../../core/types.ts";

/** How many measures: read from the text, never written here. */
const M = CLAUSE_COUNTS.measure;

export interface Strings {
  genericError: string;
  /** A setting or vote the database could not save just now (nothing was changed). */
  cannotSaveNow: string;
  guildOnly: string;
  invalidValue: string;
  outdatedComponent: string;
  quoteUnknown: (raw: string) => string;
  emptyQuestion: string;
  emptyMessage: string;
  slowDown: (seconds: number) => string;
  previous: (label: string) => string;
  next: (label: string) => string;
  seeAlso: (label: string) => string;
  /** Above a "closest passage" card: the text does not say this in so many words. */
  closest: (label: string) => string;
  postPublicly: string;
  /** Above a term note: where the declaration names the term. */
  noteInDeclaration: string;
  posted: string;
  cannotPost: string;
  citation: (label: string, declaration: string) => string;
  overviewHowTo: string;
  openClause: string;
  readWholeText: string;
  overview: string;
  helpTitle: string;
  settingsTitle: string;
  settingsQaChannels: string;
  settingsNone: string;
  settingsQuoting: string;
  on: string;
  off: string;
  settingsLanguage: string;
  languageAuto: string;
  languageNames: Record<Lang, string>;
  settingsNeedManageGuild: string;
  qaAdded: (channel: string) => string;
  qaAlready: (channel: string) => string;
  qaRemoved: (channel: string) => string;
  qaNotThere: (channel: string) => string;
  qaTooMany: (max: number) => string;
  qaWrongChannelType: string;
  quotingSet: (on: boolean) => string;
  languageSet: (name: string) => string;
  /** A 👍, acknowledged privately; `changed` when it replaces the user's 👎. */
  votedUp: (changed: boolean) => string;
  /** A 👎, acknowledged privately above the menu of passages. */
  votedDown: (changed: boolean) => string;
  whichPassage: string;
  noPassage: string;
  /** `label` null: the user said the text does not answer the question. */
  correctionNoted: (label: string | null) => string;
  /** /privacy forget: how many votes (corrections included) and kept question texts it deleted. */
  forgotten: (votes: number, questions: number) => string;
  settingsFeedback: string;
  /** What is kept of feedback, for /settings show and /help. */
  feedbackKept: (textKept: boolean, days: number) => string;
  /**
   * `forgotten`: question texts of this server deleted on turning it off; `operatorKeeps`:
   * LOG_QUESTIONS=true keeps texts in every server whatever this setting says.
   */
  feedbackTextSet: (on: boolean, forgotten: number, operatorKeeps: boolean) => string;
  helpFeedbackTitle: string;
  citesNothing: string;
  settingsQuoteCheck: string;
  quoteCheckSet: (on: boolean) => string;
  /** /settings show and /help: the Message Content intent's status. */
  contentTitle: string;
  contentOn: string;
  contentOff: (why: "off" | "refused" | "no-gateway") => string;
  /** A setting that is on but cannot run without the intent. */
  needsContent: string;
}

const fr: Strings = {
  genericError: "Désolé, une erreur s’est produite de mon côté. Réessayez dans un instant.",
  cannotSaveNow:
    "Je ne peux rien enregistrer pour le moment (la base de données ne répond pas) : rien n’a été modifié. Réessayez dans une minute.",
  guildOnly: "Cette commande ne fonctionne que dans un serveur.",
  invalidValue: "Cette valeur n’est pas valable ; choisissez l’une des options proposées.",
  outdatedComponent: "Ce bouton n’est plus valable. Relancez la commande.",
  quoteUnknown: (raw) =>
    `Aucune clause ne correspond à « ${raw} ». Essayez un identifiant (M3, P2, signatories), un numéro de mesure (1 à ${M}) ou un intitulé.`,
  emptyQuestion: "Posez une question sur la déclaration, par exemple : « Qui a signé ce texte ? »",
  emptyMessage: "Ce message ne contient pas de texte à chercher.",
  slowDown: (seconds) =>
    `Doucement : vous avez lancé beaucoup de commandes d’affilée. Réessayez dans ${seconds} s.`,
  previous: (label) => `◀ ${label}`,
  next: (label) => `${label} ▶`,
  seeAlso: (label) => `Voir aussi : ${label}`,
  closest: (label) => closestText(label, "fr"),
  postPublicly: "Publier dans le salon",
  noteInDeclaration: "Dans la déclaration",
  posted: "Publié dans le salon.",
  cannotPost: "Je ne peux pas publier dans ce salon (permissions) ; le passage reste ci-dessus.",
  citation: (label, declaration) => `— ${label}, ${declaration}`,
  overviewHowTo: "Choisissez une clause dans le menu ou lisez le texte entier page par page.",
  openClause: "Ouvrir une clause…",
  readWholeText: "Lire le texte entier",
  overview: "Vue d’ensemble",
  helpTitle: "Ce que je sais faire",
  settingsTitle: "Paramètres du serveur",
  settingsQaChannels: "Salons de questions-réponses",
  settingsNone: "aucun",
  settingsQuoting: "Citation des clauses mentionnées",
  on: "activée",
  off: "désactivée",
  settingsLanguage: "Langue des réponses dans la discussion",
  languageAuto: "automatique (langue du serveur)",
  languageNames: { fr: "français", en: "anglais", ru: "russe" },
  settingsNeedManageGuild:
    "Il faut la permission « Gérer le serveur » pour changer ces paramètres.",
  qaAdded: (c) => `${c} est maintenant un salon de questions-réponses.`,
  qaAlready: (c) => `${c} est déjà un salon de questions-réponses.`,
  qaRemoved: (c) => `${c} n’est plus un salon de questions-réponses.`,
  qaNotThere: (c) => `${c} n’était pas un salon de questions-réponses.`,
  qaTooMany: (max) =>
    `Au plus ${counted(max, "fr", { one: "salon", other: "salons" })} de questions-réponses par serveur.`,
  qaWrongChannelType: "Choisissez un salon textuel.",
  quotingSet: (on) =>
    on
      ? "Je citerai les clauses mentionnées dans la discussion."
      : "Je ne citerai plus les clauses mentionnées dans la discussion.",
  languageSet: (name) => `Langue des réponses dans la discussion : ${name}.`,
  votedUp: (changed) =>
    changed
      ? "Vote changé : cette réponse vous a aidé. Merci !"
      : "Merci : cette réponse vous a aidé.",
  votedDown: (changed) =>
    `${changed ? "Vote changé : cette réponse ne vous a pas aidé." : "Merci de le signaler."} Quel passage répond à votre question ?`,
  whichPassage: "Quel passage y répond ?",
  noPassage: "aucun : le texte ne répond pas à cela",
  correctionNoted: (label) =>
    label
      ? `Noté : le passage qui répond est ${label}. Merci !`
      : "Noté : le texte ne répond pas à cette question. Merci !",
  forgotten: (votes, questions) =>
    votes + questions === 0
      ? "Je n’avais aucun vote ni aucune question de vous."
      : `C’est fait : ${[
          votes === 0
            ? ""
            : votes === 1
              ? "votre vote est effacé"
              : `vos ${votes} votes sont effacés`,
          questions === 0
            ? ""
            : questions === 1
              ? "le texte de votre question est effacé"
              : `le texte de vos ${questions} questions est effacé`,
        ]
          .filter(Boolean)
          .join(" ; ")}.`,
  settingsFeedback: "Avis (👍/👎)",
  feedbackKept: (textKept, days) =>
    `Je garde les votes et corrections avec un identifiant d’utilisateur haché, et pour les questions sans réponse sûre la clause et le score, sans utilisateur. Texte des questions : ${textKept ? "gardé, avec l’identifiant haché de qui l’a posée" : "non gardé"}. Tout est effacé après ${counted(days, "fr", { one: "jour", other: "jours" })} ; /privacy forget efface vos votes et le texte de vos questions.`,
  feedbackTextSet: (on, forgotten, operatorKeeps) =>
    `${
      on
        ? "Je garderai le texte des questions avec les avis, pour les mainteneurs."
        : `Je ne garderai plus le texte des questions de ce serveur${forgotten > 0 ? ` ; les ${forgotten} déjà gardées sont effacées` : ""}.`
    }${operatorKeeps ? " Attention : l’opérateur du bot garde le texte des questions dans tous les serveurs (LOG_QUESTIONS=true), quel que soit ce réglage." : ""}`,
  helpFeedbackTitle: "👍 / 👎 sous une réponse",
  citesNothing:
    "Ce message ne cite aucune clause (par exemple « la mesure 4 », « le 2e considérant »).",
  settingsQuoteCheck: "Vérification des citations dans la discussion",
  quoteCheckSet: (on) =>
    on
      ? "Je vérifierai les citations de la déclaration dans la discussion et signalerai les inexactes."
      : "Je ne vérifierai plus les citations dans la discussion (/verify reste disponible).",
  contentTitle: "Lecture de la discussion (intent Message Content)",
  contentOn:
    "accordée : citation automatique, salons de questions-réponses et vérification des citations fonctionnent.",
  contentOff: (why) =>
    why === "no-gateway"
      ? "aucune : ce processus ne se connecte pas à la passerelle de Discord (DISCORD_GATEWAY=off) et ne reçoit que les interactions. Désactivés : les réponses dans la discussion (mentions, messages privés), la citation automatique, les salons de questions-réponses et la vérification des citations dans la discussion. Toujours disponibles : les commandes, les boutons et les commandes de message."
      : `${why === "off" ? "désactivée par l’opérateur (DISCORD_MESSAGE_CONTENT=off)" : "refusée par Discord : l’intent Message Content n’est pas activé (Developer Portal → Bot → Privileged Gateway Intents)"}. Désactivés : la citation automatique, les salons de questions-réponses et la vérification des citations dans la discussion. Toujours disponibles : les commandes, les mentions, les réponses qui me mentionnent, les messages privés et les commandes de message (Chercher dans la déclaration, Vérifier la citation, Citer les clauses mentionnées).`,
  needsContent: "sans effet sans l’intent Message Content",
};

const en: Strings = {
  genericError: "Sorry, something went wrong on my side. Please try again in a moment.",
  cannotSaveNow:
    "I cannot save anything right now (the database is not answering), so nothing was changed. Please try again in a minute.",
  guildOnly: "This command only works in a server.",
  invalidValue: "That value is not valid; pick one of the offered options.",
  outdatedComponent: "This button is no longer valid. Run the command again.",
  quoteUnknown: (raw) =>
    `No clause matches “${raw}”. Try an id (M3, P2, signatories), a measure number (1–${M}) or a label.`,
  emptyQuestion: "Ask a question about the declaration, for example: “Who signed this text?”",
  emptyMessage: "That message has no text to search for.",
  slowDown: (seconds) =>
    `Slow down: you have run many commands in a row. Try again in ${seconds} s.`,
  previous: (label) => `◀ ${label}`,
  next: (label) => `${label} ▶`,
  seeAlso: (label) => `See also: ${label}`,
  closest: (label) => closestText(label, "en"),
  postPublicly: "Post to the channel",
  noteInDeclaration: "In the declaration",
  posted: "Posted to the channel.",
  cannotPost: "I cannot post in this channel (permissions); the passage stays above.",
  citation: (label, declaration) => `— ${label}, ${declaration}`,
  overviewHowTo: "Pick a clause from the menu, or read the whole text page by page.",
  openClause: "Open a clause…",
  readWholeText: "Read the whole text",
  overview: "Overview",
  helpTitle: "What I can do",
  settingsTitle: "Server settings",
  settingsQaChannels: "Q&A channels",
  settingsNone: "none",
  settingsQuoting: "Quoting clauses mentioned in chat",
  on: "on",
  off: "off",
  settingsLanguage: "Language of chat answers",
  languageAuto: "automatic (server locale)",
  languageNames: { fr: "French", en: "English", ru: "Russian" },
  settingsNeedManageGuild: "You need the Manage Server permission to change these settings.",
  qaAdded: (c) => `${c} is now a Q&A channel.`,
  qaAlready: (c) => `${c} is already a Q&A channel.`,
  qaRemoved: (c) => `${c} is no longer a Q&A channel.`,
  qaNotThere: (c) => `${c} was not a Q&A channel.`,
  qaTooMany: (max) =>
    `At most ${counted(max, "en", { one: "Q&A channel", other: "Q&A channels" })} per server.`,
  qaWrongChannelType: "Pick a text channel.",
  quotingSet: (on) =>
    on
      ? "I will quote clauses mentioned in chat."
      : "I will no longer quote clauses mentioned in chat.",
  languageSet: (name) => `Language of chat answers: ${name}.`,
  votedUp: (changed) =>
    changed ? "Vote changed: this answer helped you. Thanks!" : "Thanks: this answer helped you.",
  votedDown: (changed) =>
    `${changed ? "Vote changed: this answer did not help you." : "Thanks for telling me."} Which passage answers your question?`,
  whichPassage: "Which passage answers it?",
  noPassage: "none: the text doesn't answer this",
  correctionNoted: (label) =>
    label
      ? `Noted: the passage that answers it is ${label}. Thanks!`
      : "Noted: the text does not answer this question. Thanks!",
  forgotten: (votes, questions) =>
    votes + questions === 0
      ? "I had no votes and no questions of yours."
      : `Done: ${[
          votes === 0
            ? ""
            : votes === 1
              ? "your vote is deleted"
              : `your ${votes} votes are deleted`,
          questions === 0
            ? ""
            : questions === 1
              ? "the text of your question is deleted"
              : `the text of your ${questions} questions is deleted`,
        ]
          .filter(Boolean)
          .join("; ")}.`,
  settingsFeedback: "Feedback (👍/👎)",
  feedbackKept: (textKept, days) =>
    `I keep votes and corrections with a hashed user id, and for questions without a sure answer the clause and score, without any user. Question text: ${textKept ? "kept, with the asker's hashed id" : "not kept"}. Everything is deleted after ${counted(days, "en", { one: "day", other: "days" })}; /privacy forget deletes your votes and the text of your questions.`,
  feedbackTextSet: (on, forgotten, operatorKeeps) =>
    `${
      on
        ? "I will keep the text of questions with the feedback, for the maintainers."
        : `I will no longer keep the text of this server's questions${forgotten > 0 ? `; the ${forgotten} kept so far are deleted` : ""}.`
    }${operatorKeeps ? " Note: the bot's operator keeps question text in every server (LOG_QUESTIONS=true), whatever this setting says." : ""}`,
  helpFeedbackTitle: "👍 / 👎 under an answer",
  citesNothing: "That message cites no clause (for example “measure 4”, “the 2nd recital”).",
  settingsQuoteCheck: "Checking quotations in chat",
  quoteCheckSet: (on) =>
    on
      ? "I will check quotations of the declaration in chat and point out inexact ones."
      : "I will no longer check quotations in chat (/verify still works).",
  contentTitle: "Reading chat (Message Content intent)",
  contentOn: "granted: auto-quoting, Q&A channels and quote checks work.",
  contentOff: (why) =>
    why === "no-gateway"
      ? "none: this process does not connect to Discord's gateway (DISCORD_GATEWAY=off) and only receives interactions. Off: answers in chat (mentions, DMs), auto-quoting, Q&A channels and quote checks in chat. Still working: commands, buttons and the message commands."
      : `${why === "off" ? "turned off by the operator (DISCORD_MESSAGE_CONTENT=off)" : "refused by Discord: the Message Content intent is not enabled (Developer Portal → Bot → Privileged Gateway Intents)"}. Off: auto-quoting, Q&A channels and quote checks in chat. Still working: commands, mentions, replies that ping me, DMs and the message commands (Find in declaration, Check quote, Quote cited clauses).`,
  needsContent: "no effect without the Message Content intent",
};

const ru: Strings = {
  genericError: "Извините, у меня что-то пошло не так. Попробуйте ещё раз чуть позже.",
  cannotSaveNow:
    "Сейчас я не могу ничего сохранить (база данных не отвечает), поэтому ничего не изменено. Попробуйте через минуту.",
  guildOnly: "Эта команда работает только на сервере.",
  invalidValue: "Недопустимое значение; выберите один из предложенных вариантов.",
  outdatedComponent: "Эта кнопка больше не действует. Запустите команду заново.",
  quoteUnknown: (raw) =>
    `Ни один пункт не соответствует «${raw}». Укажите идентификатор (M3, P2, signatories), номер меры (1–${M}) или название.`,
  emptyQuestion: "Задайте вопрос о заявлении, например: «Кто подписал этот текст?»",
  emptyMessage: "В этом сообщении нет текста для поиска.",
  slowDown: (seconds) =>
    `Не так быстро: вы запустили много команд подряд. Попробуйте снова через ${seconds} с.`,
  previous: (label) => `◀ ${label}`,
  next: (label) => `${label} ▶`,
  seeAlso: (label) => `См. также: ${label}`,
  closest: (label) => closestText(label, "ru"),
  postPublicly: "Опубликовать в канале",
  noteInDeclaration: "В заявлении",
  posted: "Опубликовано в канале.",
  cannotPost: "Не могу опубликовать в этом канале (права доступа); фрагмент остаётся выше.",
  citation: (label, declaration) => `— ${label}, ${declaration}`,
  overviewHowTo: "Выберите пункт в меню или прочитайте весь текст по страницам.",
  openClause: "Открыть пункт…",
  readWholeText: "Читать весь текст",
  overview: "Обзор",
  helpTitle: "Что я умею",
  settingsTitle: "Настройки сервера",
  settingsQaChannels: "Каналы вопросов и ответов",
  settingsNone: "нет",
  settingsQuoting: "Цитирование упомянутых пунктов",
  on: "включено",
  off: "выключено",
  settingsLanguage: "Язык ответов в чате",
  languageAuto: "автоматически (язык сервера)",
  languageNames: { fr: "французский", en: "английский", ru: "русский" },
  settingsNeedManageGuild: "Для изменения настроек нужно право «Управлять сервером».",
  qaAdded: (c) => `${c} теперь канал вопросов и ответов.`,
  qaAlready: (c) => `${c} уже канал вопросов и ответов.`,
  qaRemoved: (c) => `${c} больше не канал вопросов и ответов.`,
  qaNotThere: (c) => `${c} не был каналом вопросов и ответов.`,
  qaTooMany: (max) =>
    `Не более ${counted(max, "ru", { one: "канала", other: "каналов" })} вопросов и ответов на сервер.`,
  qaWrongChannelType: "Выберите текстовый канал.",
  quotingSet: (on) =>
    on ? "Я буду цитировать упомянутые в чате пункты." : "Я больше не буду цитировать пункты.",
  languageSet: (name) => `Язык ответов в чате: ${name}.`,
  votedUp: (changed) =>
    changed ? "Голос изменён: этот ответ вам помог. Спасибо!" : "Спасибо: этот ответ вам помог.",
  votedDown: (changed) =>
    `${changed ? "Голос изменён: этот ответ вам не помог." : "Спасибо, что сообщили."} Какой фрагмент отвечает на ваш вопрос?`,
  whichPassage: "Какой фрагмент отвечает?",
  noPassage: "никакой: текст на это не отвечает",
  correctionNoted: (label) =>
    label
      ? `Записано: отвечает фрагмент ${label}. Спасибо!`
      : "Записано: текст не отвечает на этот вопрос. Спасибо!",
  forgotten: (votes, questions) =>
    votes + questions === 0
      ? "У меня не было ваших голосов и вопросов."
      : `Готово: ${[
          votes === 0 ? "" : `удалено голосов — ${votes}`,
          questions === 0 ? "" : `удалено текстов вопросов — ${questions}`,
        ]
          .filter(Boolean)
          .join("; ")}.`,
  settingsFeedback: "Отзывы (👍/👎)",
  feedbackKept: (textKept, days) =>
    `Я храню голоса и исправления с хешированным идентификатором пользователя, а для вопросов без уверенного ответа — пункт и оценку, без пользователя. Текст вопросов: ${textKept ? "хранится вместе с хешированным идентификатором автора" : "не хранится"}. Всё удаляется через ${counted(days, "ru", { one: "день", few: "дня", many: "дней" })}; /privacy forget удаляет ваши голоса и текст ваших вопросов.`,
  feedbackTextSet: (on, forgotten, operatorKeeps) =>
    `${
      on
        ? "Я буду хранить текст вопросов вместе с отзывами, для сопровождающих."
        : `Я больше не буду хранить текст вопросов этого сервера${forgotten > 0 ? `; сохранённые ранее (${forgotten}) удалены` : ""}.`
    }${operatorKeeps ? " Внимание: оператор бота хранит текст вопросов на всех серверах (LOG_QUESTIONS=true), независимо от этой настройки." : ""}`,
  helpFeedbackTitle: "👍 / 👎 под ответом",
  citesNothing:
    "В этом сообщении не упомянут ни один пункт (например, «пункт 4», «второй абзац преамбулы»).",
  settingsQuoteCheck: "Проверка цитат в чате",
  quoteCheckSet: (on) =>
    on
      ? "Я буду проверять цитаты из заявления в чате и указывать на неточные."
      : "Я больше не буду проверять цитаты в чате (/verify по-прежнему работает).",
  contentTitle: "Чтение чата (intent Message Content)",
  contentOn: "предоставлено: автоцитирование, каналы вопросов и проверка цитат работают.",
  contentOff: (why) =>
    why === "no-gateway"
      ? "нет: этот процесс не подключается к шлюзу Discord (DISCORD_GATEWAY=off) и получает только взаимодействия. Отключены: ответы в чате (упоминания, личные сообщения), автоцитирование, каналы вопросов и проверка цитат в чате. Работают: команды, кнопки и команды сообщений."
      : `${why === "off" ? "отключено оператором (DISCORD_MESSAGE_CONTENT=off)" : "отклонено Discord: intent Message Content не включён (Developer Portal → Bot → Privileged Gateway Intents)"}. Отключены: автоцитирование, каналы вопросов и проверка цитат в чате. Работают: команды, упоминания, ответы с упоминанием, личные сообщения и команды сообщений (Найти в заявлении, Проверить цитату, Цитировать упомянутые пункты).`,
  needsContent: "не действует без intent Message Content",
};

const STRINGS: Record<Lang, Strings> = { fr, en, ru };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}
