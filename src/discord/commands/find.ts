/**
 * Message context-menu command "Find in declaration": searches with the target message's text.
 * Answered privately: the person asking wants a lookup, not to reply in the channel (/quote does that).
 */
import { type MessageContextMenuCommandInteraction, MessageFlags } from "discord.js";
import { ask, renderAnswer } from "../answer.ts";
import type { BotContext, Outcome } from "../context.ts";
import { ReplyableError } from "../errors.ts";
import { langFromLocale } from "../locale.ts";
import { ephemeralText, NO_MENTIONS } from "../payloads.ts";
import { respond } from "../respond.ts";
import { cleanInput } from "../sanitize.ts";
import { strings } from "../strings.ts";
import { defineMessageCommand } from "./define.ts";
import { QUESTION_MAX } from "./shared.ts";

export const command = defineMessageCommand({
  name: {
    fr: "Chercher dans la déclaration",
    en: "Find in declaration",
    ru: "Найти в декларации",
  },
  defer: "ephemeral",
  handle,
});

async function handle(
  interaction: MessageContextMenuCommandInteraction,
  { engine }: BotContext,
): Promise<Outcome> {
  const lang = langFromLocale(interaction.locale);
  // Long messages are cut: the start of a message carries its topic, and search cost stays bounded.
  const text = cleanInput(interaction.targetMessage.content, QUESTION_MAX * 4);
  if (text === "") throw new ReplyableError(strings(lang).emptyMessage, "empty-message");
  const reply = renderAnswer(engine, ask(engine, text, interaction.locale), lang, {
    privately: true,
  });
  if (reply.kind === "text") {
    await respond(interaction, ephemeralText(reply.text));
  } else {
    await respond(interaction, {
      ...reply.payload,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  }
  return { ...reply.outcome, question: text };
}
