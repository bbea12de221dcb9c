/**
 * Graceful shutdown ("Faults"): on stop, SIGTERM or SIGINT the bot lets the replies in
 * flight reach Discord, then disconnects, closes the settings database and exits 0 within 5 s.
 * A reply is held in flight by a 429 whose retry-after outlasts the signal.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../../tools/fake-discord/index.ts";
import { repliesTo, replyTo } from "../support/bot-harness.ts";
import { botReady, type ChildBot, spawnBot } from "../support/child-bot.ts";
import { logLine, startRig, user } from "../support/reliability.ts";

const CALLBACK = { method: "POST", path: /^\/interactions\/\d+\/[^/]+\/callback$/ };
const CHANNEL_MESSAGE = { method: "POST", path: /^\/channels\/\d+\/messages$/ };

/** Whether the bot's reply to `messageId` was accepted (not just attempted). */
async function accepted(fake: FakeDiscord, messageId: string): Promise<boolean> {
  await replyTo(fake, messageId);
  return repliesTo(fake, messageId).length === 1;
}

describe("Bot.stop()", () => {
  it("waits for a chat reply in flight, then disconnects and closes the settings database", async () => {
    const rig = await startRig();
    try {
      rig.fake.failNext(CHANNEL_MESSAGE, { status: 429, headers: { "retry-after": "0.5" } });
      const { id } = rig.fake.sendMessage({ content: "comme le dit la mesure 4" });
      await rig.fake.waitForRequest((r) => r.injected && r.status === 429);

      await rig.bot.stop();

      // The retried reply went out before the client (and its token) was gone.
      expect(await accepted(rig.fake, id)).toBe(true);
      const line = await logLine(rig, "the drain", (l) => l.msg === "waited for running handlers");
      expect(line).toMatchObject({ running: 1, drained: true });
      expect(rig.fake.connections()).toBe(0);
      // The store is closed too.
      expect(await rig.bot.store.health()).toEqual({ engine: "sqlite", ok: false });
    } finally {
      await rig.close();
    }
  });

  it("leaves alone what arrives once stopping has begun", async () => {
    const rig = await startRig();
    try {
      rig.fake.failNext(CHANNEL_MESSAGE, { status: 429, headers: { "retry-after": "0.3" } });
      rig.fake.sendMessage({ content: "comme le dit la mesure 2" });
      await rig.fake.waitForRequest((r) => r.injected && r.status === 429);
      const stopping = rig.bot.stop();
      // Arrives during the drain: not started, so it cannot hold the shutdown up.
      rig.fake.sendMessage({ content: "comme le dit la mesure 3", author: user(1) });
      await stopping;
      const line = await logLine(rig, "the drain", (l) => l.msg === "waited for running handlers");
      expect(line).toMatchObject({ running: 1, drained: true });
      expect(rig.logs().filter((l) => l.msg === "chat answered")).toHaveLength(1);
    } finally {
      await rig.close();
    }
  });
});

describe("`npm start` on a signal", () => {
  // A fresh fake per process, so that "ready" means this process registered its commands.
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await startFakeDiscord();
  });
  afterEach(async () => {
    await fake?.close();
  });

  async function runUntilSignal(
    signal: NodeJS.Signals,
    inFlight: (bot: ChildBot) => Promise<() => Promise<void>>,
  ): Promise<void> {
    const bot = spawnBot(fake);
    try {
      await botReady(fake);
      const check = await inFlight(bot);
      const sentAt = Date.now();
      bot.child.kill(signal);
      expect(await bot.exited).toBe(0);
      // The promise is an exit within 5 s.
      expect(Date.now() - sentAt).toBeLessThan(5000);
      await check();
      const out = bot.output();
      expect(out).toContain('"waited for running handlers"');
      expect(out.indexOf('"waited for running handlers"')).toBeLessThan(
        out.indexOf('"bot stopped"'),
      );
    } finally {
      await bot.close();
    }
  }

  it("SIGTERM: an interaction answer in flight is delivered, then exit 0", async () => {
    await runUntilSignal("SIGTERM", async () => {
      fake.failNext(CALLBACK, { status: 429, headers: { "retry-after": "0.5" } });
      const { id } = await fake.sendInteraction(fake.chatInput("measure", { number: 3 }));
      await fake.waitForRequest((r) => r.injected && r.path.startsWith(`/interactions/${id}/`));
      return async () => {
        const ok = await fake.waitForRequest(
          (r) => r.path.startsWith(`/interactions/${id}/`) && r.status === 204,
        );
        expect(ok.injected).toBe(false);
      };
    });
  }, 30_000);

  it("SIGINT: a chat reply in flight is delivered, then exit 0", async () => {
    await runUntilSignal("SIGINT", async () => {
      fake.failNext(CHANNEL_MESSAGE, { status: 429, headers: { "retry-after": "0.5" } });
      const { id } = fake.sendMessage({ content: "comme le dit la mesure 5", author: user(2) });
      await fake.waitForRequest((r) => r.injected && r.status === 429);
      return async () => {
        expect(await accepted(fake, id)).toBe(true);
      };
    });
  }, 30_000);
});
