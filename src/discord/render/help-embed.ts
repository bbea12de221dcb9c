/** /help: what the bot does, with examples, and what feedback it keeps, in the reader's language. */
import type { APIEmbed } from "discord-api-types/v10";
import { helpFor } from "../../core/help.ts";
import { DECLARATION_NAME } from "../../core/messages.ts";
import { OVERVIEW } from "../../core/overview.ts";
import type { Lang } from "../../core/types.ts";
import { strings } from "../i18n/strings.ts";
import type { ContentAccess } from "../interaction/context.ts";
import { LIMITS, truncate } from "./limits.ts";
import { EMBED_COLOR } from "./payloads.ts";

/** What feedback is kept where the help is read (the server's choice, the operator's retention). */
export interface FeedbackPolicy {
  textKept: boolean;
  days: number;
}

/** With `content` refused or off, a last field says which features are off and why. */
export function helpEmbed(lang: Lang, feedback: FeedbackPolicy, content?: ContentAccess): APIEmbed {
  const s = strings(lang);
  const off =
    content && !content.messageContent
      ? [{ name: s.contentTitle, value: s.contentOff(content.why ?? "refused") }]
      : [];
  const fields = [
    ...helpFor("discord", lang).map((e) => ({
      name: e.usage,
      value: e.example ? `${e.what} \`${e.example}\`` : e.what,
    })),
    { name: s.helpFeedbackTitle, value: s.feedbackKept(feedback.textKept, feedback.days) },
    ...off,
  ];
  return {
    color: EMBED_COLOR,
    title: truncate(s.helpTitle, LIMITS.embedTitle),
    description: truncate(OVERVIEW[lang].intro, LIMITS.embedDescription),
    fields: fields.slice(0, LIMITS.embedFields).map((f) => ({
      name: truncate(f.name, LIMITS.fieldName),
      value: truncate(f.value, LIMITS.fieldValue),
    })),
    footer: { text: truncate(DECLARATION_NAME[lang], LIMITS.footerText) },
  };
}
