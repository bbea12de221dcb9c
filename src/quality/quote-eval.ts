/**
 * How well quote checks do on messages people post (a quote batch: data/eval/q*.json): the share
 * of messages whose verdict is right, by verdict; how often the quoted clause is right; and the
 * one error that must never happen, an exact or near quotation called misattributed.
 */
import { readFileSync } from "node:fs";
import type { Verdict } from "../core/quote/check.ts";
import { checkText } from "../core/quote/check.ts";

export interface QuoteCase {
  id: string;
  lang: string;
  text: string;
  verdict: Verdict;
  clause: string | null;
  number: boolean;
}

export interface QuoteMiss {
  id: string;
  text: string;
  expected: string;
  got: string;
}

export interface QuoteEvalReport {
  messages: number;
  verdictRight: number;
  byVerdict: Record<string, { messages: number; right: number }>;
  /** Among messages expected verbatim, near or misattributed: the clause found is the right one. */
  clauseRight: number;
  clauseChecked: number;
  /** Expected verbatim or near, called misattributed: must be 0. */
  falseMisattributions: number;
  misses: QuoteMiss[];
}

export function readQuoteCases(file: string): QuoteCase[] {
  const data = JSON.parse(readFileSync(file, "utf8")) as unknown;
  if (!Array.isArray(data)) throw new Error(`${file}: expected a JSON array of quote messages`);
  return data as QuoteCase[];
}

export function evaluateQuotes(cases: readonly QuoteCase[]): QuoteEvalReport {
  const report: QuoteEvalReport = {
    messages: cases.length,
    verdictRight: 0,
    byVerdict: {},
    clauseRight: 0,
    clauseChecked: 0,
    falseMisattributions: 0,
    misses: [],
  };
  for (const c of cases) {
    const [first] = checkText(c.text);
    const got = first?.verdict ?? "none";
    const group = report.byVerdict[c.verdict] ?? { messages: 0, right: 0 };
    report.byVerdict[c.verdict] = group;
    group.messages++;
    if (got === c.verdict) {
      report.verdictRight++;
      group.right++;
    } else {
      report.misses.push({ id: c.id, text: c.text, expected: c.verdict, got });
    }
    if ((c.verdict === "verbatim" || c.verdict === "near") && got === "misattributed") {
      report.falseMisattributions++;
    }
    if (c.clause && first?.clause !== undefined) {
      report.clauseChecked++;
      if (first.clause === c.clause) report.clauseRight++;
    }
  }
  return report;
}

export function formatQuoteReport(file: string, r: QuoteEvalReport): string {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : "—");
  const lines = [
    `Quote checks on ${file}`,
    `  verdict right              ${pct(r.verdictRight, r.messages)} (${r.verdictRight}/${r.messages})`,
    ...Object.entries(r.byVerdict).map(
      ([v, g]) => `    ${v.padEnd(24)} ${pct(g.right, g.messages)} (${g.right}/${g.messages})`,
    ),
    `  clause right               ${pct(r.clauseRight, r.clauseChecked)} (${r.clauseRight}/${r.clauseChecked})`,
    `  exact or near called misattributed: ${r.falseMisattributions}`,
    "",
    `Misses (${r.misses.length}):`,
    ...r.misses.map(
      (m) => `  ${m.id} expected ${m.expected}, got ${m.got}\n       ${JSON.stringify(m.text)}`,
    ),
  ];
  return lines.join("\n");
}
