/**
 * The rule tables that keep the bot from answering with a clause what is not a question about one:
 * chit-chat, terms the text names without explaining, other documents' articles, questions about
 * the whole text, and Russian typed in Latin letters. Each table's examples must fire and must not,
 * and no table may fire on the declaration's own words.
 */
import { describe, expect, it } from "vitest";
import { chitchat, readChitchatData } from "../../src/core/chitchat.ts";
import { getEngine } from "../../src/core/engine.ts";
import { detectLanguage, fromTransliteration } from "../../src/core/language.ts";
import { otherDocumentSpans, readOtherDocumentData } from "../../src/core/other-documents.ts";
import { PhraseCover } from "../../src/core/phrase-cover.ts";
import { askedTerm, askedTermInSentences, readTermsData, termWords } from "../../src/core/terms.ts";
import { readTranslitData } from "../../src/core/translit.ts";
import { LANGS } from "../../src/core/types.ts";
import { readWholeTextData, wholeTextFacet } from "../../src/core/whole-text.ts";
import { declarationTexts } from "../support/declaration-texts.ts";

const chat = readChitchatData();
const terms = readTermsData();
const documents = readOtherDocumentData();
const whole = readWholeTextData();
const translit = readTranslitData();

const latinTexts = () => declarationTexts().filter(({ text }) => !/[\u0400-\u04ff]/.test(text));

describe("chit-chat (data/chitchat.json)", () => {
  it.each(chat.fires.map((f) => [f.text, f.intent, f.lang ?? null]))(
    "%j is %s",
    (text, intent, lang) => {
      const found = chitchat(text);
      expect(found?.intent).toBe(intent);
      if (lang) expect(found?.lang).toBe(lang);
    },
  );

  it.each(chat.spares)("%j is not chit-chat", (text) => {
    expect(chitchat(text)).toBeNull();
  });

  it("has a reply for every intent in every language, and examples to offer", () => {
    for (const intent of chat.intents) {
      for (const lang of LANGS) expect(intent.reply[lang], `${intent.id} ${lang}`).toBeTruthy();
    }
    for (const lang of LANGS) expect(chat.examples[lang].length).toBeGreaterThan(0);
  });

  it("never takes the declaration's own words for chit-chat", () => {
    const fired = declarationTexts().flatMap(({ id, text }) =>
      chitchat(text) ? [`${id}: ${text}`] : [],
    );
    expect(fired).toEqual([]);
  });

  it("reads the language of short messages from their words", () => {
    expect(detectLanguage("hi")).toBe("en");
    expect(detectLanguage("tell me a joke")).toBe("en");
    expect(detectLanguage("merci beaucoup")).toBe("fr");
    expect(detectLanguage("salut")).toBe("fr");
    expect(detectLanguage("спасибо")).toBe("ru");
    // The reader's Discord locale still comes first.
    expect(detectLanguage("merci beaucoup", "ru")).toBe("ru");
  });

  it("counts cue words as a case-insensitive match would: whole runs of letters", () => {
    // "İ" lower-cases to "i" and a combining dot: no English "i" once the letters are split.
    expect(detectLanguage("İ otan")).toBe("fr");
    expect(detectLanguage("WHAT does IT say")).toBe("en");
    expect(detectLanguage("l'OTAN, QUE dit-elle")).toBe("fr");
  });
});

