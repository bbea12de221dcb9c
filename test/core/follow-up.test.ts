import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getEngine } from "../../src/core/engine.ts";
import {
  answerFollowUp,
  CONTEXT_RATIO,
  contextRivals,
  type FollowUpRequest,
  leanOnContext,
  needsContext,
  normaliseFollowUp,
  type ReplyContext,
  readFollowUp,
  readFollowUpData,
} from "../../src/core/follow-up.ts";
import { type Clause, LANGS, type Lang } from "../../src/core/types.ts";
import { textsFor } from "../../src/text/index.ts";
import { declarationTexts } from "../support/declaration-texts.ts";

/** What the bot says around follow-up answers, as the catalogue words it. */
const gistText = (c: Clause, lang: Lang) => textsFor(lang).followUps.gist({ title: c.title[lang] });
const edgeText = (c: Clause, ask: "next" | "previous", lang: Lang) =>
  textsFor(lang).followUps[ask === "next" ? "end" : "start"]({ label: c.label[lang] });
const noContextText = (lang: Lang) => textsFor(lang).followUps.noContext;
const goneText = (lang: Lang) => textsFor(lang).followUps.gone;

const data = readFollowUpData();
const engine = getEngine();
const clauses = engine.clauses;
const first = clauses[0];
const last = clauses.at(-1);
const measures = clauses.filter((c) => c.kind === "measure");
const signatories = clauses.find((c) => c.kind === "signatories");

const on = (id: string): ReplyContext => {
  const clause = engine.clause(id);
  if (!clause) throw new Error(`no clause ${id}`);
  return { kind: "clause", clause };
};
const request = (text: string): FollowUpRequest => {
  const r = readFollowUp(text);
  if (!r) throw new Error(`not a follow-up: ${text}`);
  return r;
};

describe("follow-up phrases (data/follow-ups.json)", () => {
  it("has examples that must fire and must not for every rule, in unique rules", () => {
    for (const r of data.rules) {
      expect(r.fires.length, r.id).toBeGreaterThan(0);
      expect(r.spares.length, r.id).toBeGreaterThan(0);
      expect(r.cues.length, r.id).toBeGreaterThan(0);
      if (r.ask === "language") expect(LANGS, r.id).toContain(r.lang);
    }
    expect(new Set(data.rules.map((r) => r.id)).size).toBe(data.rules.length);
  });

  it.each(data.rules.flatMap((r) => r.fires.map((q) => [r.id, q])))("%s fires on %s", (id, q) => {
    expect(readFollowUp(q)?.rule).toBe(id);
  });

  it.each(data.rules.flatMap((r) => r.spares.map((q) => [r.id, q])))(
    "%s: %s is a question, not a follow-up",
    (_id, q) => {
      expect(readFollowUp(q)).toBeNull();
    },
  );

  it("reads the phrases of the brief in the three languages", () => {
    const asked = (text: string) => {
      const r = readFollowUp(text);
      return r && `${r.ask}${r.lang ? `:${r.lang}` : ""}`;
    };
    expect(asked("and the next one?")).toBe("next");
    expect(asked("et la suivante ?")).toBe("next");
    expect(asked("а следующий?")).toBe("next");
    expect(asked("the one before")).toBe("previous");
    expect(asked("in English?")).toBe("language:en");
    expect(asked("en français ?")).toBe("language:fr");
    expect(asked("в оригинале?")).toBe("language:fr");
    expect(asked("по-русски?")).toBe("language:ru");
    expect(asked("what does it mean?")).toBe("meaning");
    expect(asked("ça veut dire quoi ?")).toBe("meaning");
    expect(asked("who signed it?")).toBe("signatories");
    expect(asked("full text")).toBe("full-text");
    expect(asked("le texte complet")).toBe("full-text");
    expect(asked("what about drug trafficking?")).toBeNull();
  });

  it("never fires on the declaration's own text, translations, titles or search aids", () => {
    const fired = declarationTexts().flatMap(({ id, text }) => {
      const r = readFollowUp(text);
      return r ? [`${r.rule} on ${id}: ${text}`] : [];
    });
    expect(fired).toEqual([]);
  });

  it("reads punctuation, case, accents and curly apostrophes away", () => {
    expect(normaliseFollowUp("  Et APRÈS ?!… ")).toBe("et apres");
    expect(normaliseFollowUp("Qu’est-ce que ça veut dire ?")).toBe("qu'est-ce que ca veut dire");
    expect(readFollowUp("QU’EST-CE QUE ÇA VEUT DIRE ???")?.rule).toBe("meaning");
  });

  it("takes no long text for a follow-up, and no bad input crashes it", () => {
    expect(readFollowUp(`${"and ".repeat(40)}next`)).toBeNull();
    expect(readFollowUp("next ".repeat(10_000))).toBeNull();
    expect(readFollowUp("")).toBeNull();
    expect(readFollowUp("?!…")).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = readFollowUp(text);
        return r === null || data.rules.some((rule) => rule.id === r.rule);
      }),
    );
  });

  it("says which follow-ups need the clause replied to", () => {
    expect(needsContext(request("next"))).toBe(true);
    expect(needsContext(request("in English?"))).toBe(true);
    expect(needsContext(request("what does it mean?"))).toBe(true);
    expect(needsContext(request("who signed it?"))).toBe(false);
    expect(needsContext(request("full text"))).toBe(false);
  });
});

