import { describe, expect, it } from "vitest";
import { leadingGroup } from "../../src/core/leading-group.ts";

describe("leadingGroup", () => {
  it("gives the group every match starts with", () => {
    expect(leadingGroup("(?:mesure|measure)\\s(\\d)")).toBe("(?:mesure|measure)");
    expect(leadingGroup("(\\d{1,2}(?:er|e))\\s(?:mesure)")).toBe("(\\d{1,2}(?:er|e))");
    expect(leadingGroup("(?<short>court|short)\\s(?:of)")).toBe("(?<short>court|short)");
    // Parentheses inside a class or escaped do not close the group.
    expect(leadingGroup("([)(]|\\(x)\\s")).toBe("([)(]|\\(x)");
    // Repeated at least once, the group still starts every match.
    expect(leadingGroup("(?:ab)+c")).toBe("(?:ab)");
    // Referred back to after it, the group still stands alone.
    expect(leadingGroup("(a)\\1")).toBe("(a)");
  });

  it("gives nothing when a match may start otherwise", () => {
    for (const source of [
      "mesure\\s(\\d)", // no group first
      "(?:le\\s)?mesure", // the group may be skipped
      "(?:a)*b",
      "(?:a){0,2}b",
      "(?:mesure)\\s\\d|§\\d", // a choice outside every group
      "(?<=^|\\s)#(\\d)", // a look-behind matches no text
      "(?=m)mesure",
      "(?!x)mesure",
      "(?<!x)mesure",
      // A group numbered inside the lead would be numbered otherwise alone.
      "((a)\\2)c",
      "((?<n>a)\\k<n>)c",
      "(unclosed",
    ]) {
      expect(leadingGroup(source), source).toBeNull();
    }
  });

  it("keeps the references the rules find: a lead that matched nothing would lose them", async () => {
    const { findReferences } = await import("../../src/core/references.ts");
    const ids = (t: string) =>
      findReferences(t).map((r) => (r.kind === "clause" ? r.id : `${r.clauseKind}:${r.requested}`));
    expect(ids("que dit la mesure 3 ?")).toEqual(["M3"]);
    expect(ids("le deuxième considérant")).toEqual(["P2"]);
    expect(ids("§5 et M2")).toEqual(["M5", "M2"]);
    expect(ids("what does #4 say?")).toEqual(["M4"]);
  });
});
