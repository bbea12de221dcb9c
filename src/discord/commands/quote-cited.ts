/**
 * Message command "Quote cited clauses": posts the clauses a message cites ("comme le dit la
 * mesure 4"), as auto-quoting does in chat. It works without the Message Content intent, which
 * auto-quoting needs: the interaction carries the message's text.
 */
import type { MessageContextMenuCommandInteraction } from "discord.js";
import { citedClauses } from "../handlers/chat.ts";
import { strings } from "../i18n/strings.ts";
import type { Outcome } from "../platform/context.ts";
import { ReplyableError } from "../platform/errors.ts";
import { type CommandContext, commandTexts, defineMessageCommand } from "./define.ts";

export const command = defineMessageCommand({
  texts: commandTexts("quoteCited"),
  defer: "public",
  handle,
});

async function handle(
  interaction: MessageContextMenuCommandInteraction,
  ctx: CommandContext,
): Promise<Outcome> {
  const { lang, reply } = ctx;
  const cited = citedClauses(ctx, interaction.targetMessage.content, lang);
  if (!cited) throw new ReplyableError(strings(lang).citesNothing, "cites-nothing");
  await reply(cited.reply.embeds === undefined ? cited.reply.content : cited.reply, {
    privately: cited.reply.embeds === undefined,
  });
  return cited.outcome;
}
