/**
 * Secrets and logs, end to end ("Secrets and logs"): the token never appears in what the
 * bot prints, even when errors carry it; every answered request is one structured line (kind,
 * clause id, score, latency); what users type is logged only with LOG_QUESTIONS=true.
 */
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, type Json, startFakeDiscord } from "../../tools/fake-discord/index.ts";
import { replyTo } from "../support/bot-harness.ts";
import { botReady, type ChildBot, spawnBot } from "../support/child-bot.ts";
import {
  CALLBACK,
  CHANNEL_MESSAGE,
  dataOf,
  ERROR_LEVEL,
  failingEngine,
  type LogLine,
  logLine,
  type Rig,
  startRig,
  until,
  user,
} from "../support/reliability.ts";

let nextUser = 500;
const someone = () => ({ user: user(nextUser++) });

async function answered(fake: FakeDiscord, spec: ReturnType<FakeDiscord["chatInput"]>) {
  const { id } = await fake.sendInteraction(spec);
  const request = await fake.waitForRequest(
    (r) => r.path.startsWith(`/interactions/${id}/`) && r.status < 400,
  );
  return dataOf(request);
}

describe("the token never appears in logs, even in errors that carry it", () => {
  let rig: Rig;
  let token = "";
  beforeAll(async () => {
    rig = await startRig({
      engine: failingEngine("LEAK", () => `engine exploded; token was ${token}`),
    });
    token = rig.fake.token;
  });
  afterAll(async () => {
    await rig?.close();
  });

  it("after a handler error, Discord errors quoting it, a 5xx and a 10062", async () => {
    const botId = rig.fake.botUserId;
    // 1. A handler throws an error whose message holds the token.
    await answered(rig.fake, rig.fake.chatInput("ask", { question: "LEAK" }, someone()));
    // 2. Discord refuses the answer with a message quoting the token.
    rig.fake.failNext(CALLBACK, {
      status: 400,
      body: { code: 50035, message: `Invalid Form Body (${token})` },
    });
    await answered(rig.fake, rig.fake.chatInput("measure", { number: 2 }, someone()));
    // 3. Same in chat, where nothing can be re-sent.
    rig.fake.failNext(CHANNEL_MESSAGE, {
      status: 403,
      body: { code: 50013, message: `Missing Permissions for ${token}` },
    });
    const refused = rig.fake.sendMessage({ content: `<@${botId}> mesure 3`, mentions: [botId] });
    await rig.fake.waitForRequest((r) => r.injected && r.status === 403);
    // 4. A 5xx and a 10062.
    rig.fake.failNext(CALLBACK, { status: 503 });
    await answered(rig.fake, rig.fake.chatInput("measure", { number: 4 }, someone()));
    rig.fake.failNext(CALLBACK, {
      status: 404,
      body: { code: 10062, message: `Unknown interaction ${token}` },
    });
    const gone = rig.fake.chatInput("measure", { number: 5 }, someone());
    await rig.fake.sendInteraction(gone);

    await logLine(
      rig,
      "the 10062 warning",
      (l) => l.interactionId === gone.id && l.level >= 40 && l.msg !== "Discord REST error",
    );
    await logLine(rig, "the chat refusal", (l) => l.messageId === refused.id);
    const all = rig.raw.join("");
    expect(all).not.toContain(token);
    // The token did reach the logger, and was censored there.
    expect(all.split("[redacted]").length - 1).toBeGreaterThanOrEqual(4);
    // Interaction tokens (15 minutes of posting as the bot) are censored as well.
    for (const r of rig.fake.requests.filter((r) => r.path.includes("/interactions/"))) {
      const interactionToken = r.path.split("/")[3] ?? "";
      expect(interactionToken.length).toBeGreaterThan(10);
      expect(all).not.toContain(interactionToken);
    }
    expect(rig.logs().filter((l) => l.level >= ERROR_LEVEL)).toHaveLength(1);
  });

  it("errors keep their context: where, who, which Discord code", async () => {
    const handler = rig.logs().find((l) => l.msg === "interaction handler failed") as LogLine;
    expect(handler).toMatchObject({
      kind: "command",
      command: "ask",
      guildId: expect.any(String),
      user: expect.stringMatching(/^[0-9a-f]{16}$/),
      interactionId: expect.any(String),
      err: { type: "Error", message: "engine exploded; token was [redacted]" },
    });
    const chat = rig.logs().find((l) => l.msg === "cannot answer in this channel") as LogLine;
    expect(chat).toMatchObject({ channelId: expect.any(String), err: { code: 50013 } });
  });
});

