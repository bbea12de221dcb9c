/**
 * /declaration — overview, a menu to open any clause, and the whole text page by page. Answered
 * privately: paging is personal reading, and updating an ephemeral message disturbs nobody.
 */
import type { ChatInputCommandInteraction } from "discord.js";
import type { Outcome } from "../platform/context.ts";
import { overviewPayload } from "../render/overview.ts";
import { type CommandContext, commandTexts, defineChatCommand } from "./define.ts";

export const command = defineChatCommand({
  texts: commandTexts("declaration"),
  defer: "ephemeral",
  handle,
});

async function handle(
  _interaction: ChatInputCommandInteraction,
  { engine, lang, reply }: CommandContext,
): Promise<Outcome> {
  await reply(overviewPayload(engine.clauses, lang), { privately: true });
  return { outcome: "overview" };
}
