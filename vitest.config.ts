import { configDefaults, defineConfig } from "vitest/config";

/**
 * Three tiers, one run: `npm test` runs every project; `npm run test:unit`, `test:e2e` and
 * `test:quality` run one (docs/testing.md). A test file belongs to exactly one project: the unit
 * and quality lists below are excluded from e2e, which takes everything else.
 */

/** In-process tests: no child process, no PostgreSQL, no loopback Discord. */
const UNIT = [
  "test/core/**/*.test.ts",
  "test/text/**/*.test.ts",
  "test/discord/**/*.test.ts",
  "test/config/**/*.test.ts",
  "test/log/**/*.test.ts",
  "test/store/quiet.test.ts",
  "test/store/replays-local.test.ts",
  "test/scale/shard-flags.test.ts",
  "test/docs.test.ts",
  "test/process-warnings.test.ts",
];

/** Answer-quality targets over the question sets: slower, and about the engine, not the bot. */
const QUALITY = ["test/quality/**/*.test.ts"];

// test/production/ runs apart: npm run test:production (vitest.production.config.ts).
const EXCLUDE = [...configDefaults.exclude, "test/production/**"];

export default defineConfig({
  test: {
    exclude: EXCLUDE,
    setupFiles: ["test/support/schema-refusals.ts", "test/support/process-warnings.ts"],
    // Node prints no warning itself: process-warnings.ts fails the test that caused one, unless the
    // test expects it and asserts on it.
    execArgv: ["--no-warnings"],
    // The timing tests repeat their runs (best of seven or fifteen) and measure ratios; beside the
    // end-to-end files on two loaded CPUs, one took more than the default five seconds while its
    // ratios held. A hung test still fails, later.
    testTimeout: 30_000,
    // Test files share their worker's module cache instead of importing everything again: the
    // parsed declaration, the engine and discord.js load once per worker, which takes the suite
    // from about 25 s of imports to 4. Every file builds its own fakes, stores and bots, and restores
    // the timers and mocks it changes, so no file depends on another's module state.
    isolate: false,
    projects: [
      { extends: true, test: { name: "unit", include: UNIT } },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/**/*.test.ts"],
          exclude: [...EXCLUDE, ...UNIT, ...QUALITY],
          // One real PostgreSQL server for the run; each test takes a database of its own. Only
          // this project starts it, so the unit tier never waits for a server it does not use.
          globalSetup: ["test/support/postgres-setup.ts"],
        },
      },
      { extends: true, test: { name: "quality", include: QUALITY } },
    ],
  },
});
