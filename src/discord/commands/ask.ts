/** /ask question — the most relevant clause, with "see also" buttons; ephemeral hints when nothing fits. */
import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
} from "discord.js";
import { ask, renderAnswer } from "../answer.ts";
import type { BotContext, Outcome } from "../context.ts";
import { ReplyableError } from "../errors.ts";
import { LIMITS, truncate } from "../limits.ts";
import { langFromLocale } from "../locale.ts";
import { ephemeralText, NO_MENTIONS } from "../payloads.ts";
import { respond } from "../respond.ts";
import { cleanInput } from "../sanitize.ts";
import { strings } from "../strings.ts";
import { defineChatCommand, localized } from "./define.ts";
import { QUESTION_MAX } from "./shared.ts";

export const command = defineChatCommand({
  name: { fr: "question", en: "ask", ru: "спросить" },
  description: {
    fr: "Poser une question sur la déclaration",
    en: "Ask a question about the declaration",
    ru: "Задать вопрос о декларации",
  },
  options: [
    {
      type: ApplicationCommandOptionType.String,
      ...localized({
        name: { fr: "question", en: "question", ru: "вопрос" },
        description: {
          fr: "Votre question, en français, en anglais ou en russe",
          en: "Your question, in French, English or Russian",
          ru: "Ваш вопрос на французском, английском или русском",
        },
      }),
      required: true,
      autocomplete: true,
      max_length: QUESTION_MAX,
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
  // Discord caps the option at QUESTION_MAX, but nothing stops a client sending more (or control
  // characters, zero-width spaces…): the engine gets a bounded, cleaned string whatever arrives.
  const raw = interaction.options.get("question")?.value;
  const question = cleanInput(String(raw ?? ""), QUESTION_MAX * 4);
  if (question === "") throw new ReplyableError(strings(lang).emptyQuestion, "empty-question");
  const answer = ask(engine, question, interaction.locale);
  // Only a confident answer goes to the channel; the closest passage is offered privately first.
  const privately = !(answer.kind === "clause" && answer.confidence === "answer");
  const reply = renderAnswer(engine, answer, lang, { privately });
  if (reply.kind === "text") {
    await respond(interaction, ephemeralText(reply.text));
  } else {
    await respond(interaction, {
      ...reply.payload,
      ...(privately && { flags: MessageFlags.Ephemeral }),
      allowedMentions: NO_MENTIONS,
    });
  }
  return { ...reply.outcome, question };
}

/**
 * Suggests clauses as the user types. A chosen suggestion submits the clause id, which /ask answers
 * directly; text typed without picking a suggestion is answered as a question.
 */
async function autocomplete(
  interaction: AutocompleteInteraction,
  { engine }: BotContext,
): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  const question = cleanInput(String(interaction.options.getFocused() ?? ""), QUESTION_MAX);
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
}
