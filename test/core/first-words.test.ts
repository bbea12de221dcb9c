/** A clause named by its first or last words, quoted (first-words.ts, data/references.json). */
import { describe, expect, it } from "vitest";
import { getEngine } from "../../src/core/engine.ts";
import { clauseByEdgeWords, clauseOpenedBy, clauseQuoted } from "../../src/core/first-words.ts";

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

describe("a passage one clause holds, quoted in a question", () => {
  it.each([
    ["« observateurs aux activités de l'OTSC », ça parle des exercices ou de la drogue ?", "M6"],
    ["the 'briefings on the most important exercises' part", "M4"],
    ["где фраза «равной и неделимой безопасности для всех государств»?", "P2"],
  ])("%j is %s", (message, id) => {
    expect(clauseQuoted(message, clauses)?.id).toBe(id);
    expect(getEngine().answer(message)).toMatchObject({ kind: "clause", clause: { id } });
  });

  it.each([
    // two clauses hold it
    "« en tant qu'observateurs » c'est où ?",
    // too short to be a passage
    "« confiance » ?",
    // not the text's words
    "« la paix par la force » c'est dans le texte ?",
  ])("%j names no clause by its quotation", (message) => {
    expect(clauseQuoted(message, clauses)).toBeUndefined();
  });
});

describe("a question made only of stop words, around the text's own frame", () => {
  it.each([
    ["qui parle dans ce texte ?", "opening"],
    ["кто вообще говорит в этом тексте?", "opening"],
    ["ну и кто говорит-то в тексте?", "opening"],
    // more than an aid, but holding one
    ["c'est qui qui parle dans ce texte ?", "opening"],
  ])("%j is %s", (message, id) => {
    expect(getEngine().answer(message)).toMatchObject({ kind: "clause", clause: { id } });
  });

  it.each([
    // sender and addressee: the whole text's structure, not the opening
    "qui parle à qui ?",
    // no aid held
    "c'est qui, eux ?",
  ])("%j is not the opening by its stop words", (message) => {
    expect(getEngine().answer(message)).not.toMatchObject({
      kind: "clause",
      clause: { id: "opening" },
    });
  });
});

describe("an aid of stop words amid the text's refrain", () => {
  it.each([
    ["кто вообще говорит в этом тексте, какие министры?", "opening"],
    ["c'est l'OTAN qui parle dans ce texte ?", "opening"],
    ["«мы, министры» 😏 ну и кто эти «мы» вообще", "opening"],
  ])("%j is %s: its other words choose no clause", (message, id) => {
    expect(getEngine().answer(message)).toMatchObject({ kind: "clause", clause: { id } });
  });

  it.each([
    ["qui parle de la drogue ?", "M6"],
    ["кто говорит о доверии?", "P3"],
  ])("%j is %s: a word of few clauses chooses", (message, id) => {
    expect(getEngine().answer(message)).toMatchObject({ kind: "clause", clause: { id } });
  });

  it.each(["qui parle de sécurité ?", "кто говорит про НАТО?", "qui parle des ministres ?"])(
    "%j asks who speaks of a topic: a refrain word after 'de'/'про' is the topic, not the speaker",
    (message) => {
      expect(getEngine().answer(message)).not.toMatchObject({ clause: { id: "opening" } });
    },
  );
});

describe("a question that asks where the text says something", () => {
  it.each([
    "ils proposent de se raconter leurs exos avant de les faire ? c'est où ?",
    "l'histoire de la came, ça sort d'où dans ce texte ?",
  ])("%j asks for a passage, not the whole text", (message) => {
    expect(getEngine().answer(message).kind).not.toBe("overview");
  });
});