describe("answerFollowUp", () => {
  it("next and previous are the neighbouring clauses, in the reader's language", () => {
    const [m1, m2, m3] = measures;
    if (!m1 || !m2 || !m3) throw new Error("the text has fewer than three measures");
    expect(answerFollowUp(engine, request("next"), on(m2.id), "ru")).toMatchObject({
      kind: "clause",
      clause: { id: m3.id },
      lang: "ru",
    });
    expect(answerFollowUp(engine, request("the one before"), on(m2.id), "en")).toMatchObject({
      kind: "clause",
      clause: { id: m1.id },
      lang: "en",
    });
  });

  it("says there is nothing after the last clause, nor before the first", () => {
    if (!first || !last) throw new Error("no clauses");
    expect(answerFollowUp(engine, request("and the next one?"), on(last.id), "fr")).toMatchObject({
      kind: "edge",
      clause: { id: last.id },
    });
    expect(answerFollowUp(engine, request("la précédente ?"), on(first.id), "fr")).toMatchObject({
      kind: "edge",
      clause: { id: first.id },
    });
    expect(edgeText(last, "next", "en")).toContain(last.label.en);
    expect(edgeText(first, "previous", "ru")).toContain(first.label.ru);
  });

  it("a language request shows the same clause in that language, whatever the reader's", () => {
    const m3 = measures[2];
    if (!m3) throw new Error("no measure 3");
    for (const [text, lang] of [
      ["in English?", "en"],
      ["в оригинале?", "fr"],
      ["по-русски?", "ru"],
    ] as const) {
      expect(answerFollowUp(engine, request(text), on(m3.id), "fr")).toMatchObject({
        kind: "clause",
        clause: { id: m3.id },
        lang,
      });
    }
  });

  it("“what does it mean?” shows the clause with its title as the gist, in the reader's language", () => {
    const m4 = measures[3];
    if (!m4) throw new Error("no measure 4");
    const answer = answerFollowUp(engine, request("ça veut dire quoi ?"), on(m4.id), "ru");
    expect(answer).toMatchObject({ kind: "clause", clause: { id: m4.id }, lang: "ru" });
    expect(gistText(m4, "ru")).toContain(m4.title.ru);
  });

  it("“who signed it?” and “full text” need no context", () => {
    if (!signatories) throw new Error("no signatories");
    const none: ReplyContext = { kind: "none" };
    expect(answerFollowUp(engine, request("who signed it?"), none, "en")).toMatchObject({
      kind: "clause",
      clause: { id: signatories.id },
    });
    expect(answerFollowUp(engine, request("le texte complet"), { kind: "gone" }, "fr")).toEqual({
      kind: "full-text",
      lang: "fr",
      request: request("le texte complet"),
    });
  });

  it("without a clause to read against, says so: no clause named, or the message gone", () => {
    expect(answerFollowUp(engine, request("next"), { kind: "none" }, "en").kind).toBe("no-context");
    expect(answerFollowUp(engine, request("in English?"), { kind: "gone" }, "en").kind).toBe(
      "gone",
    );
    for (const lang of LANGS) {
      expect(noContextText(lang)).not.toBe("");
      expect(goneText(lang)).not.toBe("");
    }
  });
});

describe("a question replying to a clause leans on it only when the ranking hesitates", () => {
  const question = "what does it say about exercises?";
  const answer = engine.answer(question, { lang: "en" });
  const rivals = contextRivals(engine, question, answer);

  it("finds the runners-up within CONTEXT_RATIO of the best clause", () => {
    if (answer.kind !== "clause") throw new Error("not answered");
    const [top, ...rest] = engine.rank(question).ranked;
    expect(top?.id).toBe(answer.clause.id);
    expect(rivals.length).toBeGreaterThan(0);
    expect(rivals.map((r) => r.id)).toEqual(
      rest.filter((s) => s.score >= CONTEXT_RATIO * (top?.score ?? 0)).map((s) => s.id),
    );
  });

  it("answers with the clause replied to when it is one of them, the other as “see also”", () => {
    const rival = rivals[0];
    if (answer.kind !== "clause" || !rival) throw new Error("no rival");
    const leaned = leanOnContext(answer, rivals, on(rival.id));
    expect(leaned).toMatchObject({
      kind: "clause",
      clause: { id: rival.id },
      confidence: answer.confidence,
      seeAlso: [{ id: answer.clause.id }],
    });
  });

  it("keeps the answer when the clause replied to is not close, or is already the answer", () => {
    if (answer.kind !== "clause") throw new Error("not answered");
    const far = clauses.find(
      (c) => c.id !== answer.clause.id && !rivals.some((r) => r.id === c.id),
    );
    if (!far) throw new Error("every clause is close");
    expect(leanOnContext(answer, rivals, on(far.id))).toBeNull();
    expect(leanOnContext(answer, rivals, on(answer.clause.id))).toBeNull();
    expect(leanOnContext(answer, rivals, { kind: "none" })).toBeNull();
  });

  it("never looks at the context for a clear answer, a reference or no answer", () => {
    const clear = "what about drug trafficking?";
    expect(contextRivals(engine, clear, engine.answer(clear))).toEqual([]);
    const byReference = "mesure 4";
    expect(contextRivals(engine, byReference, engine.answer(byReference))).toEqual([]);
    const none = "quelle heure est-il ?";
    expect(contextRivals(engine, none, engine.answer(none))).toEqual([]);
  });
});
