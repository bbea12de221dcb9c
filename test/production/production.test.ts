/**
 * The README's production commands on a copy of a built checkout: `npm ci --omit=dev` (no tsx, no
 * TypeScript), then the production start, `npm start` and the systemd unit's own command line,
 * against the loopback Discord. Slow (npm ci builds better-sqlite3), so not part of `npm test`:
 * `npm run test:production`, which `.ci/run` runs after it.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_TOKEN_LINE } from "../../src/runtime/process.ts";
import { textsFor } from "../../src/text/index.ts";
import { type FakeDiscord, startFakeDiscord } from "../../tools/fake-discord/index.ts";
import { embedsOf, responseData } from "../support/bot-harness.ts";
import { botReady } from "../support/child-bot.ts";

const SOURCE = path.resolve(import.meta.dirname, "../..");
const UNIT = "deploy/declaration-bot.service";

let copy: string;
let dataDir: string;
let fake: FakeDiscord;

/**
 * A bare environment: PATH without any node_modules/.bin (npm adds the checkout's own, where tsc
 * and tsx are), HOME for npm's cache, and nothing of the bot's settings.
 */
function bareEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const PATH = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => !dir.includes(`node_modules${path.sep}.bin`))
    .join(path.delimiter);
  return { PATH, HOME: process.env.HOME, LANG: "en_US.UTF-8", ...extra };
}

/**
 * `command` through the shell in the copy. Asynchronous: the loopback Discord it may talk to runs
 * in this process.
 */
function sh(
  command: string,
  opts: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", command], {
      cwd: copy,
      env: bareEnv(opts.env),
      stdio: ["pipe", "pipe", "pipe"],
      timeout: opts.timeoutMs ?? 120_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? "");
  });
}

/** The unit's value for `key` (the last one, as systemd reads a list-less setting). */
function unitSetting(key: string): string {
  const unit = readFileSync(path.join(SOURCE, UNIT), "utf8");
  const lines = unit.split("\n").filter((l) => l.startsWith(`${key}=`));
  const line = lines.at(-1);
  if (!line) throw new Error(`${UNIT} has no ${key}=`);
  return line.slice(key.length + 1);
}

/** A unit command line as argv, run here: its node is this test's, its directory the copy. */
function unitArgv(key: string): string[] {
  const [node, ...args] = unitSetting(key).split(/\s+/);
  expect(node).toBe("/usr/bin/node");
  return [process.execPath, ...args];
}

beforeAll(async () => {
  // A built checkout: the sources as committed or about to be, and dist/ compiled from them.
  const built = spawnSync(process.execPath, ["scripts/dist.mjs", "build"], {
    cwd: SOURCE,
    encoding: "utf8",
  });
  expect(built.status, built.stdout + built.stderr).toBe(0);
  copy = mkdtempSync(path.join(tmpdir(), "declaration-bot-production-"));
  const listed = spawnSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: SOURCE,
      encoding: "utf8",
    },
  );
  expect(listed.status).toBe(0);
  const files = listed.stdout
    .split("\0")
    .filter((f) => f && f !== "node_modules" && existsSync(path.join(SOURCE, f)));
  for (const file of [...files, "dist"]) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(path.join(SOURCE, file), path.join(copy, file), {
      recursive: true,
      preserveTimestamps: true,
    });
  }
  // The README's install: runtime dependencies only, from npm's cache when it has them.
  // About a minute here, most of it compiling better-sqlite3; more on a busy machine.
  const ci = await sh("npm ci --omit=dev --prefer-offline --no-audit --no-fund", {
    timeoutMs: 600_000,
  });
  expect(ci.code, ci.stdout + ci.stderr).toBe(0);
  dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-production-data-"));
  fake = await startFakeDiscord();
}, 900_000);

