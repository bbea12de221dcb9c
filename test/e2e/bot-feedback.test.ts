/**
 * Feedback end to end: 👍/👎 under /ask and "Find in declaration" answers, the private
 * correction menu, one vote per user per answer, votes after a restart and on answers that are
 * gone, question text kept only when a server enables it, /privacy forget, and `npm run review`
 * reporting exactly what was clicked. The real bot against the loopback Discord.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main as review } from "../../src/cli/review.ts";
import { getEngine } from "../../src/core/engine.ts";
import type { FeedbackReport } from "../../src/store/feedback-report.ts";
import { hashUserId, readSaltFile } from "../../src/store/salt.ts";
import { SETTINGS_FILE } from "../../src/store/sqlite.ts";
import type { Json, UserSpec } from "../../tools/fake-discord/index.ts";
import {
  ADMIN,
  callbackOf,
  EPHEMERAL,
  embedsOf,
  type Harness,
  responseData,
  startHarness,
} from "../support/bot-harness.ts";

const GUILD = "111111111111111111";
/** Manage Server on top of an ordinary member's permissions. */

const DRUGS = "que propose la déclaration contre la drogue ?";
const CLOSEST = "anything on cooperation with zyxwvut?";
const NOTHING = "quelle heure est-il ?";

const alice: UserSpec = { id: "400000000000000001", username: "alice" };
const bob: UserSpec = { id: "400000000000000002", username: "bob" };
const carol: UserSpec = { id: "400000000000000003", username: "carol" };
const dave: UserSpec = { id: "400000000000000004", username: "dave" };
const erin: UserSpec = { id: "400000000000000005", username: "erin" };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ guilds: [{ id: GUILD, preferredLocale: "fr" }] });
  await h.bot.commandsSynced;
});
afterAll(async () => {
  await h?.close();
});

interface Component {
  type: number;
  style?: number;
  custom_id?: string;
  emoji?: { name: string };
  options?: { label: string; value: string }[];
}

function componentsOf(data: Json): Component[] {
  return ((data.components ?? []) as Json[]).flatMap(
    (row) => (row.components ?? []) as Component[],
  );
}

/** The 👍 and 👎 custom ids under an answer. */
function voteIds(data: Json): { up: string; down: string } {
  const ids = componentsOf(data).map((c) => String(c.custom_id));
  const up = ids.find((id) => id.startsWith("fb:up:"));
  const down = ids.find((id) => id.startsWith("fb:down:"));
  if (!up || !down) throw new Error(`no vote buttons in ${ids.join(", ")}`);
  return { up, down };
}

async function ask(question: string, user: UserSpec = alice, locale = "fr") {
  const { id } = await h.fake.sendInteraction(
    h.fake.chatInput("ask", { question }, { user, locale }),
  );
  const data = await responseData(h.fake, id);
  return { id, data, messageId: String(h.fake.interaction(id)?.originalId) };
}

/** Clicks a vote button on `messageId`; returns the click's id and the bot's callback. */
async function click(customId: string, messageId: string, user: UserSpec, locale = "fr") {
  const { id } = await h.fake.sendInteraction(h.fake.button(customId, { messageId, user, locale }));
  return { id, body: await callbackOf(h.fake, id) };
}

/** 👎 then a choice in the menu it opens; returns the menu's options and the final update. */
async function correct(
  downId: string,
  messageId: string,
  user: UserSpec,
  choice: string,
  locale = "fr",
) {
  const down = await click(downId, messageId, user, locale);
  const data = down.body.data as Json;
  const menu = componentsOf(data).find((c) => c.type === 3);
  if (!menu?.custom_id) throw new Error("no correction menu");
  const menuMessage = String(h.fake.interaction(down.id)?.originalId);
  const { id } = await h.fake.sendInteraction(
    h.fake.selectMenu(menu.custom_id, [choice], { messageId: menuMessage, user, locale }),
  );
  return { down: data, menu, update: await callbackOf(h.fake, id) };
}

async function reviewJson(): Promise<FeedbackReport> {
  let out = "";
  const { write } = process.stdout;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    expect(await review(["--json"], { DATA_DIR: h.dataDir })).toBe(0);
  } finally {
    process.stdout.write = write;
  }
  return JSON.parse(out) as FeedbackReport;
}

