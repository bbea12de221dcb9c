/**
 * The feedback pieces of an answer: the 👍/👎 row under a card, and the private "which passage
 * answers it?" menu a 👎 opens. Both carry the answer in their custom ids (custom-ids.ts).
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import type { Answer, Clause, Lang } from "../../core/types.ts";
import type { ShownAnswer } from "../../store/feedback.ts";
import { textsFor } from "../../text/index.ts";
import { encodeCustomId } from "./custom-ids.ts";
import { LIMITS, truncate } from "./limits.ts";

/** The value of the menu's last option: the text does not answer the question. */
export const NO_PASSAGE = "none";

/** What the buttons of `answer` (shown in reply to interaction `answerId`) carry. */
export function shownAnswer(
  answer: Extract<Answer, { kind: "clause" }>,
  answerId: string,
): ShownAnswer {
  return {
    id: answerId,
    clauseId: answer.clause.id,
    via: answer.via,
    confidence: answer.confidence,
    score: answer.score,
  };
}

/**
 * 👍 and 👎, secondary (grey) so that nothing on a public card hints at how anyone voted: votes
 * are acknowledged privately.
 */
export function feedbackRow(answer: ShownAnswer): APIActionRowComponent<APIButtonComponent> {
  const button = (vote: "up" | "down", emoji: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    emoji: { name: emoji },
    custom_id: encodeCustomId({ kind: "vote", vote, answer }),
  });
  return { type: ComponentType.ActionRow, components: [button("up", "👍"), button("down", "👎")] };
}

/**
 * Every clause of the declaration, then "none". The clauses are cut (never "none") should the text
 * ever have more than a select menu holds.
 */
export function correctionMenu(
  answer: ShownAnswer,
  clauses: readonly Clause[],
  lang: Lang,
): APIActionRowComponent<APIStringSelectComponent> {
  const s = textsFor(lang).feedback;
  const options = clauses.slice(0, LIMITS.selectOptions - 1).map((clause) => ({
    label: truncate(`${clause.label[lang]} — ${clause.title[lang]}`, LIMITS.selectLabel),
    value: clause.id as string,
  }));
  options.push({
    label: truncate(s.noPassage, LIMITS.selectLabel),
    value: NO_PASSAGE,
  });
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: encodeCustomId({ kind: "correct", answer }),
        placeholder: truncate(s.whichPassage, LIMITS.selectPlaceholder),
        min_values: 1,
        max_values: 1,
        options,
      },
    ],
  };
}
