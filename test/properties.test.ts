/**
 * Properties that must hold for any input, checked with fast-check: custom ids survive a round
 * trip and stay within Discord's limit, truncation never exceeds its limit, folding is stable, and
 * "measure N" resolves for any N, in range or not.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold } from "../src/core/analysis.ts";
import { CLAUSE_COUNTS, CLAUSE_ORDER } from "../src/core/declaration.ts";
import { findReferences } from "../src/core/references.ts";
import {
  type ComponentAction,
  decodeCustomId,
  encodeCustomId,
} from "../src/discord/render/custom-ids.ts";
import { LIMITS, truncate } from "../src/discord/render/limits.ts";

const clauseId = fc.constantFrom(...CLAUSE_ORDER);
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
);

describe("custom ids", () => {
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

describe("truncate", () => {
  it("keeps any text within the limit, unchanged when it fits, without half an emoji", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.nat(200), (text, max) => {
        const out = truncate(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(out).toBe(text);
        else expect(out).not.toMatch(/[\uD800-\uDBFF]…$/);
      }),
    );
  });
});

describe("fold", () => {
  it("is idempotent, leaves no combining mark and ignores case and composition", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (s) => {
        const f = fold(s);
        expect(fold(f)).toBe(f);
        expect(f).not.toMatch(/\p{M}/u);
        expect(fold(s.normalize("NFD"))).toBe(f);
      }),
    );
  });

  it("ignores case in the declaration's alphabets", () => {
    const letters = [
      ..."abcdefghijklmnopqrstuvwxyzéèêëàâçîïôöùûüœæабвгдеёжзийклмнопрстуфхцчшщъыьэюя -'",
    ];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...letters), maxLength: 60 }), (s) => {
        expect(fold(s.toUpperCase())).toBe(fold(s));
      }),
    );
  });

  it("makes accented and plain Latin words compare equal", () => {
    expect(fold("Sécurité ÉTRANGÈRES cœur")).toBe(fold("securite etrangeres coeur"));
  });
});

describe("references", () => {
  const M = CLAUSE_COUNTS.measure;
  it("resolve any measure number, in range to that measure, beyond it as out of range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom("mesure", "la mesure", "measure", "пункт"),
        (n, word) => {
          const found = findReferences(`${word} ${n}`);
          expect(found).toHaveLength(1);
          const target = found[0];
          if (n <= M) expect(target).toMatchObject({ kind: "clause", id: `M${n}` });
          else expect(target).toMatchObject({ clauseKind: "measure", requested: n });
        },
      ),
    );
  });
});
