/**
 * /settings through `handleInteraction`, the recording transport and a store in memory: who may
 * change what (Discord hides the command from members, and the handler checks again), what each
 * subcommand stores, and the private, polite refusals.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../src/store/settings.ts";
import type { InteractionSpec, Json } from "../../../tools/fake-discord/types.ts";
import { DEFAULT_CHANNEL_ID, DEFAULT_GUILD_ID } from "../../../tools/fake-discord/world.ts";
import { expectRefusal, fileHarness, LOCALES } from "../../support/handler-harness.ts";
import { ADMIN, embedsOf } from "../../support/payloads.ts";
import { slash } from "../../support/recording-transport.ts";

const h = await fileHarness();

const settingsNow = () => h.ctx.store.settings.get(DEFAULT_GUILD_ID);

/** `/settings <sub>` (or `<group> <sub>`) with `options`, as a member holding `permissions`. */
function settings(
  path: string,
  options: Json[] = [],
  extra: { locale?: string; memberPermissions?: string; guildId?: null } = {},
): InteractionSpec {
  const [first = "", second] = path.split(" ");
  const sub = (name: string) => ({ name, type: 1, options });
  const top = second ? { name: first, type: 2, options: [sub(second)] } : sub(first);
  return slash("settings", [top], { memberPermissions: ADMIN, ...extra });
}

const enabled = (value: boolean) => [{ name: "enabled", type: 5, value }];
const channel = (id: string) => [{ name: "channel", type: 7, value: id }];

describe("who may change settings", () => {
  it.each(LOCALES)(
    "a member without Manage Server is refused privately (%s), and nothing changes",
    async (locale, lang) => {
      const a = await h.run(
        settings("quoting", enabled(false), { locale, memberPermissions: "0" }),
      );
      expectRefusal(a, h.engine, lang, "needs-manage-guild");
      expect(await settingsNow()).toEqual(DEFAULT_SETTINGS);
    },
  );

  it("in a DM there is no server to set up: refused privately", async () => {
    const a = await h.run(settings("show", [], { guildId: null, locale: "en-US" }));
    expectRefusal(a, h.engine, "en", "guild-only");
  });
});

describe("what a manager changes", () => {
  it("show: the settings, privately, one field each", async () => {
    const a = await h.run(settings("show"));
    expect([a.type, a.ephemeral]).toEqual([4, true]);
    const [embed] = embedsOf(a.message);
    expect(embed?.fields?.length).toBeGreaterThanOrEqual(5);
    expect(a.outcome).toMatchObject({ outcome: "settings/show" });
  });

  it("Q&A channels: added once, said privately with the channel, removed again", async () => {
    const add = await h.run(settings("qa-channels add", channel(DEFAULT_CHANNEL_ID)));
    expect([add.type, add.ephemeral]).toEqual([4, true]);
    expect(String(add.message.content)).toContain(`<#${DEFAULT_CHANNEL_ID}>`);
    expect((await settingsNow()).qaChannels).toEqual([DEFAULT_CHANNEL_ID]);
    const again = await h.run(settings("qa-channels add", channel(DEFAULT_CHANNEL_ID)));
    expect(again.message.content).not.toBe(add.message.content);
    expect((await settingsNow()).qaChannels).toEqual([DEFAULT_CHANNEL_ID]);
    const listed = await h.run(settings("qa-channels list"));
    expect(JSON.stringify(embedsOf(listed.message))).toContain(`<#${DEFAULT_CHANNEL_ID}>`);
    await h.run(settings("qa-channels remove", channel(DEFAULT_CHANNEL_ID)));
    expect((await settingsNow()).qaChannels).toEqual([]);
  });

  it("a channel of the wrong kind (a voice channel) is refused privately", async () => {
    const payload = settings("qa-channels add", channel("444444444444444444"), { locale: "ru" });
    const data = payload.data as Json;
    data.resolved = { channels: { "444444444444444444": { id: "444444444444444444", type: 2 } } };
    expectRefusal(await h.run(payload), h.engine, "ru", "wrong-channel");
    expect((await settingsNow()).qaChannels).toEqual([]);
  });

  it("quoting and quote checks switch off and on", async () => {
    await h.run(settings("quoting", enabled(false)));
    await h.run(settings("quote-check", enabled(false)));
    expect(await settingsNow()).toMatchObject({ quoting: false, quoteCheck: false });
    const on = await h.run(settings("quoting", enabled(true)));
    expect(on.outcome).toMatchObject({ outcome: "settings/quoting" });
    expect(await settingsNow()).toMatchObject({ quoting: true, quoteCheck: false });
  });

  it("the chat language: one of three, or back to automatic; anything else is refused", async () => {
    const value = (v: string) => [{ name: "value", type: 3, value: v }];
    await h.run(settings("language", value("ru")));
    expect((await settingsNow()).language).toBe("ru");
    expectRefusal(
      await h.run(settings("language", value("de"), { locale: "en-US" })),
      h.engine,
      "en",
      "invalid-value",
    );
    expect((await settingsNow()).language).toBe("ru");
    await h.run(settings("language", value("auto")));
    expect((await settingsNow()).language).toBeNull();
  });

  it("feedback text: kept once turned on, no longer once turned off", async () => {
    await h.run(settings("feedback-text", enabled(true)));
    expect((await settingsNow()).feedbackText).toBe(true);
    const off = await h.run(settings("feedback-text", enabled(false)));
    expect(off.outcome).toMatchObject({ outcome: "settings/feedback-text" });
    expect((await settingsNow()).feedbackText).toBe(false);
  });
});
