/**
 * A real PostgreSQL server for the tests, started from the machine's own binaries (Debian's
 * postgresql package: `pg_config --bindir`) in a temporary folder, on a free loopback port, with
 * nothing on disk surviving the run. PostgreSQL refuses to run as root, so as root the server runs
 * as the `postgres` user (Node's spawn takes a uid and gid, so the pid we hold is the server's own
 * and a signal reaches it directly, with no `runuser` in between).
 *
 * One server serves the whole run (test/support/postgres-setup.ts starts it); each test takes a
 * database of its own (`freshDatabase`), so files running in parallel never see each other's rows.
 * A test that stops the server on purpose starts one of its own.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** Stops the server (fast shutdown: running sessions are ended); the data stays for `start`. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data, after `stop`. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

/** Where initdb and postgres are, or null when this machine has no PostgreSQL server. */
export function postgresBinDir(): string | null {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // No pg_config: look where Debian puts the server.
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort().reverse()) {
      candidates.push(path.join(debian, version, "bin"));
    }
  }
  return candidates.find((dir) => existsSync(path.join(dir, "postgres"))) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

interface Owner {
  uid: number;
  gid: number;
}

/** The unprivileged user the server runs as when we are root; null: run as ourselves. */
function serverOwner(): Owner | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) =>
    Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    throw new Error("PostgreSQL will not run as root and there is no postgres user to run it as");
  }
}

/** Resolves when the server says it accepts connections; rejects if it exits first. */
function whenReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(
      () => fail(new Error(`PostgreSQL did not start in ${timeoutMs} ms:\n${log}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("ready to accept connections")) finish();
    };
    const onExit = (code: number | null) =>
      fail(new Error(`PostgreSQL exited (${code}) before it was ready:\n${log}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
    };
    const finish = () => {
      cleanup();
      resolve();
    };
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (bin === null) {
    throw new Error(
      "no PostgreSQL server on this machine (pg_config --bindir has no postgres): apt-get install postgresql",
    );
  }
  const owner = serverOwner();
  const folder = mkdtempSync(path.join(tmpdir(), "declaration-bot-pg-"));
  const data = path.join(folder, "data");
  const ids = owner ? { uid: owner.uid, gid: owner.gid } : {};
  if (owner) chownSync(folder, owner.uid, owner.gid);
  chmodSync(folder, 0o700);
  execFileSync(
    path.join(bin, "initdb"),
    ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"],
    { ...ids, stdio: "ignore", cwd: folder },
  );
  const port = await freePort();
  let child: ChildProcess | null = null;

  const start = async () => {
    const server = spawn(
      path.join(bin, "postgres"),
      [
        "-D",
        data,
        "-p",
        String(port),
        "-k",
        folder,
        "-c",
        "listen_addresses=127.0.0.1",
        // A throwaway server: durability buys nothing and costs the tests time.
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off",
        "-c",
        "max_connections=300",
      ],
      { ...ids, cwd: folder, stdio: ["ignore", "ignore", "pipe"] },
    );
    child = server;
    await whenReady(server, 30_000);
    // The server logs to stderr for as long as it runs; nobody reads it past the start.
    server.stderr?.resume();
  };

  const stop = async () => {
    const server = child;
    child = null;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
    server.kill("SIGINT");
    await exited;
  };

  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    async destroy() {
      await stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A new, empty database on the server at `serverUrl`; returns its URL. */
export async function freshDatabase(serverUrl: string, prefix = "test"): Promise<string> {
  counter += 1;
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
