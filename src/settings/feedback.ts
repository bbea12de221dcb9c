/**
 * Feedback from the people asking, in the settings database: 👍/👎 votes and corrections on answers,
 * and a note of every answer the bot could not give with confidence (nothing found, or only a
 * closest passage), so maintainers see what the text, or the bot, fails to answer.
 *
 * Privacy by default: a user id is stored only as an HMAC under this installation's salt (salt.ts);
 * the question's text only when the server turned it on or the operator set LOG_QUESTIONS; every
 * row is deleted after the retention period. Writes are bounded: one vote row per user and answer
 * (a second click changes it), and an answer note per answered command, which is rate-limited.
 */
import type Database from "better-sqlite3";
import { CLAUSE_ORDER } from "../core/declaration.ts";
import type { ClauseId, Lang } from "../core/types.ts";
import {
  buildReport,
  type FeedbackReport,
  type KeptQuestion,
  keptQuestions,
} from "./feedback-report.ts";
import { hashUserId } from "./salt.ts";

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
  /** "none", "clause/search", "clause/reference". */
  kind: string;
  confidence: "answer" | "closest" | "none";
  clauseId: ClauseId | null;
  score: number | null;
  lang: Lang;
  /** Only when the server or the operator chose to keep questions; null otherwise. */
  question: string | null;
}

export interface Voter {
  guildId: string | null;
  userId: string;
}

export interface FeedbackStore {
  noteAnswer(note: AnswerNote, now?: number): void;
  /** Records or changes `voter`'s vote on `answer`; returns their previous vote, if any. */
  vote(answer: ShownAnswer, voter: Voter, vote: Vote, now?: number): Vote | null;
  /** Records the passage `voter` says answers the question (a 👎 with a correction). */
  correct(answer: ShownAnswer, voter: Voter, chosen: Correction, now?: number): void;
  /** Deletes every vote of `userId`; returns how many there were. */
  forget(userId: string): number;
  /** Deletes the question texts kept for `guildId` (the rows stay, without text); returns how many. */
  forgetQuestions(guildId: string): number;
  /** Deletes rows older than `days` days; returns how many of each kind went. */
  prune(days: number, now?: number): { answers: number; votes: number };
  report(): FeedbackReport;
  keptQuestions(): KeptQuestion[];
}

export const FEEDBACK_SCHEMA = `
  CREATE TABLE IF NOT EXISTS feedback_answers (
    answer_id  TEXT PRIMARY KEY,
    guild_id   TEXT,
    kind       TEXT NOT NULL,
    confidence TEXT NOT NULL,
    clause     TEXT,
    score      REAL,
    lang       TEXT NOT NULL,
    question   TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS feedback_answers_time ON feedback_answers (created_at);
  CREATE TABLE IF NOT EXISTS feedback_votes (
    answer_id  TEXT NOT NULL,
    user_hash  TEXT NOT NULL,
    guild_id   TEXT,
    kind       TEXT NOT NULL,
    confidence TEXT NOT NULL,
    clause     TEXT NOT NULL,
    score      REAL,
    vote       TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    chosen     TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (answer_id, user_hash)
  );
  CREATE INDEX IF NOT EXISTS feedback_votes_time ON feedback_votes (created_at);
  CREATE INDEX IF NOT EXISTS feedback_votes_user ON feedback_votes (user_hash);
`;

/** Longest piece of user text kept anywhere: a stored question, or a log line (LOG_QUESTIONS). */
export const KEPT_TEXT_MAX = 500;

const DAY_MS = 24 * 60 * 60 * 1000;

export function openFeedbackStore(db: Database.Database, salt: string): FeedbackStore {
  const insertNote = db.prepare(
    `INSERT OR IGNORE INTO feedback_answers
       (answer_id, guild_id, kind, confidence, clause, score, lang, question, created_at)
     VALUES (@answerId, @guildId, @kind, @confidence, @clauseId, @score, @lang, @question, @now)`,
  );
  const selectVote = db.prepare<[string, string], { vote: Vote }>(
    "SELECT vote FROM feedback_votes WHERE answer_id = ? AND user_hash = ?",
  );
  // A 👍 after a 👎 takes the correction back; a second 👎 keeps it (the menu can change it).
  const upsertVote = db.prepare(
    `INSERT INTO feedback_votes
       (answer_id, user_hash, guild_id, kind, confidence, clause, score, vote, chosen, created_at)
     VALUES (@id, @userHash, @guildId, @kind, @confidence, @clauseId, @score, @vote, @chosen, @now)
     ON CONFLICT (answer_id, user_hash) DO UPDATE SET
       vote = excluded.vote,
       chosen = CASE WHEN excluded.vote = 'up' THEN NULL
                     ELSE coalesce(excluded.chosen, feedback_votes.chosen) END,
       created_at = excluded.created_at`,
  );
  const clearQuestionsOf = db.prepare<[string]>(
    "UPDATE feedback_answers SET question = NULL WHERE guild_id = ? AND question IS NOT NULL",
  );
  const deleteVotesOf = db.prepare<[string]>("DELETE FROM feedback_votes WHERE user_hash = ?");
  const pruneAnswers = db.prepare<[number]>("DELETE FROM feedback_answers WHERE created_at < ?");
  const pruneVotes = db.prepare<[number]>("DELETE FROM feedback_votes WHERE created_at < ?");

  const row = (
    answer: ShownAnswer,
    voter: Voter,
    vote: Vote,
    chosen: Correction | null,
    now: number,
  ) => ({
    id: answer.id,
    userHash: hashUserId(salt, voter.userId),
    guildId: voter.guildId,
    kind: `clause/${answer.via}`,
    confidence: answer.confidence,
    clauseId: answer.clauseId,
    score: answer.score,
    vote,
    chosen,
    now,
  });

  const vote = db.transaction(
    (answer: ShownAnswer, voter: Voter, value: Vote, now: number): Vote | null => {
      const previous = selectVote.get(answer.id, hashUserId(salt, voter.userId))?.vote ?? null;
      upsertVote.run(row(answer, voter, value, null, now));
      return previous;
    },
  );

  return {
    noteAnswer(note, now = Date.now()) {
      insertNote.run({ ...note, question: note.question?.slice(0, KEPT_TEXT_MAX) ?? null, now });
    },
    vote(answer, voter, value, now = Date.now()) {
      return vote(answer, voter, value, now);
    },
    correct(answer, voter, chosen, now = Date.now()) {
      upsertVote.run(row(answer, voter, "down", chosen, now));
    },
    forget(userId) {
      return deleteVotesOf.run(hashUserId(salt, userId)).changes;
    },
    forgetQuestions(guildId) {
      return clearQuestionsOf.run(guildId).changes;
    },
    prune(days, now = Date.now()) {
      const before = now - days * DAY_MS;
      return { answers: pruneAnswers.run(before).changes, votes: pruneVotes.run(before).changes };
    },
    report() {
      return buildReport(db);
    },
    keptQuestions() {
      return keptQuestions(db);
    },
  };
}
