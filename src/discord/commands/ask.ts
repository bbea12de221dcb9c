/** /ask question — the most relevant clause, with "see also" buttons; ephemeral hints when nothing fits. */
import { ApplicationCommandOptionType } from "discord-api-types/v10";
import { UserError } from "../../core/user-error.ts";
import { replyToQuestion } from "../handlers/answer.ts";
import { cleanInput } from "../interaction/sanitize.ts";
import { LIMITS, truncate } from "../render/limits.ts";
import { type Autocomplete, type ChatHandler, commandTexts, defineChatCommand } from "./define.ts";
import { QUESTION_MAX } from "./shared.ts";

const TEXTS = commandTexts("ask");

const handle: ChatHandler = async (interaction, ctx) => {
  // Discord caps the option at QUESTION_MAX, but nothing stops a client sending more (or control
  // characters, zero-width spaces…): the engine gets a bounded, cleaned string whatever arrives.
  const raw = interaction.options.value(TEXTS.optionName.question);
  const question = cleanInput(String(raw ?? ""), QUESTION_MAX * 4);
  if (question === "") throw new UserError({ id: "emptyQuestion" });
  // Only a confident answer goes to the channel; the closest passage is offered privately first.
  return replyToQuestion(interaction, ctx, question, { alwaysPrivate: false });
};

/**
 * Suggests clauses as the user types. A chosen suggestion submits the clause id, which /ask answers
 * directly; text typed without picking a suggestion is answered as a question.
 */
const autocomplete: Autocomplete = async (interaction, { engine, lang }) => {
  const question = cleanInput(String(interaction.options.focused ?? ""), QUESTION_MAX);
  // The user's own words come first, so picking the top choice asks exactly what they typed.
  const own =
    question !== "" && question.length <= LIMITS.choiceValue
      ? [{ name: truncate(`? ${question}`, LIMITS.choiceName), value: question }]
      : [];
  const clauses = engine.suggest(question, { lang, limit: LIMITS.choices - own.length });
  const suggestions = clauses.map((c) => ({
    name: truncate(`${c.label[lang]} — ${c.title[lang]}`, LIMITS.choiceName),
    value: c.id,
  }));
  await interaction.respond([...own, ...suggestions].slice(0, LIMITS.choices));
};

export const command = defineChatCommand({
  texts: TEXTS,
  options: [
    TEXTS.option("question", {
      type: ApplicationCommandOptionType.String,
      required: true,
      autocomplete: true,
      max_length: QUESTION_MAX,
    }),
  ],
  defer: "public",
  handle,
  autocomplete,
});
