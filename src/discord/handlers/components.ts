/**
 * Buttons and the clause menu. Their state is in the custom id (see custom-ids.ts).
 *
 * On a private (ephemeral) message the click updates it in place: that is the reader's own view. On a
 * public message the click answers privately instead, so one person's browsing never rewrites a card
 * the whole channel is reading.
 */
import { MessageFlags } from "discord-api-types/v10";
import { UserError } from "../../core/user-error.ts";
import type { ShownAnswer } from "../../store/feedback.ts";
import { textsFor } from "../../text/index.ts";
import { readerLang } from "../i18n/locale.ts";
import type { BotContext, Outcome } from "../interaction/context.ts";
import type { Interaction, MessageRow } from "../interaction/interaction.ts";
import { type DeferMode, respond, respondUpdate } from "../interaction/respond.ts";
import { cardPayload } from "../render/card.ts";
import { decodeCustomId, parseClauseId } from "../render/custom-ids.ts";
import { feedbackRow } from "../render/feedback.ts";
import { overviewPayload, pagePayload } from "../render/overview.ts";
import { ephemeralText, NO_MENTIONS } from "../render/payloads.ts";
import { isDiscordFailure } from "../rest/discord-errors.ts";
import { handleCorrection, handleVote } from "./feedback.ts";

export async function handleComponent(interaction: Interaction, ctx: BotContext): Promise<Outcome> {
  const { engine } = ctx;
  const lang = readerLang(interaction.locale);
  const outdated = () => new UserError({ id: "outdatedComponent" });
  const action = decodeCustomId(interaction.customId);
  if (!action) throw outdated();

  let payload: ReturnType<typeof cardPayload> | ReturnType<typeof pagePayload>;
  let outcome: Outcome;
  switch (action.kind) {
    case "clause":
    case "open": {
      const value = action.kind === "clause" ? action.clauseId : selectedValue(interaction);
      const clauseId = value === undefined ? null : parseClauseId(value);
      const clause = clauseId === null ? undefined : engine.clause(clauseId);
      if (!clause) throw outdated();
      payload = cardPayload(clause, { lang, ...engine.neighbours(clause.id) });
      outcome = { outcome: `component/${action.kind}`, clause: clause.id, score: 1 };
      break;
    }
    case "page":
      payload = pagePayload(engine.clauses, action.page, lang);
      outcome = { outcome: "component/page" };
      break;
    case "overview":
      payload = overviewPayload(engine.clauses, lang);
      outcome = { outcome: "component/overview" };
      break;
    case "vote":
      if (interaction.kind !== "button") throw outdated();
      return handleVote(interaction, action, ctx);
    case "correct":
      if (interaction.kind !== "select") throw outdated();
      return handleCorrection(interaction, action, ctx);
    case "post": {
      const clause = engine.clause(action.clauseId);
      if (!clause) throw outdated();
      // The channel can vote on the posted card as on the private one: the same answer.
      const shown = shownAnswerOn(interaction.messageRows);
      const card = cardPayload(clause, { lang, ...engine.neighbours(clause.id) });
      if (shown) card.components.push(feedbackRow(shown));
      const posted = await postToChannel(interaction, card, lang);
      return { outcome: `component/post${posted ? "" : "-refused"}`, clause: clause.id, score: 1 };
    }
    case "postOverview": {
      const posted = await postToChannel(interaction, overviewPayload(engine.clauses, lang), lang);
      return { outcome: `component/post-overview${posted ? "" : "-refused"}` };
    }
  }

  if (interaction.onEphemeralMessage) {
    // An update keeps whatever it leaves out: the hedge above a "closest" card must go.
    await respondUpdate(interaction, { content: "", ...payload, allowed_mentions: NO_MENTIONS });
  } else {
    await respond(interaction, {
      ...payload,
      flags: MessageFlags.Ephemeral,
      allowed_mentions: NO_MENTIONS,
    });
  }
  return outcome;
}

/**
 * Posts what a private message offered to the channel, as a new public message; only then does the
 * private message give way (so it is posted once, however often the button is clicked). If
 * Discord refuses the public message, the private one stays as it was. False when refused.
 */
async function postToChannel(
  interaction: Interaction,
  payload: ReturnType<typeof cardPayload> | ReturnType<typeof overviewPayload>,
  lang: ReturnType<typeof readerLang>,
): Promise<boolean> {
  if (!interaction.deferred && !interaction.replied) await interaction.deferUpdate();
  try {
    await interaction.followUp({ ...payload, allowed_mentions: NO_MENTIONS });
  } catch (error) {
    if (!isDiscordFailure(error)) throw error;
    await interaction.followUp(ephemeralText(textsFor(lang).card.cannotPost));
    return false;
  }
  await interaction.editReply({ content: textsFor(lang).card.posted, embeds: [], components: [] });
  return true;
}

function selectedValue(interaction: Interaction) {
  return interaction.kind === "select" ? interaction.values[0] : undefined;
}

/**
 * How a late click is acknowledged, the way it will be answered: a vote always gets a private
 * reply of its own (never an update of the card it sits on); other components on a private message
 * update it in place, on a public one answer privately.
 */
export function componentDeferMode(interaction: Interaction): DeferMode {
  if (decodeCustomId(interaction.customId)?.kind === "vote") return "ephemeral";
  return interaction.onEphemeralMessage ? "update" : "ephemeral";
}

/** The answer whose 👍/👎 row a message carries (its component rows), if any. */
function shownAnswerOn(rows: readonly MessageRow[]): ShownAnswer | null {
  for (const row of rows) {
    const components = Array.isArray(row?.components) ? row.components : [];
    for (const component of components as { custom_id?: unknown }[]) {
      const id = typeof component?.custom_id === "string" ? component.custom_id : null;
      const action = id ? decodeCustomId(id) : null;
      if (action?.kind === "vote") return action.answer;
    }
  }
  return null;
}
