import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // test/production/ runs apart: npm run test:production (vitest.production.config.ts).
    exclude: [...configDefaults.exclude, "test/production/**"],
    setupFiles: ["test/support/schema-refusals.ts", "test/support/process-warnings.ts"],
    // Node prints no warning itself: process-warnings.ts fails the test that caused one, unless the
    // test expects it and asserts on it.
    execArgv: ["--no-warnings"],
    // One real PostgreSQL server for the run; each test takes a database of its own.
    globalSetup: ["test/support/postgres-setup.ts"],
    // Test files share their worker's module cache instead of importing everything again: the
    // parsed declaration, the engine and discord.js load once per worker, which takes the suite
    // from about 25 s of imports to 4. Every file builds its own fakes, stores and bots, and restores
    // the timers and mocks it changes, so no file depends on another's module state.
    isolate: false,
  },
});
