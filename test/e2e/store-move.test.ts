/**
 * Moving a bot from one host's SQLite to the shared PostgreSQL, as an operator would: a store filled
 * through the bot (settings, Q&A channels, kept questions, votes and a correction), `npm run migrate
 * -- --to URL` (the real script, twice: the second copies nothing), then the same bot served from
 * PostgreSQL gives the same /settings show and the same `npm run -s review -- --json`, and the votes
 * stay the user's own (/privacy forget still finds them). Also: a PostgreSQL that cannot be reached
 * at start stops `npm start` with one line naming the host, never the password, and exit 1.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Config } from "../../src/config.ts";
import { startHttpBot } from "../../src/discord/http/bot.ts";
import { createLogger } from "../../src/log.ts";
import { SETTINGS_FILE } from "../../src/store/sqlite.ts";
import type { FakeDiscord, InteractionSpec, Json } from "../../tools/fake-discord/index.ts";
import { startFakeDiscord } from "../../tools/fake-discord/index.ts";
import { runTs } from "../cli/run.ts";
import { voteIds } from "../support/bot-harness.ts";
import { httpConfig } from "../support/http-harness.ts";
import { spawnMain } from "../support/main-process.ts";
import { freshDatabase } from "../support/postgres.ts";
import { user } from "../support/reliability.ts";

const serverUrl = inject("postgresUrl");
const MANAGER = { memberPermissions: "32" };
const GUILD = "111111111111111111";
const QA = "222222222222222223";

let fake: FakeDiscord;
let dataDir: string;
let databaseUrl: string;

beforeAll(async () => {
  fake = await startFakeDiscord({ guilds: [{ id: GUILD, channels: ["222222222222222222", QA] }] });
  dataDir = mkdtempSync(path.join(tmpdir(), "store-move-"));
  if (serverUrl) databaseUrl = await freshDatabase(serverUrl, "move");
});
afterAll(async () => {
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `work` against the HTTP-only bot on `config`, then stops it. */
async function withBot<T>(config: Config, work: () => Promise<T>): Promise<T> {
  const bot = await startHttpBot(config, {
    logger: createLogger("silent"),
    registerCommands: false,
  });
  fake.useInteractionsEndpoint(`http://127.0.0.1:${bot.endpoint.port}/interactions`);
  try {
    return await work();
  } finally {
    await bot.stop();
  }
}

async function send(spec: InteractionSpec): Promise<Json> {
  const delivery = await fake.postInteraction(spec);
  expect(delivery.status).toBe(200);
  const body = JSON.parse(delivery.raw.toString("utf8")) as Json;
  expect(body.type).toBe(4);
  return (body.data ?? {}) as Json;
}

const sub = (name: string, options: Json[] = []): Json => ({ name, type: 1, options });
const group = (name: string, subcommand: Json): Json => ({ name, type: 2, options: [subcommand] });
const settings = (options: Json[]) => fake.chatInput("settings", options, MANAGER);

/** What the operator compares: /settings show and the review, as JSON. */
async function observe(config: Config): Promise<{ shown: Json; review: Json }> {
  const shown = await withBot(config, () => send(settings([sub("show")])));
  const env = config.database ? { DATABASE_URL: config.database.url } : {};
  const r = await runTs("src/cli/review.ts", ["--json"], { env: { DATA_DIR: dataDir, ...env } });
  expect(r.code, r.stderr).toBe(0);
  return { shown, review: JSON.parse(r.stdout) as Json };
}

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe.skipIf(!serverUrl)("npm run migrate, from SQLite to PostgreSQL", () => {
  it("serves the same settings and the same review afterwards", async () => {
    const sqlite = httpConfig(fake, dataDir);
    const voter = user(7);
    await withBot(sqlite, async () => {
      await send(
        settings([group("qa-channels", sub("add", [{ name: "channel", type: 7, value: QA }]))]),
      );
      await send(settings([sub("quoting", [{ name: "enabled", type: 5, value: false }])]));
      await send(settings([sub("language", [{ name: "value", type: 3, value: "en" }])]));
      await send(settings([sub("feedback-text", [{ name: "enabled", type: 5, value: true }])]));
      const asked = await send(
        fake.chatInput("ask", { question: "que disent-ils du trafic de drogue ?" }),
      );
      await send(fake.chatInput("ask", { question: "quelle heure est-il ?" }));
      const { up, down } = voteIds(asked);
      await send(fake.button(up, { user: voter }));
      await send(fake.button(down, { user: user(8) }));
    });
    const before = await observe(sqlite);
    expect(before.review).toMatchObject({ votes: { up: 1, down: 1 }, unanswered: 1 });

    const file = path.join(dataDir, SETTINGS_FILE);
    const hash = sha256(file);
    const dry = await runTs("src/cli/migrate.ts", ["--to", databaseUrl, "--dry-run"], {
      env: { DATA_DIR: dataDir },
    });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/feedback_votes\s+would copy 2 of 2/);
    const first = await runTs("src/cli/migrate.ts", ["--to", databaseUrl], {
      env: { DATA_DIR: dataDir },
    });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/guild_settings\s+copied 1 of 1/);
    expect(first.stdout).toMatch(/qa_channels\s+copied 1 of 1/);
    expect(first.stdout).toMatch(/feedback_votes\s+copied 2 of 2/);
    expect(first.stdout).toMatch(/salt\s+copied the salt/);
    // The password is never printed.
    expect(first.stdout + first.stderr).not.toContain(new URL(databaseUrl).password || "\0");
    const second = await runTs("src/cli/migrate.ts", ["--to", databaseUrl], {
      env: { DATA_DIR: dataDir },
    });
    expect(second.stdout).toMatch(/feedback_votes\s+copied 0 of 2 \(2 already there\)/);
    expect(second.stdout).toMatch(/salt\s+salt already there/);
    expect(sha256(file)).toBe(hash);

    const postgres: Config = { ...sqlite, database: { url: databaseUrl } };
    const after = await observe(postgres);
    expect(after.shown).toEqual(before.shown);
    expect(after.review).toEqual(before.review);
    // The votes are still the user's own: the salt came along.
    const forgotten = await withBot(postgres, () =>
      send(fake.chatInput("privacy", [sub("forget")], { user: voter })),
    );
    expect(String(forgotten.content)).toMatch(/votre vote est effacé/);
  }, 60_000);
});

describe("npm start with a PostgreSQL it cannot reach", () => {
  it("says so in one line naming the host, never the password, and exits 1", async () => {
    const password = "s3cret-Pa55word";
    const bot = spawnMain({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GATEWAY: "off",
      DISCORD_PUBLIC_KEY: fake.publicKey,
      INTERACTIONS_PORT: "0",
      DATA_DIR: dataDir,
      // Port 1 on loopback: nothing listens there.
      DATABASE_URL: `postgres://bot:${password}@127.0.0.1:1/declaration`,
    });
    expect(await bot.exited).toBe(1);
    const printed = bot.output();
    expect(printed).not.toContain(password);
    const human = printed.split("\n").filter((l) => l !== "" && !l.startsWith("{"));
    expect(human).toEqual([
      expect.stringMatching(
        /^cannot reach PostgreSQL at 127\.0\.0\.1:1\/declaration \(DATABASE_URL\): ECONNREFUSED$/,
      ),
    ]);
  });
});
