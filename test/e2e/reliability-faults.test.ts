/**
 * Faults, end to end ("Faults"): REST errors Discord returns (50013, 10062, 429, 5xx)
 * are logged and survived; a handler that fails affects no other; gateway outages, resumable or
 * not, end with the bot connected and answering each interaction and message exactly once.
 */
import { once } from "node:events";
import type { APIEmbed } from "discord.js";
import { Events } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_GUILD_ID,
  type FakeDiscord,
  type InteractionSpec,
  type Json,
} from "../../tools/fake-discord/index.ts";
import { EPHEMERAL, repliesTo, replyTo } from "../support/bot-harness.ts";
import {
  CALLBACK,
  CHANNEL_MESSAGE,
  callbacks,
  dataOf,
  ERROR_LEVEL,
  failingEngine,
  type LogLine,
  logLine,
  type Rig,
  startRig,
  user,
  WARN_LEVEL,
} from "../support/reliability.ts";

let nextUser = 100;

/** Sends an interaction and waits for its accepted initial response. */
async function answered(fake: FakeDiscord, spec: InteractionSpec): Promise<Json> {
  const { id } = await fake.sendInteraction(spec);
  const request = await fake.waitForRequest(
    (r) => r.path.startsWith(`/interactions/${id}/`) && r.status < 400,
  );
  return dataOf(request);
}

function measure(fake: FakeDiscord, n: number): InteractionSpec {
  return fake.chatInput("measure", { number: n }, { user: user(nextUser++) });
}

function title(data: Json): string | undefined {
  return ((data.embeds ?? []) as APIEmbed[])[0]?.title;
}

