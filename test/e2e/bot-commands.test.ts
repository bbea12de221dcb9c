/**
 * Slash commands, components and the message command, end to end: the real bot (startBot, as
 * `npm start` runs it) against the loopback fake Discord.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLAUSE_COUNTS } from "../../src/core/declaration.ts";
import { CLAUSE_IDS } from "../../src/core/types.ts";
import { textsFor } from "../../src/text/index.ts";
import type { Json } from "../../tools/fake-discord/index.ts";
import {
  callbackOf,
  EPHEMERAL,
  embedsOf,
  type Harness,
  responseData,
  startHarness,
} from "../support/bot-harness.ts";

const MEASURE_NUMBERS = Array.from({ length: CLAUSE_COUNTS.measure }, (_, i) => i + 1);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.bot.commandsSynced;
});
afterAll(async () => {
  await h?.close();
});

/** Sends a slash command and returns the callback's message data. */
async function run(
  name: string,
  options?: Record<string, string | number | boolean>,
  locale = "fr",
) {
  const { id } = await h.fake.sendInteraction(h.fake.chatInput(name, options, { locale }));
  return { id, data: await responseData(h.fake, id) };
}

async function autocomplete(name: string, options: Record<string, string | number>, locale = "fr") {
  const { id } = await h.fake.sendInteraction(h.fake.chatInput(name, options, { locale, type: 4 }));
  const body = await callbackOf(h.fake, id);
  expect(body.type).toBe(8);
  return ((body.data as Json).choices ?? []) as { name: string; value: string | number }[];
}

function buttonIds(data: Json): string[] {
  return ((data.components ?? []) as Json[]).flatMap((row) =>
    ((row.components ?? []) as Json[]).map((c) => String(c.custom_id)),
  );
}

const MEASURE_TEXT: Record<number, string> = {
  1: "Établir des contacts directs entre les secrétaires généraux",
  2: "Créer un mécanisme de consultations régulières",
  3: "prevenir les incidents militaires dangereux",
  4: "Organiser régulièrement des briefings",
  5: "participation mutuelle en tant qu’observateurs",
  6: "la lutte contre le trafic de stupéfiants",
};

describe("registration", () => {
  it("registers every command with French localizations on start", () => {
    const commands = h.fake.commands();
    expect(commands.map((c) => c.name).sort()).toEqual(
      [
        "Find in declaration",
        "Check quote",
        "Quote cited clauses",
        "ask",
        "declaration",
        "help",
        "measure",
        "privacy",
        "quote",
        "settings",
        "verify",
      ].sort(),
    );
    for (const command of commands) {
      const names = command.name_localizations as Record<string, string>;
      expect(names.fr, `${command.name} has a French name`).toBeTruthy();
      expect(names.ru).toBeTruthy();
      expect(names["en-US"]).toBeTruthy();
      expect(names["en-GB"]).toBeTruthy();
      if (command.type === 1) {
        expect((command.description_localizations as Record<string, string>).fr).toBeTruthy();
      }
    }
    expect(commands.find((c) => c.name === "measure")?.name_localizations).toMatchObject({
      fr: "mesure",
    });
    expect(commands.find((c) => c.name === "Find in declaration")?.type).toBe(3);
    // One bulk overwrite, not one request per command.
    expect(
      h.fake.requests.filter((r) => r.method === "PUT" && r.path.endsWith("/commands")),
    ).toHaveLength(1);
  });

  it("restricts /settings to Manage Server", () => {
    const settings = h.fake.commands().find((c) => c.name === "settings");
    expect(settings?.default_member_permissions).toBe("32");
  });
});

