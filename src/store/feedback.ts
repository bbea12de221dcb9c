/**
 * Feedback from the people asking, in the settings database: 👍/👎 votes and corrections on answers,
 * and a note of every answer the bot could not give with confidence (nothing found, or only a
 * closest passage), so maintainers see what the text, or the bot, fails to answer.
 *
 * Privacy by default: a user id is stored only as an HMAC under this installation's salt (salt.ts);
 * the question's text only when the server turned it on or the operator set LOG_QUESTIONS, and then
 * with its asker's HMAC, so that /privacy forget deletes it with the votes; every row is deleted
 * after the retention period, and what is deleted is no longer kept in SQLite's files
 * (no table of the bot's keeps it in PostgreSQL, whose own files hold it until vacuumed).
 * Writes are bounded: one vote row per user and answer (a second click changes it, in one
 * statement, so that clicks landing on two replicas at once cannot collide), and an answer note per
 * answered command, which is rate-limited.
 */

import { type Kysely, sql } from "kysely";
import { CLAUSE_ORDER } from "../core/declaration.ts";
import type { ClauseId, Lang } from "../core/types.ts";
import type { Connection } from "./connection.ts";
import { StoreWriteFailed } from "./errors.ts";
import {
  buildReport,
  type FeedbackReport,
  type KeptQuestion,
  keptQuestions,
} from "./feedback-report.ts";
import { hashUserId } from "./salt.ts";
import type { Tables } from "./schema.ts";

/** The answer a vote is about, as its buttons carry it (so votes work after a restart). */
export interface ShownAnswer {
  /** The id of the interaction that produced the answer: one answer, wherever it is shown. */
  id: string;
  clauseId: ClauseId;
  via: "reference" | "search";
  confidence: "answer" | "closest";
  score: number;
}

export type Vote = "up" | "down";
/** The passage a user says answers the question; "none": the text does not answer it. */
export type Correction = ClauseId | "none";

export const CORRECTIONS: readonly Correction[] = [...CLAUSE_ORDER, "none"];

/** An answer worth remembering: unanswered, a closest passage, or any answer whose text is kept. */
export interface AnswerNote {
  answerId: string;
  guildId: string | null;
  /** "none", "clause/search", "clause/reference", "overview" (offered as the closest thing). */
  kind: string;
  confidence: "answer" | "closest" | "none";
  clauseId: ClauseId | null;
  score: number | null;
  lang: Lang;
  /** Only when the server or the operator chose to keep questions; null otherwise. */
  question: string | null;
  /** Who asked: kept (hashed) only with the question's text, for /privacy forget. */
  askerId: string;
}

/** What /privacy forget deleted: votes (corrections included), and question texts. */
export interface Forgotten {
  votes: number;
  questions: number;
}

export interface Voter {
  guildId: string | null;
  userId: string;
}

export interface FeedbackStore {
  noteAnswer(note: AnswerNote, now?: number): Promise<void>;
  /** Records or changes `voter`'s vote on `answer`; returns their previous vote, if any. */
  vote(answer: ShownAnswer, voter: Voter, vote: Vote, now?: number): Promise<Vote | null>;
  /** Records the passage `voter` says answers the question (a 👎 with a correction). */
  correct(answer: ShownAnswer, voter: Voter, chosen: Correction, now?: number): Promise<void>;
  /** Deletes every vote of `userId` and the text of every question they asked; says how many. */
  forget(userId: string): Promise<Forgotten>;
  /** Deletes rows older than `days` days; returns how many of each kind went. */
  prune(days: number, now?: number): Promise<{ answers: number; votes: number }>;
  report(): Promise<FeedbackReport>;
  keptQuestions(): Promise<KeptQuestion[]>;
}

