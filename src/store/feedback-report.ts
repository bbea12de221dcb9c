/**
 * What the feedback tables say, on either engine, for maintainers (`npm run review`): votes overall and per clause,
 * the corrections (the clause shown → the one people chose), unanswered and closest answers per day,
 * and, where servers kept the text, the questions behind them, exportable as an evaluation batch.
 */
import { type RawBuilder, sql } from "kysely";
import { CLAUSE_ORDER } from "../core/declaration.ts";
import type { Question } from "../core/questions.ts";
import type { ClauseId, Lang } from "../core/types.ts";
import type { Connection } from "./connection.ts";

export interface FeedbackReport {
  votes: { up: number; down: number };
  /** Votes on answers showing each clause, in reading order. */
  perClause: { clause: string; up: number; down: number }[];
  /** Most frequent first; `expected` is a clause id or "none" (the text does not answer it). */
  corrections: { answered: string; expected: string; count: number }[];
  unanswered: number;
  closest: number;
  /** UTC days with at least one unanswered or closest answer, oldest first. */
  perDay: { day: string; unanswered: number; closest: number }[];
  /** Only questions whose text was kept; the most frequent first. */
  questions: {
    unanswered: { question: string; count: number }[];
    corrected: { question: string; answered: string; expected: string; count: number }[];
  };
}

export type KeptQuestion = Question;

/** How many questions of each list the report shows. */
export const REPORT_TOP = 20;

const clauseOrder = (id: string) => {
  const i = (CLAUSE_ORDER as readonly string[]).indexOf(id);
  return i < 0 ? CLAUSE_ORDER.length : i;
};

