/**
 * `npm start`'s real entry point as a child process (`tsx src/main.ts`), configured only through the
 * environment, against the fake Discord: it registers the commands, answers /measure 3, never logs
 * the token, and exits 0 on SIGTERM.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { embedsOf, responseData } from "../support/bot-harness.ts";
import { type FakeDiscord, startFakeDiscord } from "../support/fake-discord.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

let fake: FakeDiscord;
let child: ChildProcess;
let dataDir: string;
let output = "";

beforeAll(async () => {
  fake = await startFakeDiscord();
  dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-process-"));
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: fake.token,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: "debug",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
}, 30_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await fake?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it("registers the commands, answers /measure 3 and stops cleanly on SIGTERM", async () => {
  await fake.waitForRequest(
    (r) => r.method === "PUT" && r.path === `/applications/${fake.applicationId}/commands`,
    20_000,
  );
  expect(fake.commands().map((c) => c.name)).toContain("measure");

  const { id } = await fake.sendInteraction(fake.chatInput("measure", { number: 3 }));
  const [embed] = embedsOf(await responseData(fake, id));
  expect(embed?.description).toContain("prevenir les incidents militaires dangereux");

  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(output).toContain("connected to Discord");
  expect(output).not.toContain(fake.token);
}, 30_000);

/** Runs a script to completion; resolves with its exit code and combined output. */
function runScript(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    proc.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    proc.stderr.on("data", (c: Buffer) => {
      out += c.toString();
    });
    proc.once("exit", (code) => resolve({ code, out }));
  });
}

it("`npm run register` registers the commands in one guild, reading the application id from the API", async () => {
  const guildId = "111111111111111111";
  const { code, out } = await runScript("src/cli/register.ts", {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: guildId,
  });
  expect(out).toMatch(/Registered 7 commands \(guild 111111111111111111\)/);
  expect(code).toBe(0);
  expect(fake.commands(guildId)).toHaveLength(7);
}, 30_000);

it("refuses a bad configuration with one message naming every problem, without the token", async () => {
  const { code, out } = await runScript("src/main.ts", {
    DISCORD_TOKEN: "secret-token-value",
    DISCORD_API_URL: "not a url",
    DISCORD_GUILD_ID: "my-server",
    LOG_LEVEL: "loud",
    DATA_DIR: dataDir,
  });
  expect(code).toBe(1);
  expect(out).toContain("DISCORD_API_URL");
  expect(out).toContain("DISCORD_GUILD_ID");
  expect(out).toContain("LOG_LEVEL");
  expect(out).not.toContain("secret-token-value");
}, 30_000);
