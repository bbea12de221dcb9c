import { describe, expect, it } from "vitest";
import { parseQuestions } from "../../src/core/questions.ts";

const valid = { id: "d1", lang: "fr", q: "mesure 4 ?", expect: ["M4"], kind: "reference" };

describe("parseQuestions", () => {
  it("accepts the documented format, including expect []", () => {
    const off = { ...valid, id: "d2", expect: [], kind: "offtopic" };
    expect(parseQuestions([valid, off])).toEqual([valid, off]);
  });

  it.each([
    ["not an array", { ...valid }, /JSON array/],
    ["an unknown clause id", [{ ...valid, expect: ["M7"] }], /unknown clause ids M7/],
    ["an unknown language", [{ ...valid, lang: "de" }], /"lang"/],
    ["a missing question", [{ ...valid, q: " " }], /"q"/],
    ["a duplicate id", [valid, valid], /duplicate id d1/],
  ])("rejects %s", (_name, data, message) => {
    expect(() => parseQuestions(data)).toThrow(message);
  });
});
