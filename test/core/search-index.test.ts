import { describe, expect, it } from "vitest";
import { analyzeQuery, MAX_FUZZY_WORDS } from "../../src/core/analysis.ts";
import { loadDeclaration } from "../../src/core/declaration.ts";
import { SearchIndex } from "../../src/core/search-index.ts";

const index = new SearchIndex(loadDeclaration());

describe("SearchIndex", () => {
  it("gives typo tolerance to unknown words only, and to MAX_FUZZY_WORDS of them at most", () => {
    const made = Array.from({ length: 30 }, (_, i) => `zq${"abcdefghij"[i % 10]}${i}xwvut`);
    const tokens = analyzeQuery(`observateurs ${made.join(" ")}`);
    const tolerant = index.typoTolerant(tokens);
    expect(tolerant.size).toBe(MAX_FUZZY_WORDS);
    expect([...tolerant].map((t) => t.word)).not.toContain("observateurs");
    expect([...tolerant].map((t) => t.word)).toEqual(made.slice(0, MAX_FUZZY_WORDS));
  });

  it("still finds a misspelt word within the budget", () => {
    const tokens = analyzeQuery("observatuers");
    expect(index.search(tokens)[0]?.id).toMatch(/^M[56]$/);
    // Without typo tolerance the misspelling matches nothing.
    expect(index.search(tokens, new Set())).toEqual([]);
  });
});
