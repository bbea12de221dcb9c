/** /verify quote — checks a quotation against the declaration, privately. */
import { ApplicationCommandOptionType } from "discord-api-types/v10";
import { MAX_QUOTED } from "../../core/quote-limits.ts";
import { UserError } from "../../core/user-error.ts";
import type { Outcome } from "../interaction/context.ts";
import { cleanInput } from "../interaction/sanitize.ts";
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

/**
 * The quote checker and its renderer, loaded on first use: their libraries and tables (the diff
 * and approximate-matching libraries, unhomoglyph's look-alike table) cost a few MB of memory that
 * a bot whose users never check a quote need not hold. Chat loads them at once (handlers/chat.ts).
 */
const quoteChecking = async () => {
  const [core, render] = await Promise.all([
    import("../../core/quote/check.ts"),
    import("../render/quote-check.ts"),
  ]);
  return { checkText: core.checkText, quoteCheckEmbeds: render.quoteCheckEmbeds };
};

/** The checks of the quotations in `text` (or of the whole text), privately; "Check quote" too. */
export async function replyWithChecks(
  text: string,
  { lang, reply }: CommandContext,
): Promise<Outcome> {
  if (text === "") throw new UserError({ id: "emptyMessage" });
  const { checkText, quoteCheckEmbeds } = await quoteChecking();
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
