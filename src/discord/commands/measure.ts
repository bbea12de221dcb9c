/** /measure number — one of the measures, with their titles offered by autocomplete. */
import { ApplicationCommandOptionType } from "discord-api-types/v10";
import { fold } from "../../core/analysis.ts";
import { CLAUSE_COUNTS } from "../../core/declaration.ts";
import { ECHO_MAX, lookUpMeasure } from "../../core/measure-arg.ts";
import { echo } from "../interaction/sanitize.ts";
import { cardPayload } from "../render/card.ts";
import { LIMITS, truncate } from "../render/limits.ts";
import { type Autocomplete, type ChatHandler, commandTexts, defineChatCommand } from "./define.ts";

const TEXTS = commandTexts("measure");

const handle: ChatHandler = async (interaction, { engine, lang, reply }) => {
  const raw = interaction.options.value(TEXTS.optionName.number);
  const found = lookUpMeasure(engine, raw, (typed) => echo(typed, ECHO_MAX));
  if (found.kind === "refused") throw found.error;
  const { clause } = found;
  await reply(cardPayload(clause, { lang, ...engine.neighbours(clause.id) }));
  return { outcome: "clause", clause: clause.id, score: 1, question: String(raw) };
};

const autocomplete: Autocomplete = async (interaction, { engine, lang }) => {
  // The engine's fold, as everywhere: it keeps the Russian «й», a letter of its own.
  const typed = fold(String(interaction.options.focused ?? "").trim());
  const measures = engine.clauses.filter((c) => c.kind === "measure");
  // A number typed picks by number; words go through the engine's suggestions (titles, then the
  // clauses' words by prefix, so "drog" finds the measure on drug trafficking).
  const byNumber = measures.filter((c) => String(c.number).startsWith(typed));
  const byWords = engine
    .suggest(typed, { lang, limit: engine.clauses.length })
    .filter((c) => c.kind === "measure");
  const matching = typed === "" ? measures : [...new Set([...byNumber, ...byWords])];
  // Typing something unrelated still shows every measure: better than an empty list.
  const shown = matching.length > 0 ? matching : measures;
  const choices = shown.slice(0, LIMITS.choices).map((c) => ({
    name: truncate(`${c.number} — ${c.title[lang]}`, LIMITS.choiceName),
    value: c.number ?? 0,
  }));
  await interaction.respond(choices);
};

export const command = defineChatCommand({
  // Russian: "пункт", as the clause labels say ("Пункт 3").
  texts: TEXTS,
  options: [
    TEXTS.option("number", {
      type: ApplicationCommandOptionType.Integer,
      required: true,
      autocomplete: true,
      min_value: 1,
      max_value: CLAUSE_COUNTS.measure,
    }),
  ],
  defer: "public",
  handle,
  autocomplete,
});
