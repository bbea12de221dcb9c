/** /help: what the bot does, with examples, and what feedback it keeps, in the reader's language. */
import type { APIEmbed } from "discord-api-types/v10";
import type { Lang } from "../../core/types.ts";
import { helpFor, textsFor } from "../../text/index.ts";
import type { ContentAccess } from "../interaction/context.ts";
import { LIMITS, truncate } from "./limits.ts";
import { EMBED_COLOR } from "./payloads.ts";
import { contentOffText, type FeedbackPolicy, feedbackKeptText } from "./policy-text.ts";

/** With `content` refused or off, a last field says which features are off and why. */
export function helpEmbed(lang: Lang, feedback: FeedbackPolicy, content?: ContentAccess): APIEmbed {
  const t = textsFor(lang);
  const off =
    content && !content.messageContent
      ? [{ name: t.content.title, value: contentOffText(lang, content.why ?? "refused") }]
      : [];
  const fields = [
    ...helpFor("discord", lang).map((e) => ({
      name: e.usage,
      value: e.example ? `${e.what} \`${e.example}\`` : e.what,
    })),
    { name: t.help.feedbackTitle, value: feedbackKeptText(lang, feedback) },
    ...off,
  ];
  return {
    color: EMBED_COLOR,
    title: truncate(t.help.title, LIMITS.embedTitle),
    description: truncate(t.overview.intro, LIMITS.embedDescription),
    fields: fields.slice(0, LIMITS.embedFields).map((f) => ({
      name: truncate(f.name, LIMITS.fieldName),
      value: truncate(f.value, LIMITS.fieldValue),
    })),
    footer: { text: truncate(t.document.name, LIMITS.footerText) },
  };
}
