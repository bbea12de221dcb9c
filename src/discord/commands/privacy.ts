/**
 * /privacy forget — deletes every 👍/👎 vote and correction of the user who asks, and the text of
 * every question of theirs that a server kept, in any server.
 */
import { ApplicationCommandOptionType } from "discord-api-types/v10";
import { strings } from "../i18n/strings.ts";
import { type ChatHandler, commandTexts, defineChatCommand } from "./define.ts";

const TEXTS = commandTexts("privacy");

const handle: ChatHandler = async (interaction, { store, lang, reply }) => {
  // Votes and kept questions are stored under a hash of the user id, which is all it takes to
  // find them again.
  const { votes, questions } = await store.feedback.forget(interaction.userId);
  await reply(strings(lang).forgotten(votes, questions));
  return { outcome: "privacy/forget" };
};

export const command = defineChatCommand({
  texts: TEXTS,
  options: [TEXTS.option("forget", { type: ApplicationCommandOptionType.Subcommand })],
  defer: "ephemeral",
  handle,
});
