/** /help — what the bot can do, with examples. */
import type { ChatInputCommandInteraction } from "discord.js";
import type { Outcome } from "../platform/context.ts";
import { helpEmbed } from "../render/help-embed.ts";
import { type CommandContext, commandTexts, defineChatCommand } from "./define.ts";

export const command = defineChatCommand({
  texts: commandTexts("help"),
  defer: "ephemeral",
  handle,
});

async function handle(
  _interaction: ChatInputCommandInteraction,
  { lang, reply, content }: CommandContext,
): Promise<Outcome> {
  await reply({ embeds: [helpEmbed(lang, content)] }, { privately: true });
  return { outcome: "help" };
}
