/**
 * The PostgreSQL server of bench:e2e: one for the whole bench (test/support/postgres.ts starts it
 * from the machine's binaries in a temporary folder, on a free loopback port), and a fresh, empty
 * database for each bot process that runs on it (the "-pg" kinds), passed to the child as
 * BENCH_DATABASE_URL (bench/bench-config.ts makes it DATABASE_URL).
 *
 * The server is destroyed at the end, and also on a signal, a timeout or a crash: `stopPostgres`
 * waits for a clean shutdown; `killPostgres`, for the synchronous exit handler, signals the
 * postmaster (its pid read from the data directory at start) and removes the folder.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { freshDatabase, type PostgresServer, startPostgres } from "../../test/support/postgres.ts";

let server: PostgresServer | null = null;
/** The postmaster's pid and the temporary folder holding its data, for `killPostgres`. */
let postmaster: { pid: number; folder: string } | null = null;

export async function startBenchPostgres(): Promise<string> {
  server = await startPostgres();
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    // postmaster.pid: the pid on its first line, the data directory on its second.
    const { rows } = await client.query<{ text: string }>(
      "SELECT pg_read_file('postmaster.pid') AS text",
    );
    const [pid, dataDir] = (rows[0]?.text ?? "").split("\n");
    if (pid && dataDir) postmaster = { pid: Number(pid), folder: path.dirname(dataDir) };
  } finally {
    await client.end();
  }
  return server.url;
}

/** A new, empty database on the bench's server, for one bot process. */
export function benchDatabase(kind: string): Promise<string> {
  if (!server) throw new Error("the bench's PostgreSQL server is not running");
  return freshDatabase(server.url, `bench_${kind.replaceAll("-", "_")}`);
}

/** Stops the server and removes its folder (fast shutdown: open sessions are ended). */
export async function stopPostgres(): Promise<void> {
  const s = server;
  server = null;
  if (!s) return;
  await s.destroy();
  postmaster = null;
}

/** For the synchronous exit path: immediate shutdown of the postmaster, folder removed. */
export function killPostgres(): void {
  const p = postmaster;
  postmaster = null;
  server = null;
  if (!p) return;
  try {
    process.kill(p.pid, "SIGQUIT");
  } catch {
    // Already gone.
  }
  rmSync(p.folder, { recursive: true, force: true });
}
