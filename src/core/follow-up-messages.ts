/** What the bot says around follow-up answers (follow-up.ts), per language. */
import type { Clause, Lang } from "./types.ts";

/** Above a clause card shown for "what does it mean?": its title, the team's one-line gist. */
export function gistText(clause: Clause, lang: Lang): string {
  const title = clause.title[lang];
  return {
    fr: `En bref : ${title}.`,
    en: `In short: ${title}.`,
    ru: `Вкратце: ${title}.`,
  }[lang];
}

/** "And the next one?" after the last clause, or "the one before?" before the first. */
export function edgeText(clause: Clause, ask: "next" | "previous", lang: Lang): string {
  const label = clause.label[lang];
  if (ask === "next") {
    return {
      fr: `${label} : c’est la fin de la déclaration, il n’y a rien après.`,
      en: `${label} is the end of the declaration: nothing comes after it.`,
      ru: `${label} — конец заявления, дальше ничего нет.`,
    }[lang];
  }
  return {
    fr: `${label} : c’est le début de la déclaration, il n’y a rien avant.`,
    en: `${label} is the start of the declaration: nothing comes before it.`,
    ru: `${label} — начало заявления, до этого ничего нет.`,
  }[lang];
}

/** A follow-up ("in English?") replying to a message that names no single clause. */
export function noContextText(lang: Lang): string {
  return {
    fr: "De quelle clause parlez-vous ? Répondez à l’une de mes fiches de clause, ou à un message qui en cite une (« la mesure 1 »), ou nommez-la.",
    en: "Which clause do you mean? Reply to one of my clause cards or to a message that cites one (“measure 1”), or name it.",
    ru: "О каком пункте речь? Ответьте на одну из моих карточек или на сообщение, где назван пункт («пункт 1»), или назовите его.",
  }[lang];
}

/** A follow-up replying to a message that is gone (deleted) or out of the bot's reach. */
export function goneText(lang: Lang): string {
  return {
    fr: "Je ne trouve plus le message auquel vous répondez (il a peut-être été supprimé). Nommez la clause, par exemple « la mesure 1 ».",
    en: "I can no longer find the message you replied to (it may have been deleted). Name the clause instead, for example “measure 1”.",
    ru: "Не могу найти сообщение, на которое вы ответили (возможно, оно удалено). Назовите пункт, например «пункт 1».",
  }[lang];
}
