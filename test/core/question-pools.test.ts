import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { Engine } from "../../src/core/engine.ts";
import { type PoolScore, PoolScores, withinOneEdit } from "../../src/core/pool-scores.ts";
import { BM25, poolExamples, QuestionIndex, SEEN } from "../../src/core/question-index.ts";
import { corpusHash, loadPools, POOLS_FILE, trainPools } from "../../src/core/question-pools.ts";
import { readBatches, WHOLE_TEXT } from "../../src/core/questions.ts";

describe("the trained pools (data/question-pools.json)", () => {
  it("are what `npm run train` builds from the corpus today (run it after editing data/corpus/)", () => {
    const shipped = JSON.parse(readFileSync(POOLS_FILE, "utf8"));
    const fresh = trainPools();
    expect(shipped.corpus).toBe(fresh.corpus);
    expect(shipped.pools).toEqual(fresh.pools);
    expect(shipped.wholeText).toEqual(fresh.wholeText);
  });

  it("hold every label of the corpus, 'none' included (not 'overview': the whole text has no pool)", () => {
    const labels = new Set(
      readBatches().flatMap((b) =>
        b.questions.flatMap((q) =>
          q.expect.includes(WHOLE_TEXT) ? [] : q.expect.length ? q.expect : ["none"],
        ),
      ),
    );
    expect(Object.keys(loadPools().pools).sort()).toEqual([...labels, SEEN].sort());
  });

  it("keep the words left out of the 'none' pool as known words, not as a pool that votes", () => {
    const pools = poolExamples([
      { terms: ["lease", "tenant"], expect: [] },
      { terms: ["lease"], expect: [] },
      { terms: ["observ"], expect: ["M5"] },
    ]);
    expect(pools.none).toEqual({ lease: 2 });
    expect(pools[SEEN]).toEqual({ tenant: 1 });
    const index = new QuestionIndex(pools);
    expect(index.knows("tenant")).toBe(true);
    expect([...index.vote(["tenant"]).share.keys()]).toEqual([]);
  });

  it("are ignored when stale: the engine then learns from the corpus itself", () => {
    const dir = mkdtempSync(join(tmpdir(), "pools-"));
    const stale = join(dir, "pools.json");
    writeFileSync(stale, JSON.stringify({ corpus: "not-this-corpus", pools: { M1: { zzz: 1 } } }));
    const { pools, wholeText } = trainPools();
    expect(loadPools(stale)).toEqual({ pools, wholeText });
    expect(corpusHash()).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answer as an engine built from the raw questions does", () => {
    const raw = new Engine({ examples: readBatches().flatMap((b) => b.questions) });
    const trained = new Engine();
    for (const q of ["do they want to watch each other's war games?", "кто подписал?", "quand ?"]) {
      expect(trained.rank(q)).toEqual(raw.rank(q));
    }
  });

  it("score every term, and words one typo from them, as MiniSearch scores the pools", () => {
    const { [SEEN]: _seen, ...voting } = loadPools().pools;
    const counts = Object.values(voting);
    const terms = [...new Set(counts.flatMap((pool) => Object.keys(pool)))];
    // Typos of every 7th long term: a letter dropped, changed, added.
    const typos = terms
      .filter((t, i) => t.length >= 6 && i % 7 === 0)
      .flatMap((t) => [t.slice(1), `${t.slice(0, 2)}q${t.slice(3)}`, `${t}s`])
      .filter((t) => !terms.includes(t));
    expect(terms.length).toBeGreaterThan(5_000);
    expect(typos.length).toBeGreaterThan(1_000);
    expectMiniSearchScores(counts, terms, typos);
  });

  it("tell one edit from two, as Levenshtein counts them", () => {
    for (const [a, b] of [
      ["observ", "observ"],
      ["observ", "obser"],
      ["observ", "obsErv"],
      ["observ", "oobserv"],
      ["observ", "bserv"],
      ["observ", "observe"],
      ["", "a"],
    ])
      expect(withinOneEdit(a as string, b as string), `${a} ~ ${b}`).toBe(true);
    for (const [a, b] of [
      ["observ", "obsrev"],
      ["observ", "obse"],
      ["observ", "xobservx"],
      ["observ", "bservx"],
      ["", "ab"],
    ])
      expect(withinOneEdit(a as string, b as string), `${a} ~ ${b}`).toBe(false);
  });

  it("count words named like an object's own properties as any other word", () => {
    const pools = poolExamples([
      { terms: ["constructor", "observ"], expect: ["M5"] },
      { terms: ["constructor", "__proto__", "tostring"], expect: ["M1"] },
      { terms: ["__proto__", "hasownproperty"], expect: [] },
      { terms: ["__proto__"], expect: [] },
    ]);
    // Entries, not object literals: "__proto__" in a literal sets the prototype.
    expect(Object.entries(pools.M1 ?? {})).toEqual([
      ["constructor", 1],
      ["__proto__", 1],
      ["tostring", 1],
    ]);
    expect(Object.entries(pools.none ?? {})).toEqual([["__proto__", 2]]);
    const { [SEEN]: _seen, ...voting } = pools;
    expectMiniSearchScores(
      Object.values(voting),
      ["constructor", "__proto__", "observ"],
      ["observe"],
    );
    const { share } = new QuestionIndex(pools).vote(["constructor", "observ"]);
    const total = [...share.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1);
  });
});

/**
 * The table's scores against MiniSearch's own search over the pools added term by term (each as
 * often as the examples used it), with the question index's options: the same pools, in the same
 * order, with the same scores to the last bits a sum in another order can change.
 */
function expectMiniSearchScores(
  counts: Record<string, number>[],
  terms: readonly string[],
  typos: readonly string[],
): void {
  const mini = new MiniSearch<{ id: number }>({
    fields: ["pool"],
    storeFields: [],
    // The pool number is the document id; the "text" of its one field is the pool to tokenize.
    extractField: (doc, field) => (field === "id" ? doc.id : String(doc.id)),
    tokenize: (text) =>
      Object.entries(counts[Number(text)] ?? {}).flatMap(([term, n]) =>
        Array.from({ length: n }, () => term),
      ),
    processTerm: (term) => term,
  });
  mini.addAll(counts.map((_, id) => ({ id })));
  const table = new PoolScores(counts, BM25);
  const search = (term: string, fuzzy: number | false): PoolScore[] =>
    mini
      .search(term, { fuzzy, tokenize: (t) => [t], processTerm: (t) => t, bm25: BM25 })
      .map((h) => [h.id as number, h.score]);
  const same = (term: string, ours: PoolScore[], theirs: PoolScore[]) => {
    expect(
      ours.map(([pool]) => pool),
      term,
    ).toEqual(theirs.map(([pool]) => pool));
    ours.forEach(([, score], i) => {
      expect(Math.abs(score - (theirs[i]?.[1] ?? 0)), term).toBeLessThan(1e-12 * score);
    });
  };
  for (const term of terms) same(term, table.exact(term), search(term, false));
  for (const typo of typos) same(typo, table.oneEditAway(typo), search(typo, 1));
}