/** Shorter than a registered secret may be: only the redaction of URLs can hide it. */
const PROXY_PASSWORD = "pw4you";

describe("the token never appears in the output of `npm start`'s process", () => {
  let fake: FakeDiscord;
  let bot: ChildBot;
  beforeAll(async () => {
    fake = await startFakeDiscord();
    // Through a proxy that wants credentials, which REST errors carry in their URL.
    const apiUrl = fake.apiUrl.replace("http://", `http://bot:${PROXY_PASSWORD}@`);
    bot = spawnBot(fake, { LOG_LEVEL: "debug", DISCORD_API_URL: apiUrl });
    await botReady(fake);
  }, 30_000);
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
  });

  it("nor the password of DISCORD_API_URL, which Discord's errors carry in their URL", async () => {
    fake.failNext(CHANNEL_MESSAGE, {
      status: 403,
      body: { code: 50013, message: "Missing Permissions" },
    });
    const mention = fake.sendMessage({
      content: `<@${fake.applicationId}> qui a signé ?`,
      author: user(nextUser++),
    });
    await fake.waitForRequest((r) => r.injected && r.status === 403);
    await until("the refusal in the output", () =>
      bot.output().includes("cannot answer in this channel"),
    );
    const refusal = bot.logs().find((l) => l.msg === "cannot answer in this channel");
    expect(refusal).toMatchObject({ messageId: mention.id, err: { code: 50013 } });
    expect(String((refusal?.err as { url?: string } | undefined)?.url)).toMatch(
      /^http:\/\/\[redacted\]@127\.0\.0\.1:\d+\/api\/v10\/channels\/\d+\/messages$/,
    );
    expect(bot.output()).not.toContain(PROXY_PASSWORD);
  }, 30_000);

  it("even when Discord's error messages quote it", async () => {
    fake.failNext(CALLBACK, {
      status: 400,
      body: { code: 50035, message: `Invalid Form Body (${fake.token})` },
    });
    const data = await answered(fake, fake.chatInput("measure", { number: 3 }, someone()));
    expect(String(data.content)).toMatch(/erreur s’est produite/);
    await until("the refusal in the output", () =>
      bot.output().includes("Discord refused the answer"),
    );
    const exited = bot.exited;
    bot.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(bot.output()).toContain("[redacted]");
    expect(bot.output()).not.toContain(fake.token);
    expect(bot.output()).not.toContain(PROXY_PASSWORD);
  }, 30_000);
});

