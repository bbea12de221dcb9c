/**
 * Message command "Check quote": checks the quotations in a message (or the whole message as one),
 * privately. Discord includes the target message's text in the interaction, so this works
 * without the Message Content intent.
 */
import { cleanInput } from "../interaction/sanitize.ts";
import { commandTexts, defineMessageCommand, type MessageHandler } from "./define.ts";
import { replyWithChecks, VERIFY_TEXT_MAX } from "./verify.ts";

const handle: MessageHandler = async (interaction, ctx) =>
  replyWithChecks(cleanInput(interaction.targetContent, VERIFY_TEXT_MAX), ctx);

export const command = defineMessageCommand({
  texts: commandTexts("checkQuote"),
  defer: "ephemeral",
  handle,
});
