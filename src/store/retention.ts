/**
 * FEEDBACK_RETENTION_DAYS in practice: feedback older than the retention period is deleted when the
 * bot starts and then once a day (by every replica: deleting what is already gone costs nothing).
 * The daily timer is unref'd: it never keeps a stopping process up.
 */
import type { Logger } from "../log.ts";
import type { FeedbackStore } from "./feedback.ts";

export const PRUNE_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Prunes now and every `intervalMs`; returns the function that stops the timer. */
export function enforceRetention(
  feedback: FeedbackStore,
  days: number,
  logger: Logger,
  intervalMs = PRUNE_INTERVAL_MS,
): () => void {
  const prune = async () => {
    try {
      const deleted = await feedback.prune(days);
      if (deleted.answers + deleted.votes > 0) {
        logger.info({ ...deleted, retentionDays: days }, "old feedback deleted");
      }
    } catch {
      // A failing database costs one day's pruning, never the bot (the store logged it).
    }
  };
  void prune();
  const timer = setInterval(prune, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
