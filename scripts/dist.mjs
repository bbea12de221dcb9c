/**
 * The compiled bot (dist/) for npm start and the command-line tools, with or without the dev
 * dependencies. Plain JavaScript, so that it runs where neither TypeScript nor tsx is installed
 * (after `npm ci --omit=dev`):
 *
 *   node scripts/dist.mjs build       compile src/ to dist/ (npm run build; needs TypeScript)
 *   node scripts/dist.mjs ready       npm start: compile when dist/ is missing or older than src/
 *                                     and TypeScript is installed; without it, as `check`
 *   node scripts/dist.mjs check       never compiles: exit 1 with one line when dist/ has no build,
 *                                     one warning line when src/ changed since it was built
 *   node scripts/dist.mjs run NAME …  the tool src/cli/NAME.ts: from the sources through tsx when
 *                                     tsx is installed (development), else dist/cli/NAME.js
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");
const ENTRY = path.join(DIST, "main.js");
/** tsc's incremental state, touched after every build: the time of the last one. */
const STAMP = path.join(DIST, ".tsbuildinfo");
/** What the build reads besides src/. */
const CONFIGS = ["tsconfig.json", "tsconfig.build.json"];
const requireHere = createRequire(path.join(ROOT, "package.json"));

function installed(id) {
  try {
    return requireHere.resolve(id);
  } catch {
    return null;
  }
}

function say(line) {
  process.stderr.write(`${line}\n`);
}

/** The newest modification time under `dir` (0 when it does not exist). */
function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (entry.isFile()) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

/** "missing" (no build), "stale" (src/ changed since the last build) or null (up to date). */
function state() {
  if (!existsSync(ENTRY)) return "missing";
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  const configs = CONFIGS.map((f) => path.join(ROOT, f))
    .filter((f) => existsSync(f))
    .map((f) => statSync(f).mtimeMs);
  return Math.max(newest(path.join(ROOT, "src")), ...configs) > built ? "stale" : null;
}

/** Runs tsc; its exit code. tsc prints its own errors. */
function build() {
  const tsc = installed("typescript/bin/tsc");
  if (!tsc) {
    say(
      "TypeScript is not installed, so dist/ cannot be built here: run npm ci (with the dev dependencies), then npm run build",
    );
    return 1;
  }
  const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (r.status !== 0) return r.status ?? 1;
  // tsc rewrites nothing when no output changed; the stamp still says when src/ was last built.
  const now = new Date();
  utimesSync(STAMP, now, now);
  return 0;
}

/** dist/ as it is: 0 when it can run (after a warning if it is older than src/), else 1. */
function check() {
  const s = state();
  if (s === "missing") {
    say(
      "dist/ has no compiled bot: run npm run build where the dev dependencies are installed (npm ci), then start again",
    );
    return 1;
  }
  if (s === "stale") {
    say(
      "warning: src/ changed since dist/ was built and TypeScript is not installed to rebuild it: running the older build (npm run build with the dev dependencies updates it)",
    );
  }
  return 0;
}

function ready() {
  if (state() === null) return 0;
  return installed("typescript/bin/tsc") ? build() : check();
}

/** A tool in this process, as if node had been started on its file (the tools check argv[1]). */
async function run(name, args) {
  if (!name || !/^[a-z-]+$/.test(name)) {
    say("usage: node scripts/dist.mjs run NAME [args…]");
    return 2;
  }
  let file;
  if (installed("tsx")) {
    file = path.join(ROOT, "src", "cli", `${name}.ts`);
    const { register } = await import("tsx/esm/api");
    register();
  } else {
    const code = check();
    if (code !== 0) return code;
    file = path.join(DIST, "cli", `${name}.js`);
  }
  process.argv = [process.argv[0] ?? process.execPath, file, ...args];
  await import(pathToFileURL(file).href);
  // The tool sets its exit code or exits by itself.
  return undefined;
}

const [command, ...rest] = process.argv.slice(2);
const commands = { build, ready, check };
let code;
if (command === "run") code = await run(rest[0], rest.slice(1));
else if (command && Object.hasOwn(commands, command)) code = commands[command]();
else {
  say("usage: node scripts/dist.mjs build | ready | check | run NAME [args…]");
  code = 2;
}
if (code !== undefined) process.exitCode = code;
