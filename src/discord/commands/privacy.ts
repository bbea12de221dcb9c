/** /privacy forget — deletes every 👍/👎 vote and correction of the user who asks, in any server. */
import { ApplicationCommandOptionType } from "discord-api-types/v10";
import { strings } from "../i18n/strings.ts";
import { type ChatHandler, commandTexts, defineChatCommand } from "./define.ts";

const TEXTS = commandTexts("privacy");

const handle: ChatHandler = async (interaction, { store, lang, reply }) => {
  // Votes are stored under a hash of the user id, which is all it takes to find them again.
  const deleted = await store.feedback.forget(interaction.userId);
  await reply(strings(lang).forgotten(deleted));
  return { outcome: "privacy/forget" };
};

export const command = defineChatCommand({
  texts: TEXTS,
  options: [TEXTS.option("forget", { type: ApplicationCommandOptionType.Subcommand })],
  defer: "ephemeral",
  handle,
});
