/**
 * /privacy forget — deletes every 👍/👎 vote and correction of the user who asks, and the text of
 * every question of theirs that a server kept, in any server.
 */
import { ApplicationCommandOptionType } from "discord-api-types/v10";
import type { Lang } from "../../core/types.ts";
import { textsFor } from "../../text/index.ts";
import { type ChatHandler, commandTexts, defineChatCommand } from "./define.ts";

const TEXTS = commandTexts("privacy");

const handle: ChatHandler = async (interaction, { store, lang, reply }) => {
  // Votes and kept questions are stored under a hash of the user id, which is all it takes to
  // find them again.
  const { votes, questions } = await store.feedback.forget(interaction.userId);
  await reply(forgottenText(lang, votes, questions));
  return { outcome: "privacy/forget" };
};

/** What /privacy forget deleted: the votes (corrections included) and the kept question texts. */
export function forgottenText(lang: Lang, votes: number, questions: number): string {
  const { forgotten } = textsFor(lang).feedback;
  if (votes + questions === 0) return forgotten.nothing;
  const parts = [
    votes === 0 ? "" : forgotten.votes({ votes }),
    questions === 0 ? "" : forgotten.questions({ questions }),
  ];
  return forgotten.done({ list: parts.filter(Boolean).join(forgotten.separator) });
}

export const command = defineChatCommand({
  texts: TEXTS,
  options: [TEXTS.option("forget", { type: ApplicationCommandOptionType.Subcommand })],
  defer: "ephemeral",
  handle,
});
