/** /verify quote — checks a quotation against the declaration, privately. */
import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { checkText, QUOTE_MAX_CHARS } from "../../core/quote-check.ts";
import { MAX_QUOTED } from "../handlers/chat.ts";
import { strings } from "../i18n/strings.ts";
import type { Outcome } from "../platform/context.ts";
import { ReplyableError } from "../platform/errors.ts";
import { cleanInput } from "../platform/sanitize.ts";
import { quoteCheckEmbeds } from "../render/quote-check.ts";
import {
  type CommandContext,
  commandTexts,
  defineChatCommand,
  option,
  optionNames,
} from "./define.ts";

const TEXTS = commandTexts("verify");
const OPTION = optionNames(TEXTS);

export const command = defineChatCommand({
  texts: TEXTS,
  options: [
    option(TEXTS, "quote", {
      type: ApplicationCommandOptionType.String,
      required: true,
      max_length: QUOTE_MAX_CHARS,
    }),
  ],
  defer: "ephemeral",
  handle,
});

async function handle(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<Outcome> {
  const text = cleanInput(
    String(interaction.options.get(OPTION.quote)?.value ?? ""),
    QUOTE_MAX_CHARS,
  );
  return replyWithChecks(text, ctx);
}

/** The checks of the quotations in `text` (or of the whole text), privately; shared with "Check quote". */
export async function replyWithChecks(
  text: string,
  { lang, reply }: CommandContext,
): Promise<Outcome> {
  if (text === "") throw new ReplyableError(strings(lang).emptyMessage, "empty-message");
  const reports = checkText(text, MAX_QUOTED);
  await reply({ embeds: quoteCheckEmbeds(reports, lang) }, { privately: true });
  const first = reports[0];
  return {
    outcome: `quote-check/${first?.verdict ?? "none"}`,
    ...(first?.clause && { clause: first.clause }),
    question: text,
  };
}
