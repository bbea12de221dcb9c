/**
 * /ask through `handleInteraction` and the recording transport: which answers go to the channel
 * (a confident clause card, with 👍/👎) and which stay private (a closest passage with its post
 * button, a term note, chit-chat, no answer), in the reader's language; and its autocomplete.
 */
import { describe, expect, it } from "vitest";
import { readChitchatData } from "../../../src/core/chitchat.ts";
import { readTermsData } from "../../../src/core/terms.ts";
import type { Lang } from "../../../src/core/types.ts";
import { clauseOf, expectRefusal, fileHarness, LOCALES } from "../../support/handler-harness.ts";
import { componentIds, embedsOf, voteIds } from "../../support/payloads.ts";
import { autocomplete, slash } from "../../support/recording-transport.ts";

const h = await fileHarness();

const ask = (question: string, locale = "fr") => h.run(slash("ask", { question }, { locale }));

describe("/ask: a confident answer goes to the channel", () => {
  it("a question on drugs gets measure 6's card, publicly, with 👍/👎 for this answer", async () => {
    const a = await ask("que propose la déclaration contre la drogue ?");
    expect([a.type, a.ephemeral]).toEqual([4, false]);
    expect(embedsOf(a.message)[0]?.title).toBe(h.cardTitle("M6", "fr"));
    const { up, down } = voteIds(a.message);
    // The vote names the interaction answered and the clause shown.
    expect(up).toMatch(new RegExp(`^fb:up:${a.interaction.id}:M6:`));
    expect(down).toMatch(new RegExp(`^fb:down:${a.interaction.id}:M6:`));
    // Nothing to post: it is public already.
    expect(componentIds(a.message).filter((id) => id.startsWith("post:"))).toEqual([]);
    expect(a.outcome).toMatchObject({ outcome: "clause/search", clause: "M6" });
  });

  const WHO_SIGNED: Record<Lang, string> = {
    // The clause id a chosen autocomplete suggestion submits.
    fr: "signatories",
    en: "who signed the declaration?",
    ru: "кто подписал декларацию?",
  };

  it.each(LOCALES)(
    "who signed it (%s): the signatories, titled for the reader",
    async (locale, lang) => {
      const a = await ask(WHO_SIGNED[lang], locale);
      expect(a.ephemeral).toBe(false);
      expect(embedsOf(a.message)[0]?.title).toBe(h.cardTitle("signatories", lang));
      expect(a.outcome).toMatchObject({ clause: "signatories" });
    },
  );
});

