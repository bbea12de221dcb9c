/**
 * What the bot says about what it keeps and what it reads, in /help and /settings show: the
 * feedback kept (the server's choice, the operator's retention) and the Message Content intent.
 */
import type { Lang } from "../../core/types.ts";
import { textsFor } from "../../text/index.ts";
import type { ContentAccess } from "../interaction/context.ts";

/** What feedback is kept where the help is read (the server's choice, the operator's retention). */
export interface FeedbackPolicy {
  textKept: boolean;
  days: number;
}

export function feedbackKeptText(lang: Lang, { textKept, days }: FeedbackPolicy): string {
  const { feedback } = textsFor(lang);
  const questionText = textKept ? feedback.textKept : feedback.textNotKept;
  return feedback.kept({ questionText, days });
}

/** Why the bot does not read chat, and what works all the same. */
export function contentOffText(lang: Lang, why: NonNullable<ContentAccess["why"]>): string {
  const { content } = textsFor(lang);
  if (why === "no-gateway") return content.noGateway;
  return content.off({ why: why === "off" ? content.byOperator : content.refused });
}
