/**
 * /declaration — overview, a menu to open any clause, and the whole text page by page. Answered
 * privately: paging is personal reading, and updating an ephemeral message disturbs nobody.
 */
import { overviewPayload } from "../render/overview.ts";
import { type ChatHandler, commandTexts, defineChatCommand } from "./define.ts";

const handle: ChatHandler = async (_interaction, { engine, lang, reply }) => {
  await reply(overviewPayload(engine.clauses, lang), { privately: true });
  return { outcome: "overview" };
};

export const command = defineChatCommand({
  texts: commandTexts("declaration"),
  defer: "ephemeral",
  handle,
});