describe("term notes (data/terms.json)", () => {
  it.each(terms.fires.map((f) => [f.text, f.term]))("%j asks for the note on %s", (text, id) => {
    expect(askedTerm(text)?.id).toBe(id);
  });

  it.each(terms.spares)("%j asks for no note", (text) => {
    expect(askedTerm(text)).toBeNull();
  });

  it("reads a term asked in one sentence beside chat, never beside a question about the text", () => {
    const knows = (w: string) => getEngine().inText(w);
    expect(askedTermInSentences("Что такое ОДКБ? Напомните молодёжи.", knows)?.id).toBe("csto");
    expect(askedTermInSentences("c'est quoi l'OSCE ? merci d'avance !", knows)?.id).toBe("osce");
    expect(askedTermInSentences("c'est quoi l'OTAN ? et la mesure 3 dit quoi ?", knows)).toBeNull();
    expect(askedTermInSentences("what is NATO? what about the CSTO?", knows)).toBeNull();
  });

  it("has, for every term, a note and a name in every language, a source and a clause", () => {
    for (const t of terms.terms) {
      for (const lang of LANGS) {
        expect(t.text[lang], `${t.id} ${lang}`).toMatch(/\S{3,}/);
        expect(t.name[lang], `${t.id} ${lang}`).toBeTruthy();
      }
      expect(t.source.url, t.id).toMatch(/^https:\/\//);
      expect(t.source.title, t.id).toBeTruthy();
      expect(t.names.length, t.id).toBeGreaterThan(0);
    }
  });

  it("points each note to a clause that names the term", () => {
    const texts = new Map(declarationTexts().map(({ id }) => [id, ""]));
    for (const { id, text } of declarationTexts()) texts.set(id, `${texts.get(id)} ${text}`);
    for (const t of terms.terms) {
      const where = (texts.get(t.clause) ?? "").toLowerCase();
      expect(
        t.names.some((n) => where.includes(n.toLowerCase())),
        `${t.id} in ${t.clause}`,
      ).toBe(true);
    }
  });

  it("reads '=' as a word, and takes phrases out wherever they stand", () => {
    expect(termWords("nato = ?")).toEqual(["nato", "="]);
    expect(termWords("a==b")).toEqual(["a", "=", "b"]);
    const asides = new PhraseCover<"aside">(termWords);
    asides.add("even", "aside");
    asides.add("serious question", "aside");
    expect(asides.without(termWords("what even is it, serious question"))).toEqual([
      "what",
      "is",
      "it",
    ]);
    expect(asides.without([])).toEqual([]);
  });

  it("never reads the declaration's own words as a request for a note", () => {
    const fired = declarationTexts().flatMap(({ id, text }) =>
      askedTerm(text) ? [`${id}: ${text}`] : [],
    );
    expect(fired).toEqual([]);
  });
});

describe("other documents' articles (data/other-documents.json)", () => {
  it.each(documents.fires)("%j cites another document", (text) => {
    expect(otherDocumentSpans(text).length).toBeGreaterThan(0);
  });

  it.each(documents.spares)("%j cites no other document", (text) => {
    expect(otherDocumentSpans(text)).toEqual([]);
  });

  it("never fires on the declaration's own words", () => {
    const fired = declarationTexts().flatMap(({ id, text }) =>
      otherDocumentSpans(text).length > 0 ? [`${id}: ${text}`] : [],
    );
    expect(fired).toEqual([]);
  });
});

describe("questions about the whole text (data/whole-text.json)", () => {
  // As the bot reads them: no word the declaration uses may stand beside a request.
  const facet = (text: string) =>
    wholeTextFacet(
      text,
      (w) => getEngine().inText(w),
      (w) => getEngine().ofFewClauses(w),
    );

  it.each(whole.fires.map((f) => [f.text, f.facet]))("%j asks for the %s", (text, expected) => {
    expect(facet(text)).toBe(expected);
  });

  it.each(whole.spares)("%j is about something in the text, or another", (text) => {
    expect(facet(text)).toBeNull();
    expect(wholeTextFacet(text)).toBeNull();
  });

  it("never fires on the declaration's own words", () => {
    const fired = declarationTexts().flatMap(({ id, text }) =>
      facet(text) || wholeTextFacet(text) ? [`${id}: ${text}`] : [],
    );
    expect(fired).toEqual([]);
  });
});

describe("Russian in Latin letters (data/translit.json)", () => {
  it.each(translit.fires.map((f) => [f.text, f.ru]))("%j reads as %j", (text, ru) => {
    expect(fromTransliteration(text)).toBe(ru);
    expect(detectLanguage(text)).toBe("ru");
  });

  it.each(translit.spares)("%j is not Russian", (text) => {
    expect(fromTransliteration(text)).toBeNull();
  });

  it("never takes the declaration's French or English words for Russian", () => {
    const fired = latinTexts().flatMap(({ id, text }) =>
      fromTransliteration(text) ? [`${id}: ${text}`] : [],
    );
    expect(fired).toEqual([]);
  });
});
