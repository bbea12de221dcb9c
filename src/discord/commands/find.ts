/**
 * Message context-menu command "Find in declaration": searches with the target message's text; on
 * a reply, reads it in the context of the message it replies to, as chat does. Answered privately:
 * the person asking wants a lookup, not to reply in the channel (/quote does that).
 */
import { UserError } from "../../core/user-error.ts";
import { replyToQuestion } from "../handlers/answer.ts";
import { followUpForCommand } from "../handlers/follow-up.ts";
import { cleanInput } from "../interaction/sanitize.ts";
import { commandTexts, defineMessageCommand, type MessageHandler } from "./define.ts";
import { QUESTION_MAX } from "./shared.ts";

const handle: MessageHandler = async (interaction, ctx) => {
  // Long messages are cut: the start of a message carries its topic, and search cost stays bounded.
  const text = cleanInput(interaction.targetContent, QUESTION_MAX * 4);
  if (text === "") throw new UserError({ id: "emptyMessage" });
  // On a reply ("and the next one?"), read in the context of the message it replies to.
  const followed = await followUpForCommand(interaction, ctx, text);
  return followed ?? replyToQuestion(interaction, ctx, text, { alwaysPrivate: true });
};

export const command = defineMessageCommand({
  texts: commandTexts("find"),
  defer: "ephemeral",
  handle,
});
