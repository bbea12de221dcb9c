/**
 * What the HTTP-only bot loads: never discord.js (the endpoint reads Discord's payloads itself and
 * answers over @discordjs/rest), never the PostgreSQL client on the embedded store, and the quote
 * checker's libraries only once a quote is checked.
 * A fresh process imports what `npm start` imports with DISCORD_GATEWAY=off and lists the CommonJS
 * packages it loaded (discord.js, undici, unhomoglyph are CommonJS, so they would be there).
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

const SCRIPT = `
import { createRequire } from "node:module";
await import("./src/discord/http/bot.ts");
const { openStore } = await import("./src/store/index.ts");
const { createLogger } = await import("./src/log.ts");
const store = await openStore({ dataDir: ":memory:", logger: createLogger("silent"), replayWindowMs: 1000 });
await store.limiter({ name: "commands", limit: 5, windowMs: 10000 }).take("1");
await store.close();
const packages = (keys) =>
  [...new Set(keys.flatMap((k) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(k)?.[1] ?? []))].sort();
const require = createRequire(import.meta.url);
const before = packages(Object.keys(require.cache));
const { replyWithChecks } = await import("./src/discord/commands/verify.ts");
await replyWithChecks("la mesure 4 dit « faciliter les contacts »", { lang: "fr", reply: async () => {} });
console.log(JSON.stringify({ before, after: packages(Object.keys(require.cache)) }));
`;

it("serves interactions without loading discord.js, and loads the quote checker on first use", async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "--eval", SCRIPT],
    { cwd: ROOT, timeout: 60_000 },
  );
  const { before, after } = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as {
    before: string[];
    after: string[];
  };
  // The REST client's own HTTP library is there: the check sees what it should.
  expect(before).toContain("undici");
  expect(before).not.toContain("discord.js");
  expect(before).not.toContain("unhomoglyph");
  // Metrics are counted only where they are served (HEALTH_PORT): prom-client stays unloaded.
  expect(before).not.toContain("prom-client");
  // The embedded store loads neither the PostgreSQL client nor the shared limiter's library.
  expect(before).toContain("better-sqlite3");
  expect(before).not.toContain("pg");
  expect(before).not.toContain("rate-limiter-flexible");
  expect(after).toContain("unhomoglyph");
  expect(after).not.toContain("discord.js");
});
