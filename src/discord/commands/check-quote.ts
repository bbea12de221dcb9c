/**
 * Message command "Check quote": checks the quotations in a message (or the whole message as one),
 * privately. Discord includes the target message's text in the interaction, so this works
 * without the Message Content intent.
 */
import type { MessageContextMenuCommandInteraction } from "discord.js";
import { QUOTE_MAX_CHARS } from "../../core/quote-check.ts";
import type { Outcome } from "../platform/context.ts";
import { cleanInput } from "../platform/sanitize.ts";
import { type CommandContext, commandTexts, defineMessageCommand } from "./define.ts";
import { replyWithChecks } from "./verify.ts";

export const command = defineMessageCommand({
  texts: commandTexts("checkQuote"),
  defer: "ephemeral",
  handle,
});

async function handle(
  interaction: MessageContextMenuCommandInteraction,
  ctx: CommandContext,
): Promise<Outcome> {
  return replyWithChecks(cleanInput(interaction.targetMessage.content, QUOTE_MAX_CHARS * 2), ctx);
}
