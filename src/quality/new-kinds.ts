/**
 * The held-out batches of the new kinds and the held-out quote batches, against their targets
 * (targets.ts): what `npm run eval` prints as its second section.
 */
import { readdirSync } from "node:fs";
import type { Engine } from "../core/engine.ts";
import { type Batch, QUOTES_DIR, readNewKindBatches } from "../core/questions.ts";
import { engineRanker } from "./engine-ranker.ts";
import { evaluate, type Report } from "./evaluate.ts";
import { evaluateQuotes, type QuoteEvalReport, readQuoteCases } from "./quote-eval.ts";
import { NEW_KIND_TARGETS, type NewKindTargets } from "./targets.ts";

export interface NewKindsReport {
  batches: string[];
  report: Report;
  quotes: { batch: string; report: QuoteEvalReport }[];
  failures: string[];
}

/** Quote batches kept held out: those not used to tune the checker (named in `heldOutQuotes`). */
export function readQuoteBatches(names: readonly string[]): { batch: string; file: string }[] {
  const files = readdirSync(QUOTES_DIR).filter((f) => f.endsWith(".json"));
  return files
    .map((f) => ({ batch: f.replace(/\.json$/, ""), file: `${QUOTES_DIR}${f}` }))
    .filter((b) => names.includes(b.batch));
}

/** The quote batches never used to tune the checker. */
export const HELD_OUT_QUOTES = [
  "q04",
  "q05",
  "q09",
  "q10",
  "q11",
  "q13",
  "q15",
  "q18",
  "q21",
  "q23",
  "q24",
  "q25",
  "q26",
  "q27",
  "q28",
  "q29",
  "q31",
  "q32",
  "q34",
  "q35",
  "q37",
  "q39",
  "q40",
  "q41",
  "q43",
  "q45",
  "q46",
  "q47",
  "q49",
  "q51",
  "q53",
  "q54",
  "q55",
  "q56",
  "q57",
  "q58",
  "q59",
  "q68",
  "q69",
  "q70",
  "q71",
  "q72",
  "q73",
  "q74",
  "q75",
  "q76",
  "q78",
  "q79",
  "q83",
  "q85",
  "q87",
  "q89",
  "q90",
  "q91",
  "q93",
  "q103",
  "q105",
  "q109",
  "q111",
  "q115",
  "q117",
  "q119",
  "q125",
  "q129",
  "q133",
  "q137",
  "q141",
  "q145",
  "q149",
  "q153",
  "q159",
  "q165",
  "q171",
  "q177",
  "q183",
  "q189",
  "q191",
  "q193",
  "q211",
  "q221",
  "q229",
  "q231",
  "q237",
  "q238",
  "q239",
  "q240",
  "q247",
  "q249",
  "q257",
  "q259",
  "q265",
  "q266",
  "q267",
  "q268",
  "q279",
  "q280",
  "q281",
  "q282",
  "q283",
  "q287",
  "q288",
  "q289",
  "q290",
  "q295",
  "q296",
  "q299",
  "q301",
  "q305",
  "q307",
  "q311",
  "q312",
  "q313",
  "q314",
  "q321",
  "q322",
  "q323",
  "q324",
  "q333",
  "q334",
  "q335",
  "q336",
  "q367",
  "q368",
  "q369",
  "q370",
  "q381",
  "q382",
  "q383",
  "q384",
  "q413",
  "q414",
  "q445",
  "q446",
  "q447",
  "q448",
  "q469",
  "q470",
  "q471",
  "q472",
  "q495",
  "q496",
  "q497",
  "q498",
  "q531",
  "q532",
  "q533",
  "q534",
  "q555",
  "q556",
  "q557",
  "q558",
  "q585",
  "q586",
  "q587",
  "q588",
  "q597",
  "q598",
  "q599",
  "q600",
  "q609",
  "q610",
  "q611",
  "q612",
  "q639",
  "q640",
  "q669",
  "q670",
  "q687",
  "q688",
];

export function newKindsReport(
  engine: Engine,
  batches: readonly Batch[] = readNewKindBatches(),
  t: NewKindTargets = NEW_KIND_TARGETS,
): NewKindsReport {
  const report = evaluate(
    batches.flatMap((b) => b.questions),
    engineRanker(engine),
  );
  const quotes = readQuoteBatches(HELD_OUT_QUOTES).map((q) => ({
    batch: q.batch,
    report: evaluateQuotes(readQuoteCases(q.file)),
  }));
  return {
    batches: batches.map((b) => b.name),
    report,
    quotes,
    failures: failures(report, quotes, t),
  };
}

function failures(r: Report, quotes: NewKindsReport["quotes"], t: NewKindTargets): string[] {
  const out: string[] = [];
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const o = r.overall;
  if (o.top1 !== null && o.top1 < t.top1) out.push(`top-1 ${pct(o.top1)}`);
  for (const [name, g] of [...Object.entries(r.byLang), ...Object.entries(r.byKind)]) {
    if (g.top1 !== null && g.top1 < t.perGroup) out.push(`${name} top-1 ${pct(g.top1)}`);
  }
  if (o.publicPrecision !== null && o.publicPrecision < t.publicPrecision) {
    out.push(`public ok ${pct(o.publicPrecision)}`);
  }
  if (o.offTopicPublicRate !== null && o.offTopicPublicRate > t.offTopicPublic) {
    out.push(`off→public ${pct(o.offTopicPublicRate)}`);
  }
  const chitchat = r.byKind.chitchat;
  if (chitchat && chitchat.offTopicPublic > t.chitchatPublic) {
    out.push(`chit-chat answered publicly: ${chitchat.offTopicPublic}`);
  }
  for (const q of quotes) {
    const right = q.report.verdictRight / Math.max(1, q.report.messages);
    if (right < t.quoteVerdict) out.push(`${q.batch} verdict right ${pct(right)}`);
    if (q.report.falseMisattributions > t.falseMisattributions) {
      out.push(`${q.batch}: ${q.report.falseMisattributions} exact or near called misattributed`);
    }
  }
  return out;
}
