/**
 * What `handleInteraction` does around every handler, through the recording transport: a late
 * interaction deferred with the visibility of its answer, the per-user command limit, and the
 * safety net (a bug answered with an apology, an expired interaction left alone, a failed save
 * said as such, autocomplete that never fails loudly).
 */
import { DiscordSnowflake } from "@sapphire/snowflake";
import { describe, expect, it } from "vitest";
import { StoreWriteFailed } from "../../../src/store/errors.ts";
import { memoryLimiter } from "../../../src/store/limits.ts";
import type { InteractionSpec } from "../../../tools/fake-discord/types.ts";
import { expectRefusal, fileHarness, handlerHarness } from "../../support/handler-harness.ts";
import { ADMIN, embedsOf } from "../../support/payloads.ts";
import {
  autocomplete,
  botMessage,
  button,
  Recorder,
  slash,
} from "../../support/recording-transport.ts";

const h = await fileHarness();

/** `payload` as it reaches a handler 2 s after Discord created it: past the deferral threshold. */
const late = (payload: InteractionSpec): InteractionSpec => ({
  ...payload,
  id: DiscordSnowflake.generate({ timestamp: Date.now() - 2000 }).toString(),
});

describe("a late interaction is deferred as its answer will be shown", () => {
  it("a public answer: a public deferral (5, flags 0), then the card in its place", async () => {
    const a = await h.run(late(slash("measure", { number: 3 })));
    expect(a.sent.map((s) => s.kind)).toEqual(["callback", "edit"]);
    expect(a.sent[0]?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(embedsOf(a.message)[0]?.title).toBe(h.cardTitle("M3", "fr"));
    expect(a.outcome).toMatchObject({ deferred: true, clause: "M3" });
  });

  it("a private answer: a private deferral (5, flags 64)", async () => {
    const a = await h.run(late(slash("declaration")));
    expect(a.sent.map((s) => s.kind)).toEqual(["callback", "edit"]);
    expect(a.sent[0]?.body).toEqual({ type: 5, data: { flags: 64 } });
  });

  it("a public deferral whose answer turns out private: the placeholder goes, the answer follows privately", async () => {
    const a = await h.run(late(slash("measure", { number: 99 })));
    expect(a.sent.map((s) => s.kind)).toEqual(["callback", "delete", "followUp"]);
    expect(a.ephemeral).toBe(true);
  });

  it("a button on a private message: a silent acknowledgement (6), then the message edited", async () => {
    const overview = await h.run(slash("declaration"));
    const a = await h.run(late(button("page:0", { messageId: botMessage(overview.message) })));
    expect(a.sent.map((s) => s.kind)).toEqual(["callback", "edit"]);
    expect(a.type).toBe(6);
  });
});

describe("the per-user command limit", () => {
  it("past the limit, the user is told to slow down, privately, and nothing else runs", async () => {
    const limited = await handlerHarness({
      commandLimit: memoryLimiter({ name: "commands", limit: 1, windowMs: 60_000 }),
    });
    try {
      expect((await limited.run(slash("measure", { number: 1 }))).ephemeral).toBe(false);
      const a = await limited.run(slash("measure", { number: 2 }, { locale: "ru" }));
      expectRefusal(a, limited.engine, "ru", { outcome: "rate-limited" });
    } finally {
      await limited.close();
    }
  });
});

describe("the safety net", () => {
  it("a bug is logged as one and answered with a private apology", async () => {
    const a = await h.run(slash("no-such-command", undefined, { locale: "en-US" }));
    expect([a.type, a.ephemeral]).toEqual([4, true]);
    expect(h.engine.detectLanguage(String(a.message.content), null)).toBe("en");
    expect(a.logs.filter((l) => l.level === 50).map((l) => l.msg)).toEqual([
      "interaction handler failed",
    ]);
  });

  it("an interaction Discord no longer knows (10062) is logged and left alone", async () => {
    const recorder = new Recorder();
    recorder.refuseNext("callback", 10062);
    const a = await h.run(slash("measure", { number: 2 }), recorder);
    expect(a.sent).toEqual([]);
    expect(a.logs.some((l) => l.msg === "interaction expired before it was answered")).toBe(true);
    expect(a.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it("a setting the database cannot save: the user is told nothing was saved", async () => {
    const failing = await handlerHarness();
    const { settings } = failing.ctx.store;
    settings.setFlag = async () => {
      throw new StoreWriteFailed("settings", { cause: new Error("disk full") });
    };
    try {
      const quoting = [
        { name: "quoting", type: 1, options: [{ name: "enabled", type: 5, value: false }] },
      ];
      const a = await failing.run(slash("settings", quoting, { memberPermissions: ADMIN }));
      expect([a.type, a.ephemeral]).toEqual([4, true]);
      expect(failing.engine.detectLanguage(String(a.message.content), null)).toBe("fr");
      expect(a.logs.some((l) => l.msg === "could not save")).toBe(true);
    } finally {
      await failing.close();
    }
  });

  it("autocomplete for a command without it offers nothing, and expired suggestions stay quiet", async () => {
    const none = await h.run(autocomplete("help", { topic: "x" }));
    expect(none.sent).toEqual([{ kind: "callback", body: { type: 8, data: { choices: [] } } }]);
    const recorder = new Recorder();
    recorder.refuseNext("callback", 10062);
    const expired = await h.run(autocomplete("measure", { number: "3" }), recorder);
    expect(expired.logs.filter((l) => l.level >= 40)).toEqual([]);
  });
});
