/** /help — what the bot can do, with examples. */
import type { ChatInputCommandInteraction } from "discord.js";
import { keepsText, retentionDays } from "../handlers/feedback.ts";
import type { Outcome } from "../platform/context.ts";
import { helpEmbed } from "../render/help-embed.ts";
import { type CommandContext, commandTexts, defineChatCommand } from "./define.ts";

export const command = defineChatCommand({
  texts: commandTexts("help"),
  defer: "ephemeral",
  handle,
});

async function handle(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<Outcome> {
  const feedback = {
    textKept: keepsText(ctx, interaction.guildId),
    days: retentionDays(ctx),
  };
  await ctx.reply({ embeds: [helpEmbed(ctx.lang, feedback)] }, { privately: true });
  return { outcome: "help" };
}
