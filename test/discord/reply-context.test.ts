/**
 * Reading back which clause a message is about: the bot's cards as the bot renders them (their
 * buttons' custom ids), and the clauses anyone's message cites.
 */
import { describe, expect, it } from "vitest";
import { getEngine } from "../../src/core/engine.ts";
import { LANGS } from "../../src/core/types.ts";
import { renderAnswer } from "../../src/discord/handlers/answer.ts";
import { citedClauses } from "../../src/discord/handlers/cited.ts";
import {
  citedClause,
  clauseOfComponents,
  clauseOfMessage,
} from "../../src/discord/handlers/reply-context.ts";
import type { BotContext } from "../../src/discord/interaction/context.ts";
import { cardPayload } from "../../src/discord/render/card.ts";
import { overviewPayload, pagePayload } from "../../src/discord/render/overview.ts";
import { quoteText } from "../../src/discord/render/quote-text.ts";

const engine = getEngine();
const BOT = "100000000000000001";
const USER = "200000000000000002";
const ctx = { engine } as BotContext;
const bot = (payload: { content?: string; components?: unknown }) => ({
  author: { id: BOT },
  ...payload,
});

describe("the clause of one of the bot's cards", () => {
  it("is read from the navigation buttons, for every clause and language, first and last included", () => {
    for (const clause of engine.clauses) {
      for (const lang of LANGS) {
        const card = cardPayload(clause, { lang, ...engine.neighbours(clause.id) });
        expect(clauseOfMessage(engine, bot(card), BOT), `${clause.id} ${lang}`).toBe(clause.id);
      }
    }
  });

  it("is read from an answer's every button: see also, post to channel, 👍/👎", () => {
    const answer = engine.answer("what does it say about exercises?", { lang: "en" });
    if (answer.kind !== "clause" || answer.seeAlso.length === 0) throw new Error("no see also");
    const rendered = renderAnswer(engine, answer, "en", {
      privately: true,
      answerId: "300000000000000003",
    });
    if (rendered.kind !== "card") throw new Error("not a card");
    expect(clauseOfMessage(engine, bot(rendered.payload), BOT)).toBe(answer.clause.id);
    // Each row alone names the same clause; "see also" alone names none.
    const [nav, see, post, vote] = rendered.payload.components;
    expect(clauseOfComponents([nav])).toBe(answer.clause.id);
    expect(clauseOfComponents([post])).toBe(answer.clause.id);
    expect(clauseOfComponents([vote])).toBe(answer.clause.id);
    expect(clauseOfComponents([see])).toBeNull();
  });

  it("is the clause a one-clause quote cites; several clauses quoted are no one context", () => {
    const one = citedClauses(ctx, "comme le dit la mesure 4", "fr");
    expect(one && clauseOfMessage(engine, bot(one.reply), BOT)).toBe("M4");
    const several = citedClauses(ctx, "les mesures 2 et 3", "fr");
    expect(several && clauseOfMessage(engine, bot(several.reply), BOT)).toBeNull();
  });

  it("is the measure a /quote cites", () => {
    for (const clause of engine.clauses.filter((c) => c.kind === "measure")) {
      const message = bot({ content: quoteText(clause, "en"), components: [] });
      expect(clauseOfMessage(engine, message, BOT), clause.id).toBe(clause.id);
    }
  });

  it("is none for the overview and the pages of the whole text", () => {
    expect(clauseOfMessage(engine, bot(overviewPayload(engine.clauses, "fr")), BOT)).toBeNull();
    expect(clauseOfMessage(engine, bot(pagePayload(engine.clauses, 1, "fr")), BOT)).toBeNull();
  });

  it("is none when buttons disagree, and malformed components read as none", () => {
    expect(
      clauseOfComponents([{ components: [{ custom_id: "post:M2" }, { custom_id: "post:M5" }] }]),
    ).toBeNull();
    for (const junk of [
      undefined,
      null,
      "prev:M2",
      [null, 3, "x"],
      [{ components: "next:M4" }],
      [{ components: [{ custom_id: 42 }, { custom_id: "prev:M9" }, {}] }],
    ]) {
      expect(clauseOfComponents(junk)).toBeNull();
    }
  });
});

describe("the clause of someone else's message", () => {
  it("is the one clause its text cites", () => {
    const message = { author: { id: USER }, content: "comme le dit la mesure 4, c'est flou" };
    expect(clauseOfMessage(engine, message, BOT)).toBe("M4");
    expect(citedClause(engine, "measure 3 is weird")).toBe("M3");
    expect(citedClause(engine, "пункт 5 важен")).toBe("M5");
  });

  it("is none when it cites several clauses or none", () => {
    expect(citedClause(engine, "les mesures 3 et 4 se répètent")).toBeNull();
    expect(citedClause(engine, "on se retrouve au café ?")).toBeNull();
  });

  it("never comes from components: only the bot's own buttons are read", () => {
    const forged = {
      author: { id: USER },
      content: "",
      components: [{ components: [{ custom_id: "post:M2" }] }],
    };
    expect(clauseOfMessage(engine, forged, BOT)).toBeNull();
  });

  it("reads nothing from a message without text (the Message Content intent withheld it)", () => {
    expect(clauseOfMessage(engine, { author: { id: USER }, content: "" }, BOT)).toBeNull();
    expect(clauseOfMessage(engine, {}, BOT)).toBeNull();
  });
});