describe("/measure", () => {
  for (const n of MEASURE_NUMBERS) {
    it(`/measure ${n} answers with measure ${n}'s French text`, async () => {
      const { data } = await run("measure", { number: n });
      const [embed] = embedsOf(data);
      expect(embed?.title).toMatch(new RegExp(`^Mesure ${n} — `));
      expect(embed?.description).toContain(MEASURE_TEXT[n]);
      expect(Number(data.flags ?? 0) & EPHEMERAL).toBe(0);
      // French readers get no translation field.
      expect(embed?.fields ?? []).toHaveLength(0);
    });
  }

  for (const n of [0, CLAUSE_COUNTS.measure + 1]) {
    it(`/measure ${n} gets an ephemeral explanation`, async () => {
      const { data } = await run("measure", { number: n });
      expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
      expect(data.content).toContain(`${CLAUSE_COUNTS.measure} mesures`);
      expect(data.content).toContain(`pas de mesure ${n}`);
      expect(data.embeds ?? []).toHaveLength(0);
    });
  }

  // The console answers these with the same sentence (test/cli/console.test.ts): one parser.
  for (const raw of ["abc", "3.5", "2.5", "-1", "1e9", -1, 2.5]) {
    it(`a malformed value (${JSON.stringify(raw)}) gets the shared explanation, privately`, async () => {
      // Autocomplete-enabled integer options can arrive as strings, or as any number: the bot
      // validates them itself.
      const { data } = await run("measure", [
        { name: "number", type: 4, value: raw },
      ] as unknown as Record<string, string>);
      expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
      // As Discord renders it: markdown escapes ("3\.5") show as the character they escape.
      const shown = String(data.content).replace(/\\(.)/g, "$1");
      expect(shown).toBe(
        textsFor("fr").errors.measureMalformed({ shown: String(raw), max: CLAUSE_COUNTS.measure }),
      );
    });
  }

  it("reads a number written in words as the console does", async () => {
    const { data } = await run("measure", [
      { name: "number", type: 4, value: "trois" },
    ] as unknown as Record<string, string>);
    expect(embedsOf(data)[0]?.description).toContain(MEASURE_TEXT[3]);
  });

  it("accepts an integer sent as a string", async () => {
    const { data } = await run("measure", [
      { name: "number", type: 4, value: "2" },
    ] as unknown as Record<string, string>);
    expect(embedsOf(data)[0]?.description).toContain(MEASURE_TEXT[2]);
  });

  it("with locale en-US, /measure 6 adds the unofficial English translation", async () => {
    const { data } = await run("measure", { number: 6 }, "en-US");
    const [embed] = embedsOf(data);
    expect(embed?.title).toMatch(/^Measure 6 — /);
    expect(embed?.description).toContain(MEASURE_TEXT[6]);
    const field = embed?.fields?.[0];
    expect(field?.name).toMatch(/unofficial/i);
    expect(field?.value).toContain("drug trafficking");
    expect(embed?.footer?.text).toMatch(/Declaration/);
  });

  it("with locale ru, the translation is Russian", async () => {
    const { data } = await run("measure", { number: 6 }, "ru");
    expect(embedsOf(data)[0]?.fields?.[0]?.value).toContain("наркотиков");
  });

  it("offers previous/next buttons with the state in the custom id", async () => {
    const { data } = await run("measure", { number: 3 });
    expect(buttonIds(data)).toEqual(["prev:M2", "next:M4"]);
  });
});

