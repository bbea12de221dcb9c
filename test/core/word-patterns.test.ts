/**
 * The regex sources every word table is read with: whole words end at a word end, an elided
 * French article or pronoun at the end of an entry runs straight into the next word.
 */
import { describe, expect, it } from "vitest";
import { normaliseForPatterns, wordListSource } from "../../src/core/word-patterns.ts";

const matches = (words: string[], text: string) =>
  new RegExp(`^${wordListSource({ words })}`, "u").test(normaliseForPatterns(text));

describe("word tables as patterns", () => {
  it("ends whole words at a word end", () => {
    expect(matches(["apres les"], "après les mesures")).toBe(true);
    expect(matches(["apres les"], "après lesquelles")).toBe(false);
    expect(matches(["mesure"], "mesures")).toBe(false);
  });

  it("runs an entry ending in an elided article or pronoun into the word after it", () => {
    expect(matches(["apres l'"], "après l'invitation")).toBe(true);
    expect(matches(["est-ce qu'"], "est-ce qu'elle dit")).toBe(true);
    expect(matches(["apres l'"], "après l' invitation")).toBe(false);
  });

  it("matches an elided entry at the end of the text read, where a window stops before a name", () => {
    expect(
      new RegExp(`${wordListSource({ words: ["pas l'"] })}$`, "u").test("ce n'est pas l'"),
    ).toBe(true);
  });

  it("keeps a word in quotation marks, or a clipped word, a whole word", () => {
    expect(matches(["the 'we'"], "the 'we' here")).toBe(true);
    expect(matches(["the 'we'"], "the 'we'll")).toBe(false);
    expect(matches(["compared wi'"], "compared wi' the rest")).toBe(true);
  });
});
