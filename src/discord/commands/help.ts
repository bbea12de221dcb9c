import { helpEmbed } from "../render/help-embed.ts";
import { type ChatHandler, commandTexts, defineChatCommand } from "./define.ts";

const handle: ChatHandler = async (_interaction, { lang, reply }) => {
  await reply({ embeds: [helpEmbed(lang)] }, { privately: true });
  return { outcome: "help" };
};

export const command = defineChatCommand({
  texts: commandTexts("help"),
  defer: "ephemeral",
  handle,
});
