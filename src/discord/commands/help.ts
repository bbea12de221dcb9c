/** /help — what the bot can do, with examples. */
import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { BotContext, Outcome } from "../context.ts";
import { helpEmbed } from "../help.ts";
import { langFromLocale } from "../locale.ts";
import { NO_MENTIONS } from "../payloads.ts";
import { respond } from "../respond.ts";
import { defineChatCommand } from "./define.ts";

export const command = defineChatCommand({
  name: { fr: "aide", en: "help", ru: "помощь" },
  description: {
    fr: "Ce que ce bot sait faire, avec des exemples",
    en: "What this bot can do, with examples",
    ru: "Что умеет этот бот, с примерами",
  },
  defer: "ephemeral",
  handle,
});

async function handle(
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
