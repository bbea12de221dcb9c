/**
 * What the feedback tables say, for maintainers (`npm run review`): votes overall and per clause,
 * the corrections (the clause shown → the one people chose), unanswered and closest answers per day,
 * and, where servers kept the text, the questions behind them, exportable as an evaluation batch.
 */
import type Database from "better-sqlite3";
import { CLAUSE_ORDER } from "../core/declaration.ts";
import type { Question } from "../core/questions.ts";
import type { ClauseId, Lang } from "../core/types.ts";

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

export function buildReport(db: Database.Database): FeedbackReport {
  const votes = { up: 0, down: 0 };
  for (const r of db
    .prepare<[], { vote: "up" | "down"; n: number }>(
      "SELECT vote, count(*) AS n FROM feedback_votes GROUP BY vote",
    )
    .all()) {
    votes[r.vote] = r.n;
  }
  const perClause = db
    .prepare<[], { clause: string; up: number; down: number }>(
      `SELECT clause, sum(vote = 'up') AS up, sum(vote = 'down') AS down
       FROM feedback_votes GROUP BY clause`,
    )
    .all()
    .sort((a, b) => clauseOrder(a.clause) - clauseOrder(b.clause));
  const corrections = db
    .prepare<[], { answered: string; expected: string; count: number }>(
      `SELECT clause AS answered, chosen AS expected, count(*) AS count
       FROM feedback_votes WHERE chosen IS NOT NULL
       GROUP BY clause, chosen ORDER BY count DESC, clause, chosen`,
    )
    .all();
  const tiers = db
    .prepare<[], { unanswered: number; closest: number }>(
      `SELECT coalesce(sum(confidence = 'none'), 0) AS unanswered,
              coalesce(sum(confidence = 'closest'), 0) AS closest
       FROM feedback_answers`,
    )
    .get() ?? { unanswered: 0, closest: 0 };
  const perDay = db
    .prepare<[], { day: string; unanswered: number; closest: number }>(
      `SELECT date(created_at / 1000, 'unixepoch') AS day,
              sum(confidence = 'none') AS unanswered, sum(confidence = 'closest') AS closest
       FROM feedback_answers WHERE confidence IN ('none', 'closest')
       GROUP BY day ORDER BY day`,
    )
    .all();
  const unansweredQuestions = db
    .prepare<[number], { question: string; count: number }>(
      `SELECT min(question) AS question, count(*) AS count FROM feedback_answers
       WHERE confidence = 'none' AND question IS NOT NULL
       GROUP BY lower(trim(question)) ORDER BY count DESC, question LIMIT ?`,
    )
    .all(REPORT_TOP);
  const correctedQuestions = db
    .prepare<[number], { question: string; answered: string; expected: string; count: number }>(
      `SELECT min(a.question) AS question, v.clause AS answered, v.chosen AS expected,
              count(*) AS count
       FROM feedback_votes v JOIN feedback_answers a USING (answer_id)
       WHERE v.chosen IS NOT NULL AND a.question IS NOT NULL
       GROUP BY lower(trim(a.question)), v.clause, v.chosen
       ORDER BY count DESC, question LIMIT ?`,
    )
    .all(REPORT_TOP);
  return {
    votes,
    perClause,
    corrections,
    unanswered: tiers.unanswered,
    closest: tiers.closest,
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
export function keptQuestions(db: Database.Database): KeptQuestion[] {
  const rows = db
    .prepare<[], KeptRow>(
      `SELECT a.question, a.lang, a.confidence, a.clause, v.vote, v.chosen
       FROM feedback_answers a LEFT JOIN feedback_votes v USING (answer_id)
       WHERE a.question IS NOT NULL ORDER BY a.created_at, a.answer_id`,
    )
    .all();
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
  for (const row of rows) {
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
