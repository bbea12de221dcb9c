/** /help — what the bot can do, with examples. */
import {
  type ChatInputCommandInteraction,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { BotContext, Outcome } from "../context.ts";
import { helpEmbed } from "../help.ts";
import { langFromLocale, localizations } from "../locale.ts";
import { NO_MENTIONS } from "../payloads.ts";
import { respond } from "../respond.ts";
import { INSTALL, READ_CONTEXTS } from "./shared.ts";

export const definition = {
  name: "help",
  name_localizations: localizations({ fr: "aide", en: "help", ru: "помощь" }),
  description: "What this bot can do, with examples",
  description_localizations: localizations({
    fr: "Ce que ce bot sait faire, avec des exemples",
    en: "What this bot can do, with examples",
    ru: "Что умеет этот бот, с примерами",
  }),
  contexts: READ_CONTEXTS,
  integration_types: INSTALL,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export async function handle(
  interaction: ChatInputCommandInteraction,
  _ctx: BotContext,
): Promise<Outcome> {
  await respond(interaction, {
    embeds: [helpEmbed(langFromLocale(interaction.locale))],
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
  return { outcome: "help" };
}
