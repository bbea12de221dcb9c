/** /quote clause — posts any clause publicly, formatted for discussion. */
import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from "discord.js";
import type { BotContext, Outcome } from "../context.ts";
import { ReplyableError } from "../errors.ts";
import { LIMITS, truncate } from "../limits.ts";
import { langFromLocale } from "../locale.ts";
import { NO_MENTIONS } from "../payloads.ts";
import { quoteText } from "../quote.ts";
import { respond } from "../respond.ts";
import { cleanInput, echo } from "../sanitize.ts";
import { strings } from "../strings.ts";
import { defineChatCommand, localized } from "./define.ts";

export const command = defineChatCommand({
  name: { fr: "citer", en: "quote", ru: "цитата" },
  description: {
    fr: "Citer une clause de la déclaration dans la discussion",
    en: "Quote a clause of the declaration in the discussion",
    ru: "Процитировать пункт декларации в обсуждении",
  },
  options: [
    {
      type: ApplicationCommandOptionType.String,
      ...localized({
        name: { fr: "clause", en: "clause", ru: "пункт" },
        description: {
          fr: "Quelle clause : M3, P2, 4 (une mesure), signataires, ou un intitulé",
          en: "Which clause: M3, P2, 4 (a measure), signatories, or a title",
          ru: "Какой пункт: M3, P2, 4 (мера), подписавшие или название",
        },
      }),
      required: true,
      autocomplete: true,
      max_length: 100,
    },
  ],
  defer: "public",
  handle,
  autocomplete,
});

async function handle(
  interaction: ChatInputCommandInteraction,
  { engine }: BotContext,
): Promise<Outcome> {
  const lang = langFromLocale(interaction.locale);
  const raw = cleanInput(String(interaction.options.get("clause")?.value ?? ""), 200);
  const clause = engine.resolve(raw);
  if (!clause) {
    throw new ReplyableError(strings(lang).quoteUnknown(echo(raw, 60)), "quote-unknown");
  }
  await respond(interaction, { content: quoteText(clause, lang), allowedMentions: NO_MENTIONS });
  return { outcome: "quote", clause: clause.id, score: 1, question: raw };
}

async function autocomplete(
  interaction: AutocompleteInteraction,
  { engine }: BotContext,
): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  const typed = cleanInput(String(interaction.options.getFocused() ?? ""), 200);
  const clauses = engine.suggest(typed, { lang, limit: LIMITS.choices });
  await interaction.respond(
    clauses.slice(0, LIMITS.choices).map((c) => ({
      name: truncate(`${c.label[lang]} — ${c.title[lang]}`, LIMITS.choiceName),
      value: c.id,
    })),
  );
}
