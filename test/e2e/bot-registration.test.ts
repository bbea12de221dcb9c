/** Command registration at start-up: guild scope with DISCORD_GUILD_ID, and no client id needed. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { COMMAND_DEFINITIONS } from "../../src/discord/commands/index.ts";
import { type Harness, startHarness } from "../support/bot-harness.ts";

const GUILD = "111111111111111111";
let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, (config) =>
    config.discord
      ? { ...config, discord: { ...config.discord, guildId: GUILD, clientId: null } }
      : config,
  );
});
afterAll(async () => {
  await h?.close();
});

it("registers in the one server named by DISCORD_GUILD_ID, with one bulk overwrite", async () => {
  expect(await h.bot.commandsSynced).toBe("updated");
  expect(h.fake.commands(GUILD)).toHaveLength(COMMAND_DEFINITIONS.length);
  expect(h.fake.commands()).toHaveLength(0);
  const writes = h.fake.requests.filter((r) => r.method !== "GET" && r.path.includes("/commands"));
  expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
    `PUT /applications/${h.fake.applicationId}/guilds/${GUILD}/commands`,
  ]);
});

it("re-registers when the stored commands differ from the definitions", async () => {
  // Someone (an old version of the bot) left a different description behind.
  const stored = h.fake.commands(GUILD);
  const measure = stored.find((c) => c.name === "measure");
  if (!measure) throw new Error("measure not registered");
  measure.description = "old description";
  await h.restart();
  expect(await h.bot.commandsSynced).toBe("updated");
  const definition = COMMAND_DEFINITIONS.find((c) => c.name === "measure");
  const description = definition && "description" in definition ? definition.description : "";
  expect(description).toMatch(/^Show one of the declaration's \d+ measures$/);
  expect(h.fake.commands(GUILD).find((c) => c.name === "measure")?.description).toBe(description);
  await h.restart();
  expect(await h.bot.commandsSynced).toBe("unchanged");
});
