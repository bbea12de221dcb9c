/**
 * /declaration — overview, a menu to open any clause, and the whole text page by page. Answered
 * privately: paging is personal reading, and updating an ephemeral message disturbs nobody.
 */
import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { BotContext, Outcome } from "../context.ts";
import { langFromLocale } from "../locale.ts";
import { overviewPayload } from "../overview.ts";
import { NO_MENTIONS } from "../payloads.ts";
import { respond } from "../respond.ts";
import { defineChatCommand } from "./define.ts";

export const command = defineChatCommand({
  name: { fr: "déclaration", en: "declaration", ru: "декларация" },
  description: {
    fr: "Vue d’ensemble de la déclaration : nature, signataires, toutes les clauses",
    en: "Overview of the declaration: what it is, who signed it, every clause",
    ru: "Обзор декларации: что это, кто подписал, все пункты",
  },
  defer: "ephemeral",
  handle,
});

async function handle(
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