afterAll(async () => {
  await fake?.close();
  if (copy) rmSync(copy, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe("a built checkout after npm ci --omit=dev", () => {
  it("has no dev dependency, and the README says to install it so", () => {
    for (const dev of ["typescript", "tsx", "vitest", "@biomejs/biome"]) {
      expect(existsSync(path.join(copy, "node_modules", dev)), dev).toBe(false);
    }
    expect(existsSync(path.join(copy, "node_modules", "better-sqlite3"))).toBe(true);
    const readme = readFileSync(path.join(SOURCE, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Running in production"));
    for (const command of ["npm run build", "npm ci --omit=dev", "npm start", UNIT]) {
      expect(section, command).toContain(command);
    }
  });

  it("npm start answers piped questions in the console, without a token", async () => {
    const r = await sh("npm start", { input: "/measure 3\nwho signed the declaration?\n" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(textsFor("en").console.banner);
    expect(r.stdout).toContain("3. Faciliter les contacts");
    expect(r.stdout).toMatch(/Signé\s*:\s*Les ministres/);
  });

  it("npm start with no token and nothing on stdin: one line, exit code 78", async () => {
    const r = await sh("npm start --silent < /dev/null");
    expect(r.code).toBe(78);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`${NO_TOKEN_LINE}\n`);
  });

  it("the unit's command line connects to Discord with a token, answers, and stops on SIGTERM", async () => {
    expect(unitSetting("Restart")).toBe("on-failure");
    const pre = spawnSync(unitArgv("ExecStartPre")[0] ?? "", unitArgv("ExecStartPre").slice(1), {
      cwd: copy,
      env: bareEnv(),
      encoding: "utf8",
    });
    expect(pre.status, pre.stderr).toBe(0);
    expect(pre.stderr).toBe("");
    const [node, ...args] = unitArgv("ExecStart");
    const bot: ChildProcess = spawn(node ?? "", args, {
      cwd: copy,
      env: bareEnv({
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        DATA_DIR: dataDir,
        NODE_ENV: "production",
      }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    bot.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    bot.stderr?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => bot.once("exit", resolve));
    try {
      await botReady(fake);
      const { id } = await fake.sendInteraction(fake.chatInput("measure", { number: 3 }));
      const [embed] = embedsOf(await responseData(fake, id));
      expect(embed?.description).toContain("prevenir les incidents militaires dangereux");
      bot.kill("SIGTERM");
      expect(await exited, output).toBe(0);
      expect(output).toContain("connected to Discord");
      expect(output).not.toContain(fake.token);
    } finally {
      if (bot.exitCode === null && bot.signalCode === null) bot.kill("SIGKILL");
    }
  }, 60_000);

  it("the operator commands run from dist/", async () => {
    const help = await sh("npm run -s register -- --help");
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run register/);
    const registered = await sh("npm run -s register", {
      env: { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl },
    });
    expect(registered.code, registered.stderr).toBe(0);
    expect(registered.stdout).toMatch(/^Registered \d+ commands \(global\)/);
    const review = await sh("npm run -s review", { env: { DATA_DIR: path.join(copy, "no-data") } });
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout).toMatch(/^No database yet: /);
    const ask = await sh("npm run -s ask -- --jsonl < examples/questions.txt");
    expect(ask.code, ask.stderr).toBe(0);
    expect(ask.stdout.trimEnd().split("\n").length).toBeGreaterThanOrEqual(12);
  });

  it("without TypeScript, npm run build says what to do in one line, and npm start runs an older build with a warning", async () => {
    const build = await sh("npm run -s build");
    expect(build.code).toBe(1);
    expect(build.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^TypeScript is not installed/),
    ]);
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(copy, "src/main.ts"), later, later);
    const r = await sh("npm start --silent", { input: "/measure 3\n" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: src\/ changed since dist\/ was built/);
    expect(r.stdout).toContain("3. Faciliter les contacts");
  });

  it("without a build, npm start and the unit's check say so in one line and fail", async () => {
    renameSync(path.join(copy, "dist"), path.join(copy, "dist.moved"));
    try {
      const r = await sh("npm start --silent", { input: "/measure 3\n" });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr.trimEnd().split("\n")).toEqual([
        expect.stringMatching(/^dist\/ has no compiled bot: run npm run build/),
      ]);
      const [node, ...args] = unitArgv("ExecStartPre");
      const pre = spawnSync(node ?? "", args, { cwd: copy, env: bareEnv(), encoding: "utf8" });
      expect(pre.status).toBe(1);
      expect(pre.stderr).toBe(r.stderr);
    } finally {
      renameSync(path.join(copy, "dist.moved"), path.join(copy, "dist"));
    }
  });
});
