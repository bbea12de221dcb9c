/** A clause named by its first or last words, quoted (first-words.ts, data/references.json). */
import { describe, expect, it } from "vitest";
import { getEngine } from "../../src/core/engine.ts";
import { clauseByEdgeWords, clauseOpenedBy } from "../../src/core/first-words.ts";

const clauses = getEngine().clauses;
const found = (message: string) => clauseByEdgeWords(message, clauses)?.id;

describe("a clause named by how it begins or ends", () => {
  it.each([
    ["le considérant qui commence par « convaincus »", "P2"],
    ["la mesure qui commence par « Viser »", "M5"],
    ['the paragraph that starts with "guided by"', "P4"],
    ["пункт, который заканчивается словами «в этой области»", "M6"],
    ["celui qui se termine par « dans les domaines d'intérêt mutuel »", "closing"],
  ])("%j is %s", (message, id) => {
    expect(found(message)).toBe(id);
    expect(getEngine().answer(message)).toMatchObject({ kind: "clause", clause: { id } });
  });

  it.each([
    "ça commence par « la »",
    'the song that starts with "we are the champions"',
    "« convaincus » apparaît où ?",
    "le discours commence par « Mesdames et Messieurs »",
  ])("%j names no clause", (message) => {
    expect(found(message)).toBeUndefined();
  });
});

describe("a message made only of a clause's first words", () => {
  it.each([
    ["nous, ministres", "opening"],
    ["« Nous, ministres »", "opening"],
    ["nous faisons appel", "appeal"],
    ["Créer un mécanisme ?", "M2"],
    ["мы, министры", "opening"],
  ])("%j is %s", (message, id) => {
    expect(clauseOpenedBy(message, clauses)?.id).toBe(id);
    expect(getEngine().answer(message)).toMatchObject({ kind: "clause", clause: { id } });
  });

  it.each(["nous", "nous ministres de l'intérieur", "les ministres", "la mesure 3"])(
    "%j is no clause's beginning",
    (message) => {
      expect(clauseOpenedBy(message, clauses)).toBeUndefined();
    },
  );
});
