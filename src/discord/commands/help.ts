/** /help — what the bot can do, with examples, and what feedback it keeps here. */
import { keepsText } from "../handlers/feedback.ts";
import { helpEmbed } from "../render/help-embed.ts";
import { type ChatHandler, commandTexts, defineChatCommand } from "./define.ts";

const handle: ChatHandler = async (interaction, ctx) => {
  const feedback = {
    textKept: await keepsText(ctx, interaction.guildId),
    days: ctx.feedbackRetentionDays,
  };
  await ctx.reply({ embeds: [helpEmbed(ctx.lang, feedback, ctx.content)] }, { privately: true });
  return { outcome: "help" };
};

export const command = defineChatCommand({
  texts: commandTexts("help"),
  defer: "ephemeral",
  handle,
});
