/** /verify quote — checks a quotation against the declaration, privately. */
import { ApplicationCommandOptionType } from "discord-api-types/v10";
import { checkText, MAX_QUOTED } from "../../core/quote-check.ts";
import { strings } from "../i18n/strings.ts";
import type { Outcome } from "../platform/context.ts";
import { ReplyableError } from "../platform/errors.ts";
import { cleanInput } from "../platform/sanitize.ts";
import { quoteCheckEmbeds } from "../render/quote-check.ts";
import {
  type ChatHandler,
  type CommandContext,
  commandTexts,
  defineChatCommand,
} from "./define.ts";

const TEXTS = commandTexts("verify");

/**
 * The most a /verify text (or a message given to "Check quote") may hold: Discord's most for a
 * string option. It may hold several quotations and the words around them; each quotation is
 * checked up to QUOTE_MAX_CHARS, as in chat.
 */
export const VERIFY_TEXT_MAX = 6000;

const handle: ChatHandler = async (interaction, ctx) =>
  replyWithChecks(
    cleanInput(String(interaction.options.value(TEXTS.optionName.quote) ?? ""), VERIFY_TEXT_MAX),
    ctx,
  );

/** The checks of the quotations in `text` (or of the whole text), privately; "Check quote" too. */
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

export const command = defineChatCommand({
  texts: TEXTS,
  options: [
    TEXTS.option("quote", {
      type: ApplicationCommandOptionType.String,
      required: true,
      max_length: VERIFY_TEXT_MAX,
    }),
  ],
  defer: "ephemeral",
  handle,
});