describe("/ask: what is not a confident answer stays private", () => {
  it("an unsure answer: the closest passage, hedged, with the button that posts it", async () => {
    const a = await ask("anything on cooperation with zyxwvut?", "en-US");
    expect([a.type, a.ephemeral]).toEqual([4, true]);
    expect(embedsOf(a.message)[0]?.title).toBe(h.cardTitle("P4", "en"));
    // The hedge above the card names the passage, in the reader's language.
    expect(String(a.message.content)).toContain(clauseOf(h.engine, "P4").label.en);
    expect(h.engine.detectLanguage(String(a.message.content), null)).toBe("en");
    expect(componentIds(a.message)).toContain("post:P4");
    expect(voteIds(a.message).up).toMatch(/:P4:sc:/);
    expect(a.outcome).toMatchObject({ outcome: "clause/search/closest", clause: "P4" });
  });

  const CHITCHAT: Record<Lang, string> = {
    fr: "merci beaucoup !",
    en: "tell me a joke",
    ru: "привет",
  };

  it.each(LOCALES)("chit-chat (%s) gets one short private line, no card", async (locale, lang) => {
    const a = await ask(CHITCHAT[lang], locale);
    expect([a.type, a.ephemeral]).toEqual([4, true]);
    expect(embedsOf(a.message)).toEqual([]);
    expect(a.message.components ?? []).toEqual([]);
    const content = String(a.message.content);
    expect(content.split("\n")).toHaveLength(1);
    const intent = String(a.outcome?.outcome).replace(/^chitchat\//, "");
    const reply = readChitchatData().intents.find((i) => i.id === intent)?.reply[lang];
    expect(reply, String(a.outcome?.outcome)).toBeTruthy();
    expect(content.startsWith(String(reply))).toBe(true);
  });

  it("a term the text names without explaining gets a note, not a card, with the post button", async () => {
    const osce = readTermsData().terms.find((t) => t.id === "osce");
    if (!osce) throw new Error("data/terms.json has no OSCE note");
    for (const [locale, lang] of [
      ["en-US", "en"],
      ["fr", "fr"],
    ] as [string, Lang][]) {
      const a = await ask(lang === "en" ? "what is the OSCE?" : "c'est quoi l'OSCE ?", locale);
      expect([a.type, a.ephemeral]).toEqual([4, true]);
      const [embed] = embedsOf(a.message);
      expect(embed?.title).toContain(osce.name[lang]);
      expect(embed?.title).not.toContain(clauseOf(h.engine, "P4").label[lang]);
      expect(embed?.description).toBe(osce.text[lang]);
      expect(embed?.footer?.text).toContain(osce.source.url);
      // The post button of the clause that names the term; no clause navigation, no votes.
      expect(componentIds(a.message)).toEqual([`post:${osce.clause}`]);
      expect(a.outcome).toMatchObject({ outcome: "note/osce", clause: osce.clause });
    }
  });

  it("nothing relevant: private hints in the reader's language, no card", async () => {
    for (const [q, locale, lang] of [
      ["quelle heure est-il ?", "fr", "fr"],
      ["what time is it?", "en-US", "en"],
    ] as const) {
      const a = await ask(q, locale);
      expect([a.type, a.ephemeral]).toEqual([4, true]);
      expect(embedsOf(a.message)).toEqual([]);
      expect(h.engine.detectLanguage(String(a.message.content), null)).toBe(lang);
      expect(a.outcome?.outcome).toMatch(/^none/);
    }
  });

  it("a measure beyond the text: privately, with the number of measures", async () => {
    const a = await ask("que dit la mesure 9 ?");
    const count = h.engine.clauses.filter((c) => c.kind === "measure").length;
    expect([a.type, a.ephemeral]).toEqual([4, true]);
    expect(String(a.message.content)).toContain(String(count));
    expect(a.outcome).toMatchObject({ outcome: "out-of-range" });
  });

  it("an empty question is refused politely", async () => {
    expectRefusal(await ask("   ", "ru"), h.engine, "ru", "empty-question");
  });
});

describe("/ask autocomplete", () => {
  const choices = async (question: string, locale = "fr") => {
    const a = await h.run(autocomplete("ask", { question }, { locale }));
    expect(a.type).toBe(8);
    return (a.message.choices ?? []) as { name: string; value: string }[];
  };

  it("offers the user's own words first, then clauses by id", async () => {
    const offered = await choices("sign");
    expect(offered[0]).toEqual({ name: "? sign", value: "sign" });
    expect(offered.map((c) => c.value)).toContain("signatories");
    expect(offered.length).toBeLessThanOrEqual(25);
  });

  it("names the clauses in the reader's language", async () => {
    const offered = await choices("подпис", "ru");
    expect(offered).toContainEqual({
      name: h.cardTitle("signatories", "ru"),
      value: "signatories",
    });
  });
});

describe("/ask: a count of the signatories", () => {
  it.each([
    ["how many countries signed?", "en-US", /6 states/],
    ["combien de pays ont signé ?", "fr", /6 États/],
    ["сколько стран подписали?", "ru", /6 государств/],
  ])(
    "%j gets the parts and the count of states above the overview, privately as every overview on /ask",
    async (q, locale, count) => {
      const a = await ask(q, locale);
      expect([a.type, a.ephemeral]).toEqual([4, true]);
      expect(String(a.message.content)).toMatch(count);
      expect(a.outcome).toMatchObject({ outcome: "overview/signatories" });
    },
  );
});