async function setFeedbackText(enabled: boolean) {
  const { id } = await h.fake.sendInteraction(
    h.fake.chatInput(
      "settings",
      [
        { name: "feedback-text", type: 1, options: [{ name: "enabled", type: 5, value: enabled }] },
      ] as unknown as Record<string, string>,
      { memberPermissions: ADMIN },
    ),
  );
  return responseData(h.fake, id);
}

/** What the clicks below should add up to in `npm run review -- --json`. */
const expected = {
  up: 0,
  down: 0,
  unanswered: 0,
  corrections: new Map<string, number>(),
};
const corrected = (answered: string, chosen: string, by = 1) => {
  const key = `${answered}→${chosen}`;
  expected.corrections.set(key, (expected.corrections.get(key) ?? 0) + by);
};

let drugs: Awaited<ReturnType<typeof ask>>;

describe("👍/👎 under answers", () => {
  it("a public /ask card carries two neutral buttons whose ids stay within Discord's limit", async () => {
    drugs = await ask(DRUGS);
    expect(Number(drugs.data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(embedsOf(drugs.data)[0]?.title).toMatch(/^Mesure 6/);
    const { up, down } = voteIds(drugs.data);
    const buttons = componentsOf(drugs.data).filter(
      (c) => c.custom_id === up || c.custom_id === down,
    );
    expect(buttons.map((b) => b.emoji?.name)).toEqual(["👍", "👎"]);
    // Secondary (grey): the channel sees no verdict.
    expect(buttons.map((b) => b.style)).toEqual([2, 2]);
    for (const c of componentsOf(drugs.data))
      expect(String(c.custom_id).length).toBeLessThanOrEqual(100);
    // The answer is the /ask interaction, named in the id: nothing about it is kept in memory.
    expect(up).toContain(`:${drugs.id}:M6:`);
  });

  it("a 👍 is acknowledged privately", async () => {
    const { body } = await click(voteIds(drugs.data).up, drugs.messageId, alice);
    expect(body.type).toBe(4);
    const data = body.data as Json;
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(data.content)).toMatch(/Merci : cette réponse vous a aidé/);
    expected.up += 1;
  });

  it("a 👎 opens a private menu of every clause and “none”; the choice is a correction", async () => {
    const { down, menu, update } = await correct(
      voteIds(drugs.data).down,
      drugs.messageId,
      bob,
      "M5",
    );
    expect(Number(down.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(down.content)).toMatch(/Quel passage répond à votre question/);
    const values = (menu.options ?? []).map((o) => o.value);
    expect(values).toEqual([...getEngine().clauses.map((c) => c.id), "none"]);
    expect(values.length).toBeLessThanOrEqual(25);
    expect(menu.options?.at(-1)?.label).toMatch(/^aucun : le texte ne répond pas/);
    for (const o of menu.options ?? []) expect(o.label.length).toBeLessThanOrEqual(100);
    expect(String(menu.custom_id).length).toBeLessThanOrEqual(100);
    // The menu's message is updated in place: the choice is acknowledged, the menu goes.
    expect(update.type).toBe(7);
    expect((update.data as Json).content).toMatch(/^Noté : le passage qui répond est Mesure 5/);
    expect((update.data as Json).components).toEqual([]);
    expected.down += 1;
    corrected("M6", "M5");
  });

  it("one vote per user per answer: a second click changes it", async () => {
    const { up, down } = voteIds(drugs.data);
    const toDown = await click(down, drugs.messageId, alice);
    expect(String((toDown.body.data as Json).content)).toMatch(
      /^Vote changé : cette réponse ne vous a pas aidé/,
    );
    const back = await click(up, drugs.messageId, alice);
    expect(String((back.body.data as Json).content)).toMatch(
      /^Vote changé : cette réponse vous a aidé/,
    );
    const again = await click(up, drugs.messageId, alice);
    expect(String((again.body.data as Json).content)).toMatch(/^Merci : cette réponse vous a aidé/);
    // Still one up vote from alice.
    const report = await reviewJson();
    expect(report.votes).toEqual({ up: expected.up, down: expected.down });
  });

  it("a “closest passage” reply carries the buttons, and the posted card keeps them", async () => {
    const closest = await ask(CLOSEST, carol, "en-US");
    expect(Number(closest.data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    const ids = componentsOf(closest.data).map((c) => c.custom_id);
    expect(ids).toContain("post:P4");
    const { up, down } = voteIds(closest.data);
    expect(up).toMatch(/:P4:sc:/);
    // A vote on a private card answers apart: the card itself is left as it is.
    const { update } = await correct(down, closest.messageId, carol, "none", "en-US");
    expect((update.data as Json).content).toBe(
      "Noted: the text does not answer this question. Thanks!",
    );
    expected.down += 1;
    corrected("P4", "none");

    const post = await h.fake.sendInteraction(
      h.fake.button("post:P4", { messageId: closest.messageId, user: carol, locale: "en-US" }),
    );
    const followUp = await h.fake.waitForRequest(
      (r) => r.method === "POST" && r.path.includes("/webhooks/") && r.path.includes(post.token),
    );
    expect(voteIds(followUp.body as Json)).toEqual({ up, down });
  });

  it("“Find in declaration” results carry the buttons too", async () => {
    const { id } = await h.fake.sendInteraction(
      h.fake.messageContextMenu("Find in declaration", {
        content: "Il faudrait des briefings sur les exercices militaires",
      }),
    );
    const data = await responseData(h.fake, id);
    expect(embedsOf(data)[0]?.title).toMatch(/^Mesure 4/);
    expect(voteIds(data).up).toContain(`:${id}:M4:`);
  });

  it("an unanswered question gets no buttons but is counted", async () => {
    const none = await ask(NOTHING, dave);
    expect(String(none.data.content)).toContain("Rien dans la déclaration");
    expect(none.data.components ?? []).toEqual([]);
    expected.unanswered += 1;
  });
});

describe("after a restart", () => {
  it("old buttons still vote, and each user's earlier vote is remembered", async () => {
    await h.restart();
    const { up, down } = voteIds(drugs.data);
    const fresh = await click(up, drugs.messageId, dave);
    expect(String((fresh.body.data as Json).content)).toMatch(/^Merci/);
    expected.up += 1;
    // Bob voted 👎 before the restart: a 👎 now is no change, and his correction stays.
    const same = await click(down, drugs.messageId, bob);
    expect(String((same.body.data as Json).content)).toMatch(/^Merci de le signaler/);
    const report = await reviewJson();
    expect(report.votes).toEqual({ up: expected.up, down: expected.down });
    expect(report.corrections).toContainEqual({ answered: "M6", expected: "M5", count: 1 });
  });

  it("a vote on an answer that is gone is recorded without error", async () => {
    // No note, no message of the bot's: everything the vote needs is in the id.
    const { id } = await h.fake.sendInteraction(
      h.fake.button("fb:up:900000000000000009:M2:ra:1", { user: alice }),
    );
    const body = await callbackOf(h.fake, id);
    expect(String((body.data as Json).content)).toMatch(/^Merci/);
    expected.up += 1;
  });

  it("a vote whose interaction expired is still counted, and the bot carries on", async () => {
    h.fake.failNext(
      { method: "POST", path: /^\/interactions\// },
      { status: 404, body: { code: 10062, message: "Unknown interaction" } },
    );
    const { id } = await h.fake.sendInteraction(
      h.fake.button(voteIds(drugs.data).up, { messageId: drugs.messageId, user: carol }),
    );
    await h.fake.waitForRequest((r) => r.injected && r.path.startsWith(`/interactions/${id}/`));
    expected.up += 1;
    const next = await click(voteIds(drugs.data).up, drugs.messageId, carol);
    expect(String((next.body.data as Json).content)).toMatch(/^Merci/);
  });
});

describe("question text", () => {
  it("is not kept by default", async () => {
    const report = await reviewJson();
    expect(report.questions).toEqual({ unanswered: [], corrected: [] });
    expect(await h.bot.store.feedback.keptQuestions()).toEqual([]);
  });

  it("is kept once the server enables it, and no longer once it disables it", async () => {
    expect(String((await setFeedbackText(true)).content)).toMatch(/Je garderai le texte/);
    await ask(NOTHING, dave);
    await ask("et le prix du pain ?", dave);
    expected.unanswered += 2;
    const kept = await ask("qui organise des briefings sur les exercices ?", alice);
    const { down } = voteIds(kept.data);
    const answered = down.split(":")[3] ?? "";
    await correct(down, kept.messageId, bob, "M5");
    expected.down += 1;
    corrected(answered, "M5");

    const report = await reviewJson();
    // As many of each: in alphabetical order.
    expect(report.questions.unanswered).toEqual([
      { question: "et le prix du pain ?", count: 1 },
      { question: NOTHING, count: 1 },
    ]);
    expect(report.questions.corrected).toEqual([
      {
        question: "qui organise des briefings sur les exercices ?",
        answered,
        expected: "M5",
        count: 1,
      },
    ]);

    // Turned off: nothing new is kept, and what was kept in this server is deleted.
    expect(String((await setFeedbackText(false)).content)).toMatch(
      /ne garderai plus .* les 3 déjà gardées sont effacées/,
    );
    await ask("quel temps fera-t-il demain ?", dave);
    expected.unanswered += 1;
    const after = await reviewJson();
    expect(after.questions).toEqual({ unanswered: [], corrected: [] });
    // The votes and counts stay: only the text goes.
    expect(after.unanswered).toBe(expected.unanswered);
  });

  it("/settings show and /help say what is kept", async () => {
    const { id } = await h.fake.sendInteraction(
      h.fake.chatInput(
        "settings",
        [{ name: "show", type: 1 }] as unknown as Record<string, string>,
        {
          memberPermissions: ADMIN,
          locale: "en-US",
        },
      ),
    );
    const field = embedsOf(await responseData(h.fake, id))[0]?.fields?.find((f) =>
      f.name.startsWith("Feedback"),
    );
    expect(field?.value).toMatch(/hashed user id/);
    expect(field?.value).toMatch(/Question text: not kept/);
    expect(field?.value).toMatch(/after 90 days/);
    const help = await h.fake.sendInteraction(
      h.fake.chatInput("help", undefined, { locale: "en-US" }),
    );
    const fields = embedsOf(await responseData(h.fake, help.id))[0]?.fields ?? [];
    expect(fields.find((f) => f.name.includes("👍"))?.value).toMatch(/\/privacy forget/);
  });
});

describe("npm run review and /privacy forget", () => {
  it("review --json reports exactly the clicks", async () => {
    const report = await reviewJson();
    expect(report.votes).toEqual({ up: expected.up, down: expected.down });
    expect(report.unanswered).toBe(expected.unanswered);
    expect(report.closest).toBeGreaterThanOrEqual(1);
    const corrections = [...expected.corrections].map(([key, count]) => {
      const [answered, chosen] = key.split("→");
      return { answered, expected: chosen, count };
    });
    expect(report.corrections).toEqual(
      expect.arrayContaining(corrections.map((c) => expect.objectContaining(c))),
    );
    expect(report.corrections).toHaveLength(corrections.length);
    expect(report.perDay.reduce((n, d) => n + d.unanswered, 0)).toBe(expected.unanswered);
  });

  it("/privacy forget deletes the user's votes, and only theirs", async () => {
    const { id } = await h.fake.sendInteraction(
      h.fake.chatInput(
        "privacy",
        [{ name: "forget", type: 1 }] as unknown as Record<string, string>,
        {
          user: bob,
        },
      ),
    );
    const data = await responseData(h.fake, id);
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    // Bob voted 👎 twice: on the drugs answer (M6 → M5) and on the briefings answer.
    expect(String(data.content)).toMatch(/vos 2 votes sont effacés/);
    const report = await reviewJson();
    expect(report.votes).toEqual({ up: expected.up, down: expected.down - 2 });
    expect(report.corrections.find((c) => c.answered === "M6")).toBeUndefined();

    const again = await h.fake.sendInteraction(
      h.fake.chatInput(
        "privacy",
        [{ name: "forget", type: 1 }] as unknown as Record<string, string>,
        {
          user: bob,
        },
      ),
    );
    expect(String((await responseData(h.fake, again.id)).content)).toMatch(/aucun vote/);
  });

  it("/privacy forget deletes the text of the questions the user asked, and only theirs", async () => {
    await setFeedbackText(true);
    const erinsQuestion = "erin demande : quel temps fait-il à Douchanbé ?";
    await ask(erinsQuestion, erin);
    await ask("et le prix du pain ?", carol);
    expected.unanswered += 2;
    expect((await reviewJson()).questions.unanswered).toEqual([
      { question: erinsQuestion, count: 1 },
      { question: "et le prix du pain ?", count: 1 },
    ]);

    const { id } = await h.fake.sendInteraction(
      h.fake.chatInput(
        "privacy",
        [{ name: "forget", type: 1 }] as unknown as Record<string, string>,
        { user: erin },
      ),
    );
    expect(String((await responseData(h.fake, id)).content)).toBe(
      "C’est fait : le texte de votre question est effacé.",
    );
    const report = await reviewJson();
    expect(report.questions.unanswered).toEqual([{ question: "et le prix du pain ?", count: 1 }]);
    // The question still counts, without its text; nor is the text left in the database's files.
    expect(report.unanswered).toBe(expected.unanswered);
    const files = readdirSync(h.dataDir).filter((f) => f.startsWith(SETTINGS_FILE));
    const bytes = Buffer.concat(files.map((f) => readFileSync(path.join(h.dataDir, f))));
    expect(bytes.includes("Douchanbé")).toBe(false);
    expect(bytes.includes("prix du pain")).toBe(true);
    await setFeedbackText(false);
  });
});

describe("with LOG_QUESTIONS, FEEDBACK_RETENTION_DAYS=30 and rate limits", () => {
  const DAY_MS = 24 * 60 * 60 * 1000;
  let r: Harness;
  beforeAll(async () => {
    r = await startHarness({}, (config) => ({
      ...config,
      logQuestions: true,
      feedbackRetentionDays: 30,
      limits: { chatCooldownSeconds: 0, commandRateLimit: 3, commandRateWindowSeconds: 60 },
    }));
  });
  afterAll(async () => {
    await r?.close();
  });

  const askOn = async (question: string, user: UserSpec) => {
    const { id } = await r.fake.sendInteraction(r.fake.chatInput("ask", { question }, { user }));
    const data = await responseData(r.fake, id);
    return { data, messageId: String(r.fake.interaction(id)?.originalId) };
  };
  const vote = async (customId: string, messageId: string, user: UserSpec) => {
    const { id } = await r.fake.sendInteraction(r.fake.button(customId, { messageId, user }));
    return String(((await callbackOf(r.fake, id)).data as Json).content);
  };

  it("LOG_QUESTIONS=true keeps the text whatever the server's setting", async () => {
    await askOn(NOTHING, alice);
    expect(await r.bot.store.feedback.keptQuestions()).toEqual([
      { id: "fb-001", lang: "fr", q: NOTHING, expect: [], kind: "feedback-unanswered" },
    ]);
  });

  it("feedback clicks are limited per user like commands, apart from them", async () => {
    const answer = await askOn(DRUGS, bob);
    const { up } = voteIds(answer.data);
    for (let i = 0; i < 3; i++) expect(await vote(up, answer.messageId, carol)).toMatch(/^Merci/);
    expect(await vote(up, answer.messageId, carol)).toMatch(/^Doucement/);
    // Others are not held back, and carol's commands are not counted against her votes.
    expect(await vote(up, answer.messageId, dave)).toMatch(/^Merci/);
    expect(embedsOf((await askOn(DRUGS, carol)).data)[0]?.title).toMatch(/^Mesure 6/);
  });

  it("rows older than the retention period are deleted at start", async () => {
    const before = await r.bot.store.feedback.report();
    expect(before.votes.up).toBe(2);
    expect(before.unanswered).toBe(1);
    // Age every row by 31 days but dave's vote by 29, through a connection of the test's own.
    const daveHash = hashUserId(String(readSaltFile(r.dataDir)), dave.id);
    const db = new Database(path.join(r.dataDir, SETTINGS_FILE));
    db.prepare("UPDATE feedback_answers SET created_at = created_at - ?").run(31 * DAY_MS);
    const age = db.prepare(
      "UPDATE feedback_votes SET created_at = created_at - ? WHERE user_hash = ?",
    );
    const ageOthers = db.prepare(
      "UPDATE feedback_votes SET created_at = created_at - ? WHERE user_hash != ?",
    );
    age.run(29 * DAY_MS, daveHash);
    ageOthers.run(31 * DAY_MS, daveHash);
    db.close();

    await r.restart();
    const after = await r.bot.store.feedback.report();
    // Dave's vote is all that is left.
    expect(after.votes).toEqual({ up: 1, down: 0 });
    expect(await r.bot.store.feedback.forget(dave.id)).toEqual({ votes: 1, questions: 0 });
    expect(after.unanswered).toBe(0);
    expect(await r.bot.store.feedback.keptQuestions()).toEqual([]);
  });
});
