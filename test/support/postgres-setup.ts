/**
 * vitest's global setup: one PostgreSQL server for the whole run (support/postgres.ts), its URL
 * handed to every test file as `inject("postgresUrl")`. On a machine without the server binaries
 * the PostgreSQL tests are skipped with a line saying why, except under CI=true, where the run
 * fails instead: CI must never pass by skipping the store it exists to check.
 */
import type { TestProject } from "vitest/node";
import { type PostgresServer, startPostgres } from "./postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The test server's URL (its `postgres` database); null: no server could be started. */
    postgresUrl: string | null;
  }
}

let server: PostgresServer | null = null;

export async function setup(project: TestProject): Promise<void> {
  try {
    server = await startPostgres();
    project.provide("postgresUrl", server.url);
  } catch (error) {
    if (process.env.CI === "true") throw error;
    process.stderr.write(
      `PostgreSQL tests skipped: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    project.provide("postgresUrl", null);
  }
}

export async function teardown(): Promise<void> {
  await server?.destroy();
}
