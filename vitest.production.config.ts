import { defineConfig } from "vitest/config";

/**
 * `npm run test:production` (test/production/): the README's production install and start on a
 * copy of the checkout. Apart from `npm test` because `npm ci --omit=dev` takes about a minute.
 */
export default defineConfig({
  test: {
    include: ["test/production/**/*.test.ts"],
    // Each test runs npm and node processes one after another: a second each on a quiet machine,
    // several on a busy two-core one.
    testTimeout: 60_000,
    setupFiles: ["test/support/schema-refusals.ts"],
  },
});
