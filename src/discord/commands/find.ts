import { ask, renderAnswer } from "../handlers/answer.ts";
import { strings } from "../i18n/strings.ts";
import { ReplyableError } from "../platform/errors.ts";
import { cleanInput } from "../platform/sanitize.ts";
import { commandTexts, defineMessageCommand, type MessageHandler } from "./define.ts";
import { QUESTION_MAX } from "./shared.ts";

const handle: MessageHandler = async (interaction, { engine, lang, reply }) => {
  // Long messages are cut: the start of a message carries its topic, and search cost stays bounded.
  const text = cleanInput(interaction.targetMessage.content, QUESTION_MAX * 4);
  if (text === "") throw new ReplyableError(strings(lang).emptyMessage, "empty-message");
  const rendered = renderAnswer(engine, ask(engine, text, interaction.locale), lang, {
    privately: true,
  });
  await reply(rendered.kind === "text" ? rendered.text : rendered.payload, { privately: true });
  return { ...rendered.outcome, question: text };
};

export const command = defineMessageCommand({
  texts: commandTexts("find"),
  defer: "ephemeral",
  handle,
});
