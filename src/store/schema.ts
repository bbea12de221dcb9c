/**
 * The tables of the store, as Kysely sees them: one description for both engines. Times are
 * milliseconds since the epoch (BIGINT), on/off settings 0/1 integers, so that a row reads the
 * same from SQLite and PostgreSQL and `npm run migrate` copies it as it is.
 */
import type { ColumnType, Generated } from "kysely";

/** A BIGINT: PostgreSQL's driver would return a string; the pool parses it (postgres.ts). */
type Millis = ColumnType<number, number, number>;

export interface GuildSettingsTable {
  guild_id: string;
  language: string | null;
  quoting: Generated<number>;
  quote_check: Generated<number>;
  feedback_text: Generated<number>;
}

export interface QaChannelsTable {
  guild_id: string;
  channel_id: string;
  /** 1, 2, 3… per server in the order the channels were added, for the list /settings shows. */
  position: number;
}

export interface FeedbackAnswersTable {
  answer_id: string;
  guild_id: string | null;
  kind: string;
  confidence: string;
  clause: string | null;
  score: number | null;
  lang: string;
  question: string | null;
  /** Who asked, hashed as votes are: only beside a kept question, so /privacy forget finds it. */
  asker_hash: string | null;
  created_at: Millis;
}

export interface FeedbackVotesTable {
  answer_id: string;
  user_hash: string;
  guild_id: string | null;
  kind: string;
  confidence: string;
  clause: string;
  score: number | null;
  vote: string;
  chosen: string | null;
  /** The vote this row had before its last change, so one statement can say what changed. */
  previous_vote: string | null;
  created_at: Millis;
}

export interface SeenInteractionsTable {
  interaction_id: string;
  expires_at: Millis;
}

/** Facts about this installation that every replica must share (the user-id salt). */
export interface InstallationTable {
  key: string;
  value: string;
}

export interface Tables {
  guild_settings: GuildSettingsTable;
  qa_channels: QaChannelsTable;
  feedback_answers: FeedbackAnswersTable;
  feedback_votes: FeedbackVotesTable;
  seen_interactions: SeenInteractionsTable;
  installation: InstallationTable;
}
