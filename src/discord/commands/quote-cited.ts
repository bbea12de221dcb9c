/**
 * Message command "Quote cited clauses": posts the clauses a message cites ("comme le dit la
 * mesure 4"), as auto-quoting does in chat. It works without the Message Content intent, which
 * auto-quoting needs: the interaction carries the message's text.
 */
import { UserError } from "../../core/user-error.ts";
import { citedClauses } from "../handlers/cited.ts";
import { commandTexts, defineMessageCommand, type MessageHandler } from "./define.ts";

const handle: MessageHandler = async (interaction, ctx) => {
  const { lang, reply } = ctx;
  const cited = citedClauses(ctx, interaction.targetContent, lang);
  if (!cited) throw new UserError({ id: "citesNothing" });
  // A clause number beyond the text is explained privately; clauses are posted for everyone.
  if (cited.reply.embeds === undefined) await reply(cited.reply.content);
  else await reply(cited.reply);
  return cited.outcome;
};

export const command = defineMessageCommand({
  texts: commandTexts("quoteCited"),
  defer: "public",
  handle,
});