/** Longest piece of user text kept anywhere: a stored question, or a log line (LOG_QUESTIONS). */
export const KEPT_TEXT_MAX = 500;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes the question texts kept for `guildId` (the rows stay); returns how many. */
export async function clearQuestionTexts(db: Kysely<Tables>, guildId: string): Promise<number> {
  const result = await db
    .updateTable("feedback_answers")
    .set({ question: null, asker_hash: null })
    .where("guild_id", "=", guildId)
    .where("question", "is not", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface FeedbackHooks {
  /** A write that failed, for the logs and metrics (it is also thrown as StoreWriteFailed). */
  onError?(operation: string, error: unknown): void;
}

/**
 * One statement whatever the vote: a new row, or the row changed with its old vote kept in
 * `previous_vote` and returned. A 👍 after a 👎 takes the correction back; a second 👎 keeps it
 * (the menu can change it).
 */
function upsertVote(
  conn: Connection,
  salt: string,
  given: { answer: ShownAnswer; voter: Voter; vote: Vote; chosen: Correction | null; now: number },
) {
  const { answer, voter, vote, chosen, now } = given;
  return conn.db
    .insertInto("feedback_votes")
    .values({
      answer_id: answer.id,
      user_hash: hashUserId(salt, voter.userId),
      guild_id: voter.guildId,
      kind: `clause/${answer.via}`,
      confidence: answer.confidence,
      clause: answer.clauseId,
      score: answer.score,
      vote,
      chosen,
      previous_vote: null,
      created_at: now,
    })
    .onConflict((oc) =>
      oc.columns(["answer_id", "user_hash"]).doUpdateSet((eb) => ({
        previous_vote: eb.ref("feedback_votes.vote"),
        vote: eb.ref("excluded.vote"),
        chosen: sql<string | null>`CASE WHEN excluded.vote = 'up' THEN NULL
          ELSE coalesce(excluded.chosen, feedback_votes.chosen) END`,
        created_at: eb.ref("excluded.created_at"),
      })),
    )
    .returning("previous_vote")
    .executeTakeFirst();
}

/** One transaction: a user told "done" has nothing of theirs left, not half of it. */
function forgetUser(conn: Connection, hash: string) {
  return conn.db.transaction().execute(async (trx) => {
    const votes = await trx
      .deleteFrom("feedback_votes")
      .where("user_hash", "=", hash)
      .executeTakeFirst();
    const questions = await trx
      .updateTable("feedback_answers")
      .set({ question: null, asker_hash: null })
      .where("asker_hash", "=", hash)
      .executeTakeFirst();
    return { votes: Number(votes.numDeletedRows), questions: Number(questions.numUpdatedRows) };
  });
}

export function openFeedback(
  conn: Connection,
  salt: string,
  hooks: FeedbackHooks = {},
): FeedbackStore {
  const { db } = conn;

  const write = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      hooks.onError?.(operation, error);
      throw new StoreWriteFailed(operation, { cause: error });
    }
  };

  return {
    async noteAnswer(note, now = Date.now()) {
      const question = note.question?.slice(0, KEPT_TEXT_MAX) ?? null;
      await write("answer note", () =>
        db
          .insertInto("feedback_answers")
          .values({
            answer_id: note.answerId,
            guild_id: note.guildId,
            kind: note.kind,
            confidence: note.confidence,
            clause: note.clauseId,
            score: note.score,
            lang: note.lang,
            question,
            asker_hash: question === null ? null : hashUserId(salt, note.askerId),
            created_at: now,
          })
          .onConflict((oc) => oc.column("answer_id").doNothing())
          .execute(),
      );
    },
    async vote(answer, voter, value, now = Date.now()) {
      const row = await write("vote", () =>
        upsertVote(conn, salt, { answer, voter, vote: value, chosen: null, now }),
      );
      const previous = row?.previous_vote;
      return previous === "up" || previous === "down" ? previous : null;
    },
    async correct(answer, voter, chosen, now = Date.now()) {
      await write("correction", () =>
        upsertVote(conn, salt, { answer, voter, vote: "down", chosen, now }),
      );
    },
    async forget(userId) {
      const hash = hashUserId(salt, userId);
      const forgotten = await write("forget", () => forgetUser(conn, hash));
      if (forgotten.votes + forgotten.questions > 0) conn.afterDelete();
      return forgotten;
    },
    async prune(days, now = Date.now()) {
      const before = now - days * DAY_MS;
      const answers = Number(
        (
          await write("prune", () =>
            db.deleteFrom("feedback_answers").where("created_at", "<", before).executeTakeFirst(),
          )
        ).numDeletedRows,
      );
      const votes = Number(
        (
          await write("prune", () =>
            db.deleteFrom("feedback_votes").where("created_at", "<", before).executeTakeFirst(),
          )
        ).numDeletedRows,
      );
      if (answers + votes > 0) conn.afterDelete();
      return { answers, votes };
    },
    report() {
      return buildReport(conn);
    },
    keptQuestions() {
      return keptQuestions(conn);
    },
  };
}
