/**
 * 👍/👎 under answers, the "which passage answers it?" menu and /privacy forget, through
 * `handleInteraction`, the recording transport and a store in memory: what the user is told, and
 * what the store then holds.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLAUSE_IDS } from "../../../src/core/types.ts";
import { memoryLimiter } from "../../../src/store/limits.ts";
import {
  type Answered,
  expectRefusal,
  type HandlerHarness,
  handlerHarness,
} from "../../support/handler-harness.ts";
import { componentIds, embedsOf, voteIds } from "../../support/payloads.ts";
import { botMessage, button, select, slash } from "../../support/recording-transport.ts";

const BOB = { id: "333333333333333334", username: "bob" };

let h: HandlerHarness;
beforeEach(async () => {
  h = await handlerHarness();
});
afterEach(() => h.close());

/** A public answer card of M6, and its vote buttons on the message Discord made of it. */
async function answered(locale = "fr") {
  const question = "que propose la déclaration contre la drogue ?";
  const a = await h.run(slash("ask", { question }, { locale }));
  expect(a.outcome).toMatchObject({ clause: "M6" });
  return { ...voteIds(a.message), messageId: botMessage(a.message) };
}

/** A private acknowledgement, in the reader's language. */
function expectPrivateThanks(a: Answered, lang: string): void {
  expect([a.type, a.ephemeral]).toEqual([4, true]);
  expect(h.engine.detectLanguage(String(a.message.content), null)).toBe(lang);
}

describe("votes", () => {
  it("a 👍 is stored and acknowledged privately, never by changing the public card", async () => {
    const card = await answered();
    const a = await h.run(button(card.up, { messageId: card.messageId, locale: "en-US" }));
    expectPrivateThanks(a, "en");
    expect(embedsOf(a.message)).toEqual([]);
    expect(a.outcome).toMatchObject({ outcome: "feedback/up", clause: "M6" });
    expect((await h.ctx.store.feedback.report()).votes).toEqual({ up: 1, down: 0 });
  });

  it("a 👎 opens a private menu of every clause and “none”", async () => {
    const card = await answered();
    const a = await h.run(button(card.down, { messageId: card.messageId, locale: "ru" }));
    expectPrivateThanks(a, "ru");
    const [row] = (a.message.components ?? []) as { components: Record<string, unknown>[] }[];
    const menu = row?.components[0] ?? {};
    expect(menu.type).toBe(3);
    expect(String(menu.custom_id)).toBe(card.down.replace(/^fb:down:/, "fbfix:"));
    const values = (menu.options as { value: string }[]).map((o) => o.value);
    expect(values).toEqual([...CLAUSE_IDS, "none"]);
    expect(a.outcome).toMatchObject({ outcome: "feedback/down", clause: "M6" });
  });

  it("one vote per user and answer: a second click changes it, another user's counts apart", async () => {
    const card = await answered();
    await h.run(button(card.up, { messageId: card.messageId }));
    const changed = await h.run(button(card.down, { messageId: card.messageId }));
    expect(changed.outcome).toMatchObject({ outcome: "feedback/down/changed" });
    await h.run(button(card.up, { messageId: card.messageId, user: BOB }));
    expect((await h.ctx.store.feedback.report()).votes).toEqual({ up: 1, down: 1 });
  });

  it("votes are limited per user apart from commands: past the limit, a polite private refusal", async () => {
    await h.close();
    h = await handlerHarness({
      feedbackLimit: memoryLimiter({ name: "votes", limit: 1, windowMs: 60_000 }),
    });
    const card = await answered();
    await h.run(button(card.up, { messageId: card.messageId }));
    const refused = await h.run(button(card.down, { messageId: card.messageId, locale: "en-US" }));
    expectRefusal(refused, h.engine, "en", "rate-limited");
    expect((await h.ctx.store.feedback.report()).votes).toEqual({ up: 1, down: 0 });
  });
});

describe("the “which passage answers it?” menu", () => {
  async function menuOf(locale: string) {
    const card = await answered(locale);
    const down = await h.run(button(card.down, { messageId: card.messageId, locale }));
    const [customId] = componentIds(down.message);
    return { customId: String(customId), messageId: botMessage(down.message) };
  }

  it("a passage chosen is stored as a correction, and the menu becomes the thanks", async () => {
    const menu = await menuOf("en-US");
    const a = await h.run(
      select(menu.customId, ["M4"], { messageId: menu.messageId, locale: "en-US" }),
    );
    expect(a.type).toBe(7);
    expect(a.message.components).toEqual([]);
    expect(String(a.message.content)).toContain(h.engine.clause("M4")?.label.en);
    expect(a.outcome).toMatchObject({ outcome: "feedback/correction/M4", clause: "M6" });
    expect((await h.ctx.store.feedback.report()).corrections).toEqual([
      { answered: "M6", expected: "M4", count: 1 },
    ]);
  });

  it("“none” is stored too; a value no menu offers is an outdated menu", async () => {
    const menu = await menuOf("fr");
    const none = await h.run(select(menu.customId, ["none"], { messageId: menu.messageId }));
    expect(none.outcome).toMatchObject({ outcome: "feedback/correction/none" });
    const odd = await h.run(select(menu.customId, ["M99"], { messageId: menu.messageId }));
    expectRefusal(odd, h.engine, "fr", "outdated-component");
  });
});

describe("/privacy forget", () => {
  it("deletes the user's votes and only theirs, privately", async () => {
    const card = await answered();
    await h.run(button(card.up, { messageId: card.messageId }));
    await h.run(button(card.down, { messageId: card.messageId, user: BOB }));
    const forget = (locale: string) =>
      h.run(slash("privacy", [{ name: "forget", type: 1 }], { locale }));
    const a = await forget("en-US");
    expectPrivateThanks(a, "en");
    expect(a.outcome).toMatchObject({ outcome: "privacy/forget" });
    expect((await h.ctx.store.feedback.report()).votes).toEqual({ up: 0, down: 1 });
    // Nothing left: said as much, and differently.
    const again = await forget("en-US");
    expect(again.message.content).not.toBe(a.message.content);
  });
});
