/**
 * /declaration — overview, a menu to open any clause, and the whole text page by page. Answered
 * privately: paging is personal reading, and updating an ephemeral message disturbs nobody.
 */
import {
  type ChatInputCommandInteraction,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { BotContext, Outcome } from "../context.ts";
import { langFromLocale, localizations } from "../locale.ts";
import { overviewPayload } from "../overview.ts";
import { NO_MENTIONS } from "../payloads.ts";
import { respond } from "../respond.ts";
import { INSTALL, READ_CONTEXTS } from "./shared.ts";

export const definition = {
  name: "declaration",
  name_localizations: localizations({ fr: "déclaration", en: "declaration", ru: "декларация" }),
  description: "Overview of the declaration: what it is, who signed it, every clause",
  description_localizations: localizations({
    fr: "Vue d’ensemble de la déclaration : nature, signataires, toutes les clauses",
    en: "Overview of the declaration: what it is, who signed it, every clause",
    ru: "Обзор декларации: что это, кто подписал, все пункты",
  }),
  contexts: READ_CONTEXTS,
  integration_types: INSTALL,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export async function handle(
  interaction: ChatInputCommandInteraction,
  { engine }: BotContext,
): Promise<Outcome> {
  const lang = langFromLocale(interaction.locale);
  await respond(interaction, {
    ...overviewPayload(engine.clauses, lang),
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
  return { outcome: "overview" };
}
