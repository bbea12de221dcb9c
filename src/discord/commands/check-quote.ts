/**
 * Message command "Check quote": checks the quotations in a message (or the whole message as one),
 * privately. Discord includes the target message's text in the interaction, so this works
 * without the Message Content intent.
 */
import { QUOTE_MAX_CHARS } from "../../core/quote-check.ts";
import { cleanInput } from "../platform/sanitize.ts";
import { commandTexts, defineMessageCommand, type MessageHandler } from "./define.ts";
import { replyWithChecks } from "./verify.ts";

const handle: MessageHandler = async (interaction, ctx) =>
  replyWithChecks(cleanInput(interaction.targetMessage.content, QUOTE_MAX_CHARS * 2), ctx);

export const command = defineMessageCommand({
  texts: commandTexts("checkQuote"),
  defer: "ephemeral",
  handle,
});
