/** /privacy forget — deletes every 👍/👎 vote and correction of the user who asks, in any server. */
import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { strings } from "../i18n/strings.ts";
import type { Outcome } from "../platform/context.ts";
import { type CommandContext, commandTexts, defineChatCommand, option } from "./define.ts";

const TEXTS = commandTexts("privacy");

export const command = defineChatCommand({
  texts: TEXTS,
  options: [option(TEXTS, "forget", { type: ApplicationCommandOptionType.Subcommand })],
  defer: "ephemeral",
  handle,
});

async function handle(
  interaction: ChatInputCommandInteraction,
  { settings, lang, reply }: CommandContext,
): Promise<Outcome> {
  // Votes are stored under a hash of the user id, which is all it takes to find them again.
  const deleted = settings.feedback.forget(interaction.user.id);
  await reply(strings(lang).forgotten(deleted));
  return { outcome: "privacy/forget" };
}
