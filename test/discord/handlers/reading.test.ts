/**
 * The reading commands through `handleInteraction` and the recording transport: /declaration (the
 * overview and its clause menu, privately), /help (privately, saying what is kept here) and /quote
 * (a clause posted for everyone, with its autocomplete and refusals).
 */
import { describe, expect, it } from "vitest";
import { CLAUSE_IDS } from "../../../src/core/types.ts";
import { COMMAND_DEFINITIONS } from "../../../src/discord/commands/index.ts";
import { DEFAULT_GUILD_ID } from "../../../tools/fake-discord/world.ts";
import { clauseOf, expectRefusal, fileHarness, LOCALES } from "../../support/handler-harness.ts";
import { componentIds, embedsOf } from "../../support/payloads.ts";
import { autocomplete, slash } from "../../support/recording-transport.ts";

const h = await fileHarness();

describe("/declaration", () => {
  it.each(LOCALES)(
    "shows the overview privately, with a menu of every clause (%s)",
    async (locale, lang) => {
      const a = await h.run(slash("declaration", undefined, { locale }));
      expect([a.type, a.ephemeral]).toEqual([4, true]);
      expect(embedsOf(a.message).length).toBeGreaterThanOrEqual(1);
      expect(componentIds(a.message)).toEqual(["open", "page:0"]);
      const [row] = a.message.components as {
        components: { options?: { label: string; value: string }[] }[];
      }[];
      const options = row?.components[0]?.options ?? [];
      expect(options.map((o) => o.value)).toEqual([...CLAUSE_IDS]);
      expect(options[0]?.label).toContain(clauseOf(h.engine, CLAUSE_IDS[0]).label[lang]);
      expect(a.outcome).toMatchObject({ outcome: "overview" });
    },
  );

  it("/ask for a summary gets the same overview", async () => {
    const summary = await h.run(slash("ask", { question: "résume la déclaration" }));
    const overview = await h.run(slash("declaration"));
    expect(embedsOf(summary.message)).toEqual(embedsOf(overview.message));
  });
});

describe("/help", () => {
  const help = (locale: string) => h.run(slash("help", undefined, { locale }));

  it("explains the reading commands privately, in the reader's language", async () => {
    const chatCommands = COMMAND_DEFINITIONS.filter((c) => !("type" in c) || c.type === 1);
    for (const [locale, lang] of LOCALES) {
      const a = await help(locale);
      expect([a.type, a.ephemeral]).toEqual([4, true]);
      const [embed] = embedsOf(a.message);
      expect(h.engine.detectLanguage(String(embed?.description), null)).toBe(lang);
      const names = (embed?.fields ?? []).map((f) => f.name).join(" ");
      for (const command of ["ask", "measure", "quote", "declaration", "verify"]) {
        expect(chatCommands.map((c) => c.name)).toContain(command);
        expect(names).toContain(`/${command}`);
      }
    }
  });

  it("says what feedback is kept here, which follows the server's setting", async () => {
    const before = embedsOf((await help("fr")).message)[0]?.fields?.at(-1);
    await h.ctx.store.settings.setFlag(DEFAULT_GUILD_ID, "feedbackText", true);
    try {
      const after = embedsOf((await help("fr")).message)[0]?.fields?.at(-1);
      expect(after?.name).toBe(before?.name);
      expect(after?.value).not.toBe(before?.value);
    } finally {
      // The other tests of this file read the server's default.
      await h.ctx.store.settings.setFlag(DEFAULT_GUILD_ID, "feedbackText", false);
    }
  });
});

describe("/quote", () => {
  const quote = (clause: string, locale = "fr") => h.run(slash("quote", { clause }, { locale }));

  it("posts the French text as a block quote for everyone, citing the clause", async () => {
    const a = await quote("M4");
    const m4 = clauseOf(h.engine, "M4");
    expect([a.type, a.ephemeral]).toEqual([4, false]);
    const content = String(a.message.content);
    expect(content.startsWith(`> ${m4.text.fr.split("\n")[0]}`)).toBe(true);
    expect(content).toContain(m4.label.fr);
    expect(a.outcome).toMatchObject({ outcome: "quote", clause: "M4" });
  });

  it.each([
    ["2", "M2"],
    ["p2", "P2"],
    ["mesure 5", "M5"],
    ["Signataires", "signatories"],
  ])("reads %j as %s", async (typed, id) => {
    expect((await quote(typed)).outcome).toMatchObject({ clause: id });
  });

  it("adds the working translation for English and Russian readers", async () => {
    const m6 = clauseOf(h.engine, "M6");
    for (const lang of ["en", "ru"] as const) {
      const content = String((await quote("M6", lang === "en" ? "en-GB" : "ru")).message.content);
      expect(content).toContain(m6.label[lang]);
      expect(content).toContain(m6.text[lang].split(" ").slice(0, 4).join(" "));
    }
  });

  it("refuses an unknown clause and a measure beyond the text, privately", async () => {
    expectRefusal(await quote("the annex", "en-US"), h.engine, "en", "quote-unknown");
    const beyond = expectRefusal(await quote("mesure 9"), h.engine, "fr", "quote-out-of-range");
    expect(beyond).toContain(String(h.engine.clauses.filter((c) => c.kind === "measure").length));
  });

  it("suggests clauses by id, within Discord's limits", async () => {
    const a = await h.run(autocomplete("quote", { clause: "signat" }, { locale: "en-US" }));
    expect(a.type).toBe(8);
    const choices = a.message.choices as { name: string; value: string }[];
    expect(choices.map((c) => c.value)).toContain("signatories");
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });
});