describe("/ask", () => {
  it("answers a question about drugs with measure 6, publicly", async () => {
    const { data } = await run("ask", {
      question: "que propose la déclaration contre la drogue ?",
    });
    const [embed] = embedsOf(data);
    expect(embed?.title).toMatch(/^Mesure 6/);
    expect(embed?.description).toContain("trafic de stupéfiants");
    expect(Number(data.flags ?? 0) & EPHEMERAL).toBe(0);
  });

  it("bolds the matched terms, ignoring accents", async () => {
    const { data } = await run("ask", { question: "prévenir les incidents dangereux" });
    const [embed] = embedsOf(data);
    expect(embed?.title).toMatch(/^Mesure 3/);
    // The text spells "prevenir" without its accent; the question's "prévenir" still matches.
    expect(embed?.description).toContain("**prevenir** les **incidents** militaires **dangereux**");
  });

  it("answers “who signed the declaration?” in en-US with the signatories", async () => {
    const { data } = await run("ask", { question: "who signed the declaration?" }, "en-US");
    const [embed] = embedsOf(data);
    expect(embed?.title).toMatch(/^Signatories/);
    expect(embed?.description).toContain("Signé");
    expect(embed?.fields?.[0]?.value).toContain("Kazakhstan");
  });

  it("answers privately with hints when nothing in the declaration is relevant", async () => {
    const { data } = await run("ask", { question: "quelle heure est-il ?" });
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.content).toContain("Rien dans la déclaration");
    // Commands in the hints are shown as code, as Discord users type them.
    expect(data.content).toContain("`/declaration`");
    expect(data.content).toContain("/measure");
  });

  it("offers the closest passage privately when unsure, with a button that posts it", async () => {
    const asked = await run("ask", { question: "anything on cooperation with zyxwvut?" }, "en-US");
    expect(Number(asked.data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(asked.data.content)).toMatch(/does not say this in so many words/);
    expect(String(asked.data.content)).toMatch(/closest passage is: Recital 4/);
    expect(embedsOf(asked.data)[0]?.title).toMatch(/^Recital 4/);
    expect(buttonIds(asked.data)).toContain("post:P4");

    const original = String(h.fake.interaction(asked.id)?.originalId);
    const click = await h.fake.sendInteraction(
      h.fake.button("post:P4", { messageId: original, locale: "en-US" }),
    );
    // Acknowledged without a visible change…
    const body = await callbackOf(h.fake, click.id);
    expect(body.type).toBe(6);
    // …then the card goes to the whole channel as a follow-up: not ephemeral, no hedge, no button…
    const followUp = await h.fake.waitForRequest(
      (r) => r.method === "POST" && r.path.includes("/webhooks/") && r.path.includes(click.token),
    );
    const posted = followUp.body as Json;
    expect(Number(posted.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(embedsOf(posted)[0]?.title).toMatch(/^Recital 4/);
    expect(posted.content ?? "").toBe("");
    expect(buttonIds(posted)).not.toContain("post:P4");
    expect(posted.allowed_mentions).toEqual({ parse: [], replied_user: false });
    // …and only then does the private message give way, so the card is posted once.
    const edit = await h.fake.waitForRequest(
      (r) => r.method === "PATCH" && r.path.includes(click.token) && r.path.endsWith("/@original"),
    );
    expect(edit.body).toMatchObject({
      content: "Posted to the channel.",
      embeds: [],
      components: [],
    });
    expect(h.fake.requests.indexOf(followUp)).toBeLessThan(h.fake.requests.indexOf(edit));
  });

  it("keeps the private card and says why when Discord refuses the public post", async () => {
    const asked = await run("ask", { question: "anything on cooperation with zyxwvut?" }, "en-US");
    const original = String(h.fake.interaction(asked.id)?.originalId);
    h.fake.failNext(
      { method: "POST", path: /^\/webhooks\// },
      { status: 403, body: { code: 50013, message: "Missing Permissions" } },
    );
    const click = await h.fake.sendInteraction(
      h.fake.button("post:P4", { messageId: original, locale: "en-US" }),
    );
    const notice = await h.fake.waitForRequest(
      (r) =>
        r.method === "POST" &&
        r.status < 400 &&
        r.path.includes("/webhooks/") &&
        r.path.includes(click.token),
    );
    expect(Number((notice.body as Json).flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String((notice.body as Json).content)).toMatch(/cannot post in this channel/);
    // The private card was never replaced.
    expect(h.fake.requests.some((r) => r.method === "PATCH" && r.path.includes(click.token))).toBe(
      false,
    );
  });

  it("drops the hedge when a private closest card navigates to another clause", async () => {
    const asked = await run("ask", { question: "anything on cooperation with zyxwvut?" }, "en-US");
    const original = String(h.fake.interaction(asked.id)?.originalId);
    const { id } = await h.fake.sendInteraction(
      h.fake.button("next:appeal", { messageId: original, locale: "en-US" }),
    );
    const body = await callbackOf(h.fake, id);
    expect(body.type).toBe(7);
    expect((body.data as Json).content).toBe("");
    expect(embedsOf(body.data as Json)[0]?.title).toMatch(/^Appeal/);
  });

  it("answers a request for a summary with the overview, as /declaration shows it", async () => {
    const { data } = await run("ask", { question: "résume la déclaration" });
    const declaration = await run("declaration");
    expect(embedsOf(data)).toEqual(embedsOf(declaration.data));
    expect(JSON.stringify(embedsOf(data)[0]?.fields)).toContain("Signé");
  });

  it("offers the overview privately, hedged, to a question that only resembles those about the whole text", async () => {
    const question = "explain this declaration like I'm a bored lurker who didn't read it";
    const asked = await run("ask", { question }, "en-US");
    const declaration = await run("declaration", {}, "en-US");
    expect(Number(asked.data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(asked.data.content).toBe(textsFor("en").answers.closestOverview);
    expect(embedsOf(asked.data)).toEqual(embedsOf(declaration.data));
    expect(buttonIds(asked.data)).toContain("postview");

    const original = String(h.fake.interaction(asked.id)?.originalId);
    const click = await h.fake.sendInteraction(
      h.fake.button("postview", { messageId: original, locale: "en-US" }),
    );
    expect((await callbackOf(h.fake, click.id)).type).toBe(6);
    // Posted to the channel without the hedge or the button, then the private message gives way.
    const followUp = await h.fake.waitForRequest(
      (r) => r.method === "POST" && r.path.includes("/webhooks/") && r.path.includes(click.token),
    );
    const posted = followUp.body as Json;
    expect(Number(posted.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(posted.content ?? "").toBe("");
    expect(embedsOf(posted)).toEqual(embedsOf(declaration.data));
    expect(buttonIds(posted)).not.toContain("postview");
    const edit = await h.fake.waitForRequest(
      (r) => r.method === "PATCH" && r.path.includes(click.token) && r.path.endsWith("/@original"),
    );
    expect(edit.body).toMatchObject({ content: "Posted to the channel.", components: [] });
  });

  it("explains an out-of-range reference", async () => {
    const { data } = await run("ask", { question: "que dit la mesure 9 ?" });
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.content).toContain(`${CLAUSE_COUNTS.measure} mesures`);
  });

  it("answers a clause id submitted from autocomplete", async () => {
    const { data } = await run("ask", { question: "signatories" });
    expect(embedsOf(data)[0]?.title).toMatch(/^Signataires/);
  });

  it("offers “see also” buttons when other clauses are close", async () => {
    const { data } = await run("ask", { question: "comme le disent les mesures 4 et 5" });
    const ids = buttonIds(data);
    expect(embedsOf(data)[0]?.title).toMatch(/^Mesure 4/);
    expect(ids).toContain("see:M5");
  });

  it("rejects an empty question politely", async () => {
    const { data } = await run("ask", { question: "   " });
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
  });
});

describe("/quote", () => {
  it("posts a clause publicly as a block quote with a citation line", async () => {
    const { data } = await run("quote", { clause: "M4" });
    expect(Number(data.flags ?? 0) & EPHEMERAL).toBe(0);
    const content = String(data.content);
    expect(content).toMatch(/^> 4\. Organiser régulièrement des briefings/);
    expect(content).toMatch(/\n— Mesure 4 .*Déclaration/);
  });

  it("accepts numbers, labels and ids in any case", async () => {
    expect(String((await run("quote", { clause: "2" })).data.content)).toContain("consultations");
    expect(String((await run("quote", { clause: "p2" })).data.content)).toContain("convaincus");
    expect(String((await run("quote", { clause: "Signataires" })).data.content)).toContain("Signé");
  });

  it("adds the unofficial translation for English readers", async () => {
    const { data } = await run("quote", { clause: "M6" }, "en-GB");
    expect(String(data.content)).toContain("drug trafficking");
    expect(String(data.content)).toMatch(/Unofficial working translation/);
  });

  it("explains an unknown clause privately", async () => {
    const { data } = await run("quote", { clause: "M9 bis" });
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it("says how many measures there are for a measure beyond the text", async () => {
    for (const clause of ["9", "mesure 9"]) {
      const { data } = await run("quote", { clause });
      expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
      expect(String(data.content)).toContain(`${CLAUSE_COUNTS.measure} mesures`);
      expect(String(data.content)).toContain("mesure 9");
    }
  });
});

describe("/declaration", () => {
  it("shows an overview with signatories, structure, a clause menu and a reading button", async () => {
    const { data } = await run("declaration");
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    const [embed] = embedsOf(data);
    expect(embed?.fields?.map((f) => f.name)).toEqual(["Signataires", "Structure"]);
    expect(embed?.fields?.[0]?.value).toContain("Tadjikistan");
    const rows = data.components as Json[];
    const menu = ((rows[0]?.components ?? []) as Json[])[0] ?? {};
    expect(menu.type).toBe(3);
    expect((menu.options as Json[]).map((o) => o.value)).toEqual([...CLAUSE_IDS]);
    expect(buttonIds(data)).toContain("page:0");
  });

  it("reads the whole text page by page, updating the private message in place", async () => {
    const texts: string[] = [];
    let page = 0;
    for (let guard = 0; guard < 20; guard++) {
      const { id } = await h.fake.sendInteraction(h.fake.button(`page:${page}`, { locale: "fr" }));
      const body = await callbackOf(h.fake, id);
      const data = body.data as Json;
      texts.push(String(embedsOf(data)[0]?.description));
      const next = buttonIds(data).find((c) => c === `page:${page + 1}`);
      if (!next) break;
      page += 1;
    }
    expect(texts.length).toBeGreaterThan(1);
    const whole = texts.join("\n");
    for (const start of ["Nous, ministres", "réaffirmant", "6. En saluant", "Signé"]) {
      expect(whole).toContain(start);
    }
  });

  it("updates an ephemeral message in place and answers privately on a public one", async () => {
    const declaration = await run("declaration");
    const original = h.fake.interaction(declaration.id)?.originalId;
    expect(original).toBeTruthy();
    const onPrivate = await h.fake.sendInteraction(
      h.fake.button("page:1", { messageId: String(original) }),
    );
    expect((await callbackOf(h.fake, onPrivate.id)).type).toBe(7);

    const measure = await run("measure", { number: 3 });
    const publicMessage = h.fake.interaction(measure.id)?.originalId;
    const onPublic = await h.fake.sendInteraction(
      h.fake.button("next:M4", { messageId: String(publicMessage) }),
    );
    const body = await callbackOf(h.fake, onPublic.id);
    expect(body.type).toBe(4);
    const data = body.data as Json;
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedsOf(data)[0]?.title).toMatch(/^Mesure 4/);
  });

  it("opens a clause from the select menu", async () => {
    const declaration = await run("declaration");
    const original = String(h.fake.interaction(declaration.id)?.originalId);
    const { id } = await h.fake.sendInteraction(
      h.fake.selectMenu("open", ["P3"], { messageId: original, locale: "en-US" }),
    );
    const data = (await callbackOf(h.fake, id)).data as Json;
    expect(embedsOf(data)[0]?.title).toMatch(/^Recital 3/);
    expect(embedsOf(data)[0]?.description).toContain("réduire les tensions");
  });
});

describe("buttons", () => {
  it("previous/next work without any state in memory (as after a restart)", async () => {
    const { id } = await h.fake.sendInteraction(h.fake.button("prev:M1"));
    const data = (await callbackOf(h.fake, id)).data as Json;
    expect(embedsOf(data)[0]?.title).toMatch(/^Mesure 1/);
    expect(buttonIds(data)).toEqual(["prev:appeal", "next:M2"]);
  });

  it("answers an unknown custom id politely", async () => {
    const { id } = await h.fake.sendInteraction(h.fake.button("legacy:whatever"));
    const data = await responseData(h.fake, id);
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(data.content)).toMatch(/plus valable/);
  });
});

describe("/help", () => {
  it("explains the commands with examples, privately", async () => {
    const { data } = await run("help", undefined, "en-US");
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    const names = embedsOf(data)[0]
      ?.fields?.map((f) => f.name)
      .join(" ");
    expect(names).toContain("/measure");
    expect(names).toContain("/ask");
  });
});

describe("Find in declaration (message command)", () => {
  it("searches with the target message's content", async () => {
    const { id } = await h.fake.sendInteraction(
      h.fake.messageContextMenu("Find in declaration", {
        content: "Il faudrait des briefings sur les exercices militaires",
      }),
    );
    const data = await responseData(h.fake, id);
    expect(embedsOf(data)[0]?.title).toMatch(/^Mesure 4/);
    // A private lookup, with the button that shares it.
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(buttonIds(data)).toContain("post:M4");
  });

  it("hedges a closest passage", async () => {
    const { id } = await h.fake.sendInteraction(
      h.fake.messageContextMenu("Find in declaration", {
        content: "et la coopération avec zyxwvut ?",
      }),
    );
    const data = await responseData(h.fake, id);
    expect(String(data.content)).toMatch(/ne dit pas cela en ces termes/);
    expect(embedsOf(data)[0]?.title).toMatch(/^Considérant 4/);
  });

  it("explains when the message has no text", async () => {
    const { id } = await h.fake.sendInteraction(
      h.fake.messageContextMenu("Find in declaration", { content: "" }),
    );
    const data = await responseData(h.fake, id);
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
  });
});

describe("autocomplete", () => {
  it("offers the six measure titles for /measure", async () => {
    const choices = await autocomplete("measure", { number: "" });
    expect(choices.map((c) => c.value)).toEqual(MEASURE_NUMBERS);
    expect(choices[5]?.name).toMatch(/^6 — /);
  });

  it("filters measures by what was typed", async () => {
    const choices = await autocomplete("measure", { number: "drog" }, "fr");
    // "drog" is in no title: the measure on drug trafficking is found through its words.
    expect(choices.map((c) => c.value)).toEqual([6]);
    expect(choices[0]?.name).toMatch(/^6 — /);
  });

  it("filters measures by Russian words with «й», which the engine's fold keeps", async () => {
    // «Постоянный совет» is in measure 1 and «Содействовать» begins measure 3: folded as «и»,
    // neither would be found, and every measure would be offered instead.
    const permanent = await autocomplete("measure", { number: "Постоянный" }, "ru");
    expect(permanent.map((c) => c.value)).toEqual([1]);
    const facilitate = await autocomplete("measure", { number: "содейс" }, "ru");
    expect(facilitate.map((c) => c.value)).toEqual([3]);
    expect(facilitate[0]?.name).toMatch(/^3 — /);
  });

  it("suggests clauses for /ask and /quote within Discord's limits", async () => {
    for (const [name, option] of [
      ["ask", "question"],
      ["quote", "clause"],
    ] as const) {
      for (const typed of ["", "sign", "x".repeat(120), "mesure"]) {
        const choices = await autocomplete(name, { [option]: typed });
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(String(choice.value).length).toBeLessThanOrEqual(100);
        }
      }
    }
    const signatories = await autocomplete("quote", { clause: "signat" });
    expect(signatories.map((c) => c.value)).toContain("signatories");
  });
});

describe("allowed mentions", () => {
  it("every message the bot sent in response to interactions disables all mentions", async () => {
    // Echoing an @everyone must not ping either.
    await run("quote", { clause: "@everyone <@&123> M1" });
    await run("ask", { question: "@everyone qui a signé ?" });
    const messages = h.fake
      .interactionResponses()
      .map((r) => r.body as Json)
      .filter((b) => b.type === 4 || b.type === 7)
      .map((b) => b.data as Json);
    expect(messages.length).toBeGreaterThan(20);
    for (const data of messages) {
      expect(data.allowed_mentions).toMatchObject({ parse: [] });
    }
  });
});
