import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLAUSE_IDS } from "../../src/core/types.ts";
import {
  type ComponentAction,
  decodeCustomId,
  encodeCustomId,
} from "../../src/discord/render/custom-ids.ts";
import { LIMITS } from "../../src/discord/render/limits.ts";

describe("custom ids", () => {
  it("round-trip every action", () => {
    const actions: ComponentAction[] = [
      ...CLAUSE_IDS.flatMap((clauseId) =>
        (["prev", "next", "see"] as const).map(
          (role): ComponentAction => ({ kind: "clause", role, clauseId }),
        ),
      ),
      { kind: "page", page: 0 },
      { kind: "page", page: 12 },
      { kind: "overview" },
      { kind: "open" },
      ...CLAUSE_IDS.flatMap((clauseId): ComponentAction[] => {
        // The longest ids there can be: a 20-digit snowflake, a large score with 4 decimals.
        const answer = {
          id: "18446744073709551615",
          clauseId,
          via: "reference" as const,
          confidence: "closest" as const,
          score: 1234567.1234,
        };
        return [
          { kind: "vote", vote: "up", answer },
          {
            kind: "vote",
            vote: "down",
            answer: { ...answer, via: "search", confidence: "answer", score: 0 },
          },
          { kind: "correct", answer },
        ];
      }),
    ];
    for (const action of actions) {
      const id = encodeCustomId(action);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeCustomId(id)).toEqual(action);
    }
  });

  it("decode anything else to null", () => {
    for (const id of [
      "",
      "next",
      "next:M9",
      "next:M1:x",
      "page:-1",
      "page:x",
      "overview:1",
      "zzz",
      "fb:up",
      "fb:maybe:1:M1:sa:1",
      "fb:up:x1:M1:sa:1",
      "fb:up:1:M9:sa:1",
      "fb:up:1:M1:za:1",
      "fb:up:1:M1:sz:1",
      "fb:up:1:M1:sa:-1",
      "fb:up:1:M1:sa:1:extra",
      "fbfix:1:M1:sa",
    ]) {
      expect(decodeCustomId(id)).toBeNull();
    }
  });
});

describe("vote ids", () => {
  it("round the score to 4 decimals, so that any score fits", () => {
    const answer = {
      id: "1",
      clauseId: "M4" as const,
      via: "search" as const,
      confidence: "answer" as const,
    };
    const id = encodeCustomId({
      kind: "vote",
      vote: "up",
      answer: { ...answer, score: 0.123456789 },
    });
    expect(id).toBe("fb:up:1:M4:sa:0.1235");
    expect(decodeCustomId(id)).toEqual({
      kind: "vote",
      vote: "up",
      answer: { ...answer, score: 0.1235 },
    });
  });
});

describe("custom ids, for any input (fast-check)", () => {
  const clauseId = fc.constantFrom(...CLAUSE_IDS);
  const action: fc.Arbitrary<ComponentAction> = fc.oneof(
    fc.record({
      kind: fc.constant("clause" as const),
      role: fc.constantFrom("prev" as const, "next" as const, "see" as const),
      clauseId,
    }),
    fc.record({ kind: fc.constant("page" as const), page: fc.integer({ min: 0, max: 999 }) }),
    fc.constant({ kind: "overview" as const }),
    fc.constant({ kind: "open" as const }),
    fc.record({ kind: fc.constant("post" as const), clauseId }),
    fc.constant({ kind: "postOverview" as const }),
  );

  it("decode what they encode, within Discord's 100 characters", () => {
    fc.assert(
      fc.property(action, (a) => {
        const id = encodeCustomId(a);
        expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
        expect(decodeCustomId(id)).toEqual(a);
      }),
    );
  });

  it("never throw on any string, and anything they accept encodes back to itself", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => {
        const decoded = decodeCustomId(s);
        if (decoded) expect(encodeCustomId(decoded)).toBe(s);
      }),
    );
  });
});
