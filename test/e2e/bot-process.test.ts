/**
 * `npm start`'s real entry point as a child process (`tsx src/main.ts`), configured only through the
 * environment, against the fake Discord: it registers the commands, answers /measure 3, never logs
 * the token, and exits 0 on SIGTERM.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { COMMAND_DEFINITIONS } from "../../src/discord/commands/index.ts";
import { inviteUrl } from "../../src/discord/setup/invite.ts";
import { type FakeDiscord, startFakeDiscord } from "../../tools/fake-discord/index.ts";
import { runTs } from "../cli/run.ts";
import { embedsOf, responseData } from "../support/bot-harness.ts";
import { botReady, type ChildBot, spawnBot } from "../support/child-bot.ts";

let fake: FakeDiscord;
let bot: ChildBot;

beforeAll(async () => {
  fake = await startFakeDiscord();
  bot = spawnBot(fake, { LOG_LEVEL: "debug" });
}, 30_000);

afterAll(async () => {
  await bot?.close();
  await fake?.close();
});

it("registers the commands, answers /measure 3 and stops cleanly on SIGTERM", async () => {
  await botReady(fake);
  expect(fake.commands().map((c) => c.name)).toContain("measure");

  const { id } = await fake.sendInteraction(fake.chatInput("measure", { number: 3 }));
  const [embed] = embedsOf(await responseData(fake, id));
  expect(embed?.description).toContain("prevenir les incidents militaires dangereux");

  bot.child.kill("SIGTERM");
  expect(await bot.exited).toBe(0);
  expect(bot.output()).toContain("connected to Discord");
  // The invite an operator needs next, with this application's id.
  expect(bot.output()).toContain(inviteUrl(fake.applicationId));
  expect(bot.output()).not.toContain(fake.token);
  // No alarming warning on a normal start (src/discord/gateway/client.ts explains the one dropped), and a
  // clean SIGTERM is no outage.
  expect(bot.output()).not.toContain("UnsupportedCacheOverwriteWarning");
  expect(bot.output()).not.toContain("gateway connection lost");
  expect(bot.output()).not.toContain("gateway disconnected");
}, 30_000);

/** Runs a script to completion from a bare environment; its exit code and combined output. */
async function runScript(script: string, env: Record<string, string>) {
  const r = await runTs(script, [], { env, inherit: false });
  return { code: r.code, out: r.stdout + r.stderr };
}

it("`npm run register` registers the commands in one guild, reading the application id from the API", async () => {
  const guildId = "111111111111111111";
  const { code, out } = await runScript("src/cli/register.ts", {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: guildId,
  });
  const count = COMMAND_DEFINITIONS.length;
  expect(out).toContain(`Registered ${count} commands (guild 111111111111111111)`);
  expect(out).toContain(`Invite it to a server: ${inviteUrl(fake.applicationId)}`);
  expect(code).toBe(0);
  expect(fake.commands(guildId)).toHaveLength(count);
}, 30_000);

it("refuses a bad configuration with one message naming every problem, without the token", async () => {
  const { code, out } = await runScript("src/main.ts", {
    DISCORD_TOKEN: "secret-token-value",
    DISCORD_API_URL: "not a url",
    DISCORD_GUILD_ID: "my-server",
    LOG_LEVEL: "loud",
  });
  expect(code).toBe(1);
  expect(out).toContain("DISCORD_API_URL");
  expect(out).toContain("DISCORD_GUILD_ID");
  expect(out).toContain("LOG_LEVEL");
  expect(out).not.toContain("secret-token-value");
}, 30_000);

it("stops with one human line, not a stack, when the settings database is corrupt", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "corrupt-"));
  writeFileSync(path.join(dataDir, "settings.db"), "not a database ".repeat(100));
  try {
    const { code, out } = await runScript("src/main.ts", {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
    });
    expect(code).toBe(1);
    expect(out.split("\n")[0]).toMatch(
      /^the settings database .*settings\.db is corrupt or not a database/,
    );
    expect(out).not.toMatch(/\n\s+at /);
    expect(out).not.toContain(fake.token);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 30_000);

it.each([
  [
    "a wrong token",
    { DISCORD_TOKEN: "not-the-token" },
    /^Discord rejected DISCORD_TOKEN \(invalid token\): check \.env$/,
  ],
  [
    "an unreachable Discord",
    { DISCORD_API_URL: "http://127.0.0.1:9" },
    /^cannot reach Discord at http:\/\/127\.0\.0\.1:9: connection refused$/,
  ],
  [
    "an unreachable proxy that wants credentials",
    { DISCORD_API_URL: "http://bot:pw4you@127.0.0.1:9/api" },
    /^cannot reach Discord at http:\/\/\[redacted\]@127\.0\.0\.1:9\/api: connection refused$/,
  ],
])(
  "a failed start with %s says why in one human line, first, then stops",
  async (_name, env, line) => {
    for (const script of ["src/main.ts", "src/cli/register.ts"]) {
      const { code, out } = await runScript(script, {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_CLIENT_ID: "123456789012345678",
        DATA_DIR: mkdtempSync(path.join(tmpdir(), "start-")),
        ...env,
      });
      expect(code, script).toBe(1);
      expect(out.split("\n")[0], script).toMatch(line);
      expect(out, script).not.toContain("bot stopped");
      expect(out, script).not.toContain("pw4you");
    }
  },
  60_000,
);
