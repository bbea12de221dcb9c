/** /help: what the bot does, with examples, in the reader's language. */
import type { APIEmbed } from "discord.js";
import { helpFor } from "../../core/help.ts";
import { DECLARATION_NAME } from "../../core/messages.ts";
import type { Lang } from "../../core/types.ts";
import { strings } from "../i18n/strings.ts";
import { LIMITS, truncate } from "./limits.ts";
import { EMBED_COLOR } from "./payloads.ts";

export function helpEmbed(lang: Lang): APIEmbed {
  const s = strings(lang);
  return {
    color: EMBED_COLOR,
    title: truncate(s.helpTitle, LIMITS.embedTitle),
    description: truncate(s.overviewIntro, LIMITS.embedDescription),
    fields: helpFor("discord", lang)
      .slice(0, LIMITS.embedFields)
      .map((e) => ({
        name: truncate(e.usage, LIMITS.fieldName),
        value: truncate(e.example ? `${e.what} \`${e.example}\`` : e.what, LIMITS.fieldValue),
      })),
    footer: { text: truncate(DECLARATION_NAME[lang], LIMITS.footerText) },
  };
}