describe("REST errors are logged and survived", () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ engine: failingEngine("BOOM") });
  });
  afterAll(async () => {
    await rig?.close();
  });

  const logsSince = (from: number) => rig.logs().slice(from);

  it("50013 Missing Permissions on a chat reply: logged, and answered again once permissions change", async () => {
    const from = rig.raw.length;
    rig.fake.failNext(CHANNEL_MESSAGE, {
      status: 403,
      body: { code: 50013, message: "Missing Permissions" },
    });
    const refused = rig.fake.sendMessage({ content: "comme le dit la mesure 4" });
    await rig.fake.waitForRequest((r) => r.injected && r.status === 403);
    const line = await logLine(
      rig,
      "the 50013 warning",
      (l) => l.msg === "cannot answer in this channel",
    );
    // The channel is left alone (refused-channels.test.ts) until a permission event.
    await rig.fake.updateRole(DEFAULT_GUILD_ID);
    const next = rig.fake.sendMessage({ content: "comme le dit la mesure 5" });
    expect(title((await replyTo(rig.fake, next.id)).body as Json)).toMatch(/^Mesure 5/);

    expect(line).toMatchObject({
      level: WARN_LEVEL,
      kind: "chat",
      messageId: refused.id,
      err: { code: 50013, status: 403 },
    });
    expect(logsSince(from).some((l) => l.msg === "Discord REST error" && l.status === 403)).toBe(
      true,
    );
    expect(logsSince(from).filter((l) => l.level >= ERROR_LEVEL)).toEqual([]);
  });

  it("10062 Unknown interaction: logged, no second attempt, the next interaction is answered", async () => {
    rig.fake.failNext(CALLBACK, {
      status: 404,
      body: { code: 10062, message: "Unknown interaction" },
    });
    const { id } = await rig.fake.sendInteraction(measure(rig.fake, 2));
    await rig.fake.waitForRequest((r) => r.injected && r.path.startsWith(`/interactions/${id}/`));
    expect(title(await answered(rig.fake, measure(rig.fake, 3)))).toMatch(/^Mesure 3/);

    const line = await logLine(
      rig,
      "the 10062 warning",
      (l) => l.interactionId === id && l.level === WARN_LEVEL && l.msg !== "Discord REST error",
    );
    expect(line).toMatchObject({
      msg: "interaction expired before it was answered",
      err: { code: 10062 },
    });
    // The bot did not try to send an apology to an interaction Discord no longer knows.
    const attempts = rig.fake.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`));
    expect(attempts).toHaveLength(1);
  });

  it("429 with retry-after: discord.js waits and retries, the answer arrives once, the 429 is logged", async () => {
    rig.fake.failNext(CALLBACK, { status: 429, headers: { "retry-after": "0.2" } });
    const { id } = await rig.fake.sendInteraction(measure(rig.fake, 4));
    const ok = await rig.fake.waitForRequest(
      (r) => r.path.startsWith(`/interactions/${id}/`) && r.status < 400,
    );
    expect(title(dataOf(ok))).toMatch(/^Mesure 4/);
    expect(callbacks(rig.fake, id)).toHaveLength(1);
    const line = await logLine(rig, "the 429 warning", (l) => l.msg === "Discord rate limit (429)");
    expect(line).toMatchObject({ status: 429, retryAfterSeconds: 0.2 });
    expect(String(line.route)).not.toMatch(/\/interactions\/\d+\/(?!:token)/);
  });

  it("a 5xx once: retried and answered", async () => {
    rig.fake.failNext(CALLBACK, { status: 502 });
    expect(title(await answered(rig.fake, measure(rig.fake, 5)))).toMatch(/^Mesure 5/);
    await logLine(
      rig,
      "the 502 warning",
      (l) => l.msg === "Discord REST error" && l.status === 502,
    );
  });

  it("5xx beyond discord.js's retries: the user still gets a polite apology", async () => {
    // discord.js makes 4 attempts (retries: 3); the bot's apology is the fifth request.
    rig.fake.failNext(CALLBACK, { status: 500 }, 4);
    const spec = measure(rig.fake, 6);
    const data = await answered(rig.fake, spec);
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(data.content)).toMatch(/erreur s’est produite/);
    const line = await logLine(
      rig,
      "the refusal",
      (l) => l.interactionId === spec.id && l.msg === "Discord refused the answer",
    );
    expect(line).toMatchObject({ level: WARN_LEVEL, err: { status: 500 } });
  });

  it("a handler that throws: apology and error log for it, normal answers for the others", async () => {
    const boom = rig.fake.chatInput("ask", { question: "BOOM" }, { user: user(nextUser++) });
    const fine = rig.fake.chatInput(
      "ask",
      { question: "qui a signé ce texte ?" },
      { user: user(nextUser++) },
    );
    // Both arrive together; the failure of one must not touch the other.
    const [failed, good] = await Promise.all([answered(rig.fake, boom), answered(rig.fake, fine)]);
    expect(String(failed.content)).toMatch(/erreur s’est produite/);
    expect(Number(failed.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(title(good)).toMatch(/^Signataires/);
    expect(title(await answered(rig.fake, measure(rig.fake, 1)))).toMatch(/^Mesure 1/);

    const line = await logLine(
      rig,
      "the handler error",
      (l) => l.interactionId === boom.id && l.level >= ERROR_LEVEL,
    );
    expect(line).toMatchObject({
      msg: "interaction handler failed",
      kind: "command",
      command: "ask",
      err: { type: "Error", message: "injected engine failure" },
    });
    expect(typeof (line.err as LogLine).stack).toBe("string");
  });

  it("a chat handler that throws: error logged, the next message is answered", async () => {
    const botId = rig.fake.botUserId;
    const boom = rig.fake.sendMessage({ content: `<@${botId}> BOOM`, mentions: [botId] });
    const next = rig.fake.sendMessage({ content: `<@${botId}> mesure 6`, mentions: [botId] });
    expect(title((await replyTo(rig.fake, next.id)).body as Json)).toMatch(/^Mesure 6/);
    expect(repliesTo(rig.fake, boom.id)).toHaveLength(0);
    const line = await logLine(rig, "the chat error", (l) => l.messageId === boom.id);
    expect(line).toMatchObject({ level: ERROR_LEVEL, msg: "chat handler failed", kind: "chat" });
  });
});

describe("gateway outages", () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig();
    await rig.bot.commandsSynced;
  });
  afterAll(async () => {
    await rig?.close();
  });

  /** Listener counts that must not change however often the bot reconnects. */
  function listeners() {
    const client = rig.bot.client;
    return {
      interactions: client.listenerCount(Events.InteractionCreate),
      messages: client.listenerCount(Events.MessageCreate),
    };
  }

  /**
   * Disrupts the gateway, sends an interaction and a message while the bot is away (the fake holds
   * them until a session is back, as Discord does), waits for `recovered`, sends one of each more,
   * and checks that each was answered exactly once.
   */
  async function survive(disrupt: () => void, recovered: Promise<unknown>): Promise<void> {
    const before = listeners();
    const botId = rig.fake.botUserId;
    disrupt();
    const during = measure(rig.fake, 2);
    const delivered = rig.fake.sendInteraction(during);
    const duringMessage = rig.fake.sendMessage({
      content: `<@${botId}> mesure 3`,
      mentions: [botId],
    });
    await recovered;
    await delivered;

    const afterSpec = measure(rig.fake, 4);
    expect(title(await answered(rig.fake, afterSpec))).toMatch(/^Mesure 4/);
    const afterMessage = rig.fake.sendMessage({
      content: `<@${botId}> mesure 5`,
      mentions: [botId],
    });
    expect(title((await replyTo(rig.fake, afterMessage.id)).body as Json)).toMatch(/^Mesure 5/);
    expect(title((await replyTo(rig.fake, duringMessage.id)).body as Json)).toMatch(/^Mesure 3/);
    await rig.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${during.id}/`));

    // Exactly once: no handler registered twice, no event handled twice.
    expect(listeners()).toEqual(before);
    for (const spec of [during, afterSpec]) expect(callbacks(rig.fake, spec.id)).toHaveLength(1);
    for (const m of [duringMessage, afterMessage])
      expect(repliesTo(rig.fake, m.id)).toHaveLength(1);
    expect(rig.fake.connections()).toBe(1);
    // Commands are registered once, at the first start, not on every reconnect.
    const puts = rig.fake.requests.filter(
      (r) => r.method === "PUT" && r.path.endsWith("/commands"),
    );
    expect(puts).toHaveLength(1);
  }

  it("a resumable close (4000): the session resumes, each event is answered once", async () => {
    await survive(() => rig.fake.closeConnections(4000), once(rig.bot.client, Events.ShardResume));
    expect(rig.fake.resumes.filter((r) => r.accepted)).toHaveLength(1);
    expect(rig.fake.identifies).toHaveLength(1);
  });

  it("a non-resumable close (4009): a new session, each event is answered once", async () => {
    await survive(() => rig.fake.closeConnections(4009), once(rig.bot.client, Events.ShardReady));
    expect(rig.fake.identifies).toHaveLength(2);
  });

  it("an invalid session (op 9, not resumable): a new session, each event is answered once", async () => {
    await survive(() => rig.fake.invalidateSession(false), once(rig.bot.client, Events.ShardReady));
    expect(rig.fake.identifies).toHaveLength(3);
  });

  it("logged the disconnections as warnings, and no error", async () => {
    const logs = rig.logs();
    const lost = logs.filter((l) => l.msg === "gateway connection lost, reconnecting");
    expect(lost.length).toBeGreaterThanOrEqual(3);
    expect(lost[0]?.level).toBe(WARN_LEVEL);
    expect(logs.filter((l) => l.msg === "gateway resumed")).toHaveLength(1);
    expect(logs.filter((l) => l.level >= ERROR_LEVEL)).toEqual([]);
  });
});
