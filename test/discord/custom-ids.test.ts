import { describe, expect, it } from "vitest";
import { CLAUSE_IDS } from "../../src/core/types.ts";
import {
  type ComponentAction,
  decodeCustomId,
  encodeCustomId,
} from "../../src/discord/render/custom-ids.ts";

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
    ]) {
      expect(decodeCustomId(id)).toBeNull();
    }
  });
});