/** A row's UTC day, YYYY-MM-DD, in each engine's own words. */
function dayOf(conn: Connection) {
  return conn.engine === "sqlite"
    ? sql`date(created_at / 1000, 'unixepoch')`
    : sql`to_char(to_timestamp(created_at / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
}

async function rows<T>(conn: Connection, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(conn.db)).rows;
}

export async function buildReport(conn: Connection): Promise<FeedbackReport> {
  const votes = { up: 0, down: 0 };
  for (const r of await rows(
    conn,
    sql<{ vote: "up" | "down"; n: number }>`
      SELECT vote, count(*) AS n FROM feedback_votes GROUP BY vote`,
  )) {
    votes[r.vote] = Number(r.n);
  }
  const perClause = (
    await rows(
      conn,
      sql<{ clause: string; up: number; down: number }>`
        SELECT clause, count(*) FILTER (WHERE vote = 'up') AS up,
               count(*) FILTER (WHERE vote = 'down') AS down
        FROM feedback_votes GROUP BY clause`,
    )
  )
    .map((r) => ({ clause: r.clause, up: Number(r.up), down: Number(r.down) }))
    .sort((a, b) => clauseOrder(a.clause) - clauseOrder(b.clause));
  const corrections = (
    await rows(
      conn,
      sql<{ answered: string; expected: string; count: number }>`
        SELECT clause AS answered, chosen AS expected, count(*) AS count
        FROM feedback_votes WHERE chosen IS NOT NULL
        GROUP BY clause, chosen ORDER BY count(*) DESC, clause, chosen`,
    )
  ).map((r) => ({ ...r, count: Number(r.count) }));
  const [tiers] = await rows(
    conn,
    sql<{ unanswered: number; closest: number }>`
      SELECT count(*) FILTER (WHERE confidence = 'none') AS unanswered,
             count(*) FILTER (WHERE confidence = 'closest') AS closest
      FROM feedback_answers`,
  );
  const day = dayOf(conn);
  const perDay = (
    await rows(
      conn,
      sql<{ day: string; unanswered: number; closest: number }>`
        SELECT ${day} AS day,
               count(*) FILTER (WHERE confidence = 'none') AS unanswered,
               count(*) FILTER (WHERE confidence = 'closest') AS closest
        FROM feedback_answers WHERE confidence IN ('none', 'closest')
        GROUP BY ${day} ORDER BY ${day}`,
    )
  ).map((r) => ({ day: r.day, unanswered: Number(r.unanswered), closest: Number(r.closest) }));
  const unansweredQuestions = (
    await rows(
      conn,
      sql<{ question: string; count: number }>`
        SELECT min(question) AS question, count(*) AS count FROM feedback_answers
        WHERE confidence = 'none' AND question IS NOT NULL
        GROUP BY lower(trim(question)) ORDER BY count(*) DESC, min(question) LIMIT ${REPORT_TOP}`,
    )
  ).map((r) => ({ question: r.question, count: Number(r.count) }));
  const correctedQuestions = (
    await rows(
      conn,
      sql<{ question: string; answered: string; expected: string; count: number }>`
        SELECT min(a.question) AS question, v.clause AS answered, v.chosen AS expected,
               count(*) AS count
        FROM feedback_votes v JOIN feedback_answers a USING (answer_id)
        WHERE v.chosen IS NOT NULL AND a.question IS NOT NULL
        GROUP BY lower(trim(a.question)), v.clause, v.chosen
        ORDER BY count(*) DESC, min(a.question) LIMIT ${REPORT_TOP}`,
    )
  ).map((r) => ({ ...r, count: Number(r.count) }));
  return {
    votes,
    perClause,
    corrections,
    unanswered: Number(tiers?.unanswered ?? 0),
    closest: Number(tiers?.closest ?? 0),
    perDay,
    questions: { unanswered: unansweredQuestions, corrected: correctedQuestions },
  };
}

interface KeptRow {
  question: string;
  lang: Lang;
  confidence: "answer" | "closest" | "none";
  clause: ClauseId | null;
  vote: "up" | "down" | null;
  chosen: string | null;
}

/**
 * The kept questions with a verdict, in the evaluation question-set format (data/eval/README.md),
 * each once: `expect` from the correction people made most often ([] for "none"); else the clause
 * shown when it was voted 👍 and never 👎; else [] for a question nothing answered. A closest
 * passage or a 👎 without a correction says nothing certain and is left out. `kind` names where
 * the verdict came from, for the maintainer who curates the batch.
 */
export async function keptQuestions(conn: Connection): Promise<KeptQuestion[]> {
  const kept = await rows(
    conn,
    sql<KeptRow>`
      SELECT a.question, a.lang, a.confidence, a.clause, v.vote, v.chosen
      FROM feedback_answers a LEFT JOIN feedback_votes v USING (answer_id)
      WHERE a.question IS NOT NULL ORDER BY a.created_at, a.answer_id`,
  );
  const byText = new Map<
    string,
    {
      q: string;
      lang: Lang;
      chosen: Map<string, number>;
      up: Set<string>;
      down: boolean;
      none: boolean;
    }
  >();
  for (const row of kept) {
    const key = row.question.trim().toLowerCase();
    let entry = byText.get(key);
    if (!entry) {
      entry = {
        q: row.question.trim(),
        lang: row.lang,
        chosen: new Map(),
        up: new Set(),
        down: false,
        none: false,
      };
      byText.set(key, entry);
    }
    if (row.confidence === "none") entry.none = true;
    if (row.vote === "down") entry.down = true;
    if (row.vote === "up" && row.clause) entry.up.add(row.clause);
    if (row.chosen) entry.chosen.set(row.chosen, (entry.chosen.get(row.chosen) ?? 0) + 1);
  }
  const out: Omit<KeptQuestion, "id">[] = [];
  for (const entry of byText.values()) {
    const { q, lang } = entry;
    if (entry.chosen.size > 0) {
      const [best] = [...entry.chosen].sort((a, b) => b[1] - a[1])[0] ?? ["none"];
      out.push({
        lang,
        q,
        expect: best === "none" ? [] : [best as ClauseId],
        kind: "feedback-correction",
      });
    } else if (entry.up.size > 0 && !entry.down) {
      out.push({ lang, q, expect: [...entry.up] as ClauseId[], kind: "feedback-confirmed" });
    } else if (entry.none && !entry.down) {
      out.push({ lang, q, expect: [], kind: "feedback-unanswered" });
    }
  }
  const width = Math.max(3, String(out.length).length);
  return out.map((q, i) => ({ id: `fb-${String(i + 1).padStart(width, "0")}`, ...q }));
}
