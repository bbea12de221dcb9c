/** /quote clause — posts any clause publicly, formatted for discussion. */
import { ApplicationCommandOptionType } from "discord-api-types/v10";
import { outOfRangeError } from "../../core/answer-text.ts";
import { UserError } from "../../core/user-error.ts";
import { cleanInput, echo } from "../interaction/sanitize.ts";
import { LIMITS, truncate } from "../render/limits.ts";
import { quoteText } from "../render/quote-text.ts";
import { type Autocomplete, type ChatHandler, commandTexts, defineChatCommand } from "./define.ts";

const TEXTS = commandTexts("quote");

const handle: ChatHandler = async (interaction, { engine, lang, reply }) => {
  const raw = cleanInput(String(interaction.options.value(TEXTS.optionName.clause) ?? ""), 200);
  const clause = engine.resolveOrOutOfRange(raw);
  if (clause?.kind === "out-of-range") {
    throw outOfRangeError(clause, "quote-out-of-range");
  }
  if (!clause) throw new UserError({ id: "quoteUnknown", params: { shown: echo(raw, 60) } });
  await reply({ content: quoteText(clause, lang) });
  return { outcome: "quote", clause: clause.id, score: 1, question: raw };
};

const autocomplete: Autocomplete = async (interaction, { engine, lang }) => {
  const typed = cleanInput(String(interaction.options.focused ?? ""), 200);
  const clauses = engine.suggest(typed, { lang, limit: LIMITS.choices });
  await interaction.respond(
    clauses.slice(0, LIMITS.choices).map((c) => ({
      name: truncate(`${c.label[lang]} — ${c.title[lang]}`, LIMITS.choiceName),
      value: c.id,
    })),
  );
};

export const command = defineChatCommand({
  texts: TEXTS,
  options: [
    TEXTS.option("clause", {
      type: ApplicationCommandOptionType.String,
      required: true,
      autocomplete: true,
      max_length: 100,
    }),
  ],
  defer: "public",
  handle,
  autocomplete,
});