describe("one structured line per answered request", () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ logLevel: "info" });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it("with kind, clause id, score and latency, at info level", async () => {
    const { fake } = rig;
    const botId = fake.botUserId;
    await answered(fake, fake.chatInput("measure", { number: 3 }, someone()));
    await answered(fake, fake.chatInput("ask", { question: "qui a signé ce texte ?" }, someone()));
    await answered(fake, fake.chatInput("ask", { question: "quelle heure est-il ?" }, someone()));
    await answered(fake, fake.chatInput("quote", { clause: "M4" }, someone()));
    await answered(fake, fake.chatInput("help", undefined, someone()));
    await answered(fake, fake.button("next:M2", someone()));
    await answered(
      fake,
      fake.messageContextMenu("Find in declaration", { content: "des briefings militaires" }),
    );
    const mention = fake.sendMessage({ content: `<@${botId}> mesure 6`, mentions: [botId] });
    await replyTo(fake, mention.id);
    const cited = fake.sendMessage({ content: "comme le dit la mesure 1", author: user(9) });
    await replyTo(fake, cited.id);

    const lines = await until("nine answered lines", () => {
      const found = rig
        .logs()
        .filter((l) => l.msg === "interaction answered" || l.msg === "chat answered");
      return found.length >= 9 ? found : undefined;
    });
    expect(lines).toHaveLength(9);
    for (const line of lines) {
      expect(line.level).toBe(30);
      expect(["command", "component", "chat"]).toContain(line.kind);
      expect(typeof line.outcome).toBe("string");
      expect(line.latencyMs).toEqual(expect.any(Number));
      expect(line.latencyMs as number).toBeGreaterThanOrEqual(0);
    }
    const withClause = lines.filter((l) => l.clause !== undefined);
    expect(withClause.map((l) => l.clause).sort()).toEqual(
      ["M1", "M2", "M3", "M4", "M4", "M6", "signatories"].sort(),
    );
    for (const line of withClause) expect(line.score).toEqual(expect.any(Number));
    expect(lines.find((l) => l.command === "ask" && l.outcome === "none")).toBeDefined();
  });

  it("nothing at info level for a keystroke of autocomplete", async () => {
    const before = rig.raw.length;
    const { id } = await rig.fake.sendInteraction(
      rig.fake.chatInput("ask", { question: "sign" }, { type: 4 }),
    );
    await rig.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${id}/`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rig.raw.slice(before)).toEqual([]);
  });
});

describe("LOG_QUESTIONS", () => {
  const MARKER = "zanzibar";

  /** Questions, chat, and refusals whose messages echo the user's text, all carrying MARKER. */
  async function exercise(rig: Rig): Promise<void> {
    const { fake } = rig;
    const botId = fake.botUserId;
    await answered(fake, fake.chatInput("ask", { question: `mesure 2 ${MARKER}` }, someone()));
    await answered(fake, fake.chatInput("quote", { clause: `${MARKER} 9` }, someone()));
    await answered(fake, fake.chatInput("measure", [{ name: "number", type: 4, value: MARKER }]));
    const m1 = fake.sendMessage({
      content: `<@${botId}> qui a signé ? ${MARKER}`,
      mentions: [botId],
      author: user(1),
    });
    await replyTo(fake, m1.id);
    const m2 = fake.sendMessage({
      content: `${MARKER}, comme le dit la mesure 4`,
      author: user(2),
    });
    const reply = await replyTo(fake, m2.id);
    expect(((reply.body as Json).embeds as APIEmbed[])[0]?.title).toMatch(/^Mesure 4/);
    await until(
      "the chat line",
      () => rig.logs().filter((l) => l.msg === "chat answered").length >= 2,
    );
  }

  it("off (the default): nothing users typed reaches the logs", async () => {
    const rig = await startRig();
    try {
      expect(rig.config.logQuestions).toBeUndefined();
      await exercise(rig);
      expect(rig.raw.join("")).not.toContain(MARKER);
      expect(rig.logs().filter((l) => l.msg === "interaction refused").length).toBe(2);
    } finally {
      await rig.close();
    }
  });

  it("on: the answered lines carry the question, the refusals what was typed", async () => {
    const rig = await startRig({ config: { logQuestions: true } });
    try {
      await exercise(rig);
      const answeredLines = rig
        .logs()
        .filter((l) => l.msg === "interaction answered" || l.msg === "chat answered");
      expect(answeredLines.filter((l) => String(l.question).includes(MARKER))).toHaveLength(3);
      const refusals = rig.logs().filter((l) => l.msg === "interaction refused");
      expect(refusals.filter((l) => String(l.detail).includes(MARKER))).toHaveLength(2);
    } finally {
      await rig.close();
    }
  });
});
