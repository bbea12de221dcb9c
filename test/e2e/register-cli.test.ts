/**
 * `npm run register` against the loopback Discord: switching between guild and global
 * registration leaves no command showing twice, and --help registers nothing.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { main } from "../../src/cli/register.ts";
import { COMMAND_DEFINITIONS } from "../../src/discord/commands/index.ts";
import { type FakeDiscord, startFakeDiscord } from "../../tools/fake-discord/index.ts";
import { runInProcess, runTs } from "../cli/run.ts";

const DEV = "111111111111111111";
const OTHER = "444444444444444444";
const COUNT = COMMAND_DEFINITIONS.length;

// A fresh Discord per test: no command registered anywhere, no request yet.
let fake: FakeDiscord;
beforeEach(async () => {
  fake = await startFakeDiscord({ guilds: [{ id: DEV }, { id: OTHER }] });
});
afterEach(async () => {
  await fake?.close();
});

function register(args: string[], env: Record<string, string> = {}) {
  return runInProcess(
    (a) => main(a, { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, ...env }),
    args,
  );
}

/** What a member of `guildId` sees: the global commands and that server's, by name. */
function shown(guildId: string): string[] {
  return [...fake.commands(), ...fake.commands(guildId)].map((c) => String(c.name));
}

function duplicates(names: string[]): string[] {
  return names.filter((name, i) => names.indexOf(name) !== i);
}

it("going from DISCORD_GUILD_ID to global deletes the server's copies: no command shows twice", async () => {
  const guild = await register([], { DISCORD_GUILD_ID: DEV });
  expect(guild.code, guild.stderr).toBe(0);
  expect(fake.commands(DEV)).toHaveLength(COUNT);

  const global = await register([]);
  expect(global.code, global.stderr).toBe(0);
  expect(fake.commands()).toHaveLength(COUNT);
  expect(fake.commands(DEV)).toHaveLength(0);
  expect(duplicates(shown(DEV))).toEqual([]);
  expect(global.stdout).toContain(`Registered ${COUNT} commands (global)`);
  expect(global.stdout).toContain(`Deleted the guild copies of the commands in 1 server (${DEV})`);

  // Again: nothing left to delete, and it says how many servers it looked at.
  const again = await register([]);
  expect(again.stdout).toContain("No guild copies to delete (2 servers checked).");
});

it("--guild limits the servers looked at", async () => {
  await register([], { DISCORD_GUILD_ID: DEV });
  await register([], { DISCORD_GUILD_ID: OTHER });
  const before = fake.requests.length;
  const r = await register(["--guild", OTHER]);
  expect(r.code, r.stderr).toBe(0);
  expect(fake.commands(OTHER)).toHaveLength(0);
  // DEV was not named, so not touched (nor listed through /users/@me/guilds).
  expect(fake.commands(DEV)).toHaveLength(COUNT);
  const made = fake.requests.slice(before);
  expect(made.some((q) => q.path.includes(DEV))).toBe(false);
  expect(made.some((q) => q.path === "/users/@me/guilds")).toBe(false);
});

it("going from global to DISCORD_GUILD_ID says how to delete the global commands, and does it when asked", async () => {
  await register([]);
  const guild = await register([], { DISCORD_GUILD_ID: DEV });
  expect(guild.code, guild.stderr).toBe(0);
  // The global commands may be serving every other server: kept, and one line says so.
  expect(fake.commands()).toHaveLength(COUNT);
  const lines = guild.stdout.trimEnd().split("\n");
  // What was registered, what else shows there, and the invite.
  expect(lines).toHaveLength(3);
  expect(lines[2]).toMatch(/^Invite it to a server: https:\/\//);
  expect(lines[1]).toBe(
    `The application also has ${COUNT} global commands, shown beside these in server ${DEV}: npm run register -- --remove-global deletes them (from every server).`,
  );

  const removed = await register(["--remove-global"], { DISCORD_GUILD_ID: DEV });
  expect(removed.code, removed.stderr).toBe(0);
  expect(fake.commands()).toHaveLength(0);
  expect(fake.commands(DEV)).toHaveLength(COUNT);
  expect(duplicates(shown(DEV))).toEqual([]);
  expect(removed.stdout).toContain(`Deleted the application's ${COUNT} global commands`);
});

it("refuses options that do not fit the scope, registering nothing", async () => {
  const a = await register(["--remove-global"]);
  expect(a.code).toBe(2);
  expect(a.stderr).toContain("--remove-global goes with DISCORD_GUILD_ID");
  const b = await register(["--guild", OTHER], { DISCORD_GUILD_ID: DEV });
  expect(b.code).toBe(2);
  const c = await register(["--guild", "my-server"]);
  expect(c.code).toBe(2);
  const d = await register(["--frobnicate"]);
  expect(d.code).toBe(2);
  expect(d.stderr).toContain("usage: npm run register");
  expect(fake.requests).toEqual([]);
});

it.each([["--help"], ["-h"]])(
  "%s prints the usage and makes no REST call (the real script)",
  async (flag) => {
    const r = await runTs("src/cli/register.ts", [flag], {
      env: { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl },
      inherit: false,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run register/);
    expect(r.stdout).toContain("--remove-global");
    expect(fake.requests).toEqual([]);
    expect(fake.commands()).toHaveLength(0);
  },
  30_000,
);
