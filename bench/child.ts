/**
 * The child-process half of `npm run bench:e2e`, shared by every child it starts (bench/real-bot.ts,
 * bench/floor-bot.ts, bench/http-bot.ts, bench/http-floor.ts). Each runs alone in its own process
 * so that its resident memory is its own; it talks to the parent over the IPC channel `fork` opens:
 *
 *   child → parent  { type: "ready", port? }                 once connected (and commands synced);
 *                                                            port: an HTTP child's endpoint
 *   parent → child  { type: "memory" }  → { type: "memory", memory, caches, messagesSeen }
 *   parent → child  { type: "count" }   → { type: "count", messagesSeen }
 *   parent → child  { type: "stop" }    → the child disconnects and exits 0
 *
 * The child also exits when the parent goes away (IPC disconnect), so an interrupted bench leaves
 * no bot running.
 *
 * Nothing here imports discord.js or the project: the do-nothing HTTP endpoint (bench/http-floor.ts)
 * uses it too, and what it loads would count in that floor's memory. The discord.js side of the
 * bots (their settings, cache counts, message count) is in bench/bot-child.ts.
 */
import { getHeapSpaceStatistics } from "node:v8";

export type ParentMessage = { type: "memory" } | { type: "count" } | { type: "stop" };

/** Entry counts of the caches that grow with servers and chat, summed over every guild/channel. */
export interface CacheSizes {
  guilds: number;
  channels: number;
  roles: number;
  members: number;
  users: number;
  messages: number;
}

export interface MemoryReport {
  type: "memory";
  /** process.memoryUsage() after full garbage collections (see settledMemory), in bytes. */
  memory: NodeJS.MemoryUsage;
  /** Resident bytes of each V8 heap space (new_space, old_space…), to explain RSS beyond heapUsed. */
  spaces: Record<string, number>;
  caches: CacheSizes;
  messagesSeen: number;
}

export type ChildMessage =
  | { type: "ready"; port?: number }
  | MemoryReport
  | { type: "count"; messagesSeen: number }
  | { type: "error"; message: string };

/** What the parent passes in the environment: where the loopback Discord listens. */
export function fakeFromEnv(): { apiUrl: string; token: string; publicKey: string } {
  const apiUrl = process.env.BENCH_API_URL;
  const token = process.env.BENCH_TOKEN;
  const publicKey = process.env.BENCH_PUBLIC_KEY;
  if (!apiUrl || !token || !publicKey) {
    throw new Error("bench child: BENCH_API_URL, BENCH_TOKEN and BENCH_PUBLIC_KEY must be set");
  }
  return { apiUrl, token, publicKey };
}

/** What a child that runs a discord.js client reports beyond memory (bench/bot-child.ts). */
export interface Watched {
  caches(): CacheSizes;
  messagesSeen(): number;
}

export const NO_CACHES: CacheSizes = {
  guilds: 0,
  channels: 0,
  roles: 0,
  members: 0,
  users: 0,
  messages: 0,
};

const SETTLE_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Gc = (options?: { type?: "major"; execution?: "sync"; flavor?: "last-resort" }) => void;
const gc = (globalThis as { gc?: Gc }).gc;

/**
 * Memory once garbage is gone and freed pages are back with the OS. A plain gc() frees objects but
 * V8 keeps the emptied pages for a while, so RSS would say more about the last allocation burst
 * than about what the bot keeps; the "last-resort" full collection also releases them, much as
 * V8's memory reducer does once a process goes idle. V8's young generation, once grown, stays
 * resident (up to 32 MB on 64-bit) and is reported apart. Both bots are measured the same way.
 */
async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  if (!gc) throw new Error("bench child: run with --expose-gc");
  gc();
  await sleep(100);
  gc({ type: "major", execution: "sync", flavor: "last-resort" });
  // V8 unmaps freed pages on a background thread: give it a moment before reading RSS.
  await sleep(SETTLE_MS);
  return process.memoryUsage();
}

/**
 * Answers the parent's requests; `watched` (null for a child without a discord.js client) gives
 * the cache sizes and the number of messages seen (so the parent knows when a flood has been read).
 * Call once the bot is ready; `stop` disconnects it.
 */
export function serveParent(
  watched: Watched | null,
  stop: () => Promise<void>,
  ready: { port?: number } = {},
): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error("bench child: start me with child_process.fork (no IPC channel)");
  const messagesSeen = () => watched?.messagesSeen() ?? 0;
  process.on("message", (raw) => {
    const message = raw as ParentMessage;
    const reply = (m: ChildMessage) => send(m);
    switch (message.type) {
      case "count":
        reply({ type: "count", messagesSeen: messagesSeen() });
        return;
      case "memory":
        settledMemory().then(
          (memory) =>
            reply({
              type: "memory",
              memory,
              spaces: Object.fromEntries(
                getHeapSpaceStatistics().map((s) => [s.space_name, s.physical_space_size]),
              ),
              caches: watched?.caches() ?? NO_CACHES,
              messagesSeen: messagesSeen(),
            }),
          (error: unknown) => reply({ type: "error", message: String(error) }),
        );
        return;
      case "stop":
        stop().finally(() => process.exit(0));
        return;
    }
  });
  process.on("disconnect", () => {
    stop().finally(() => process.exit(0));
  });
  send({ type: "ready", ...ready } satisfies ChildMessage);
}

/** Reports a start-up failure to the parent, then exits 1, so the bench can say what went wrong. */
export function failStartup(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(message);
  if (!process.send) process.exit(1);
  process.send({ type: "error", message } satisfies ChildMessage, undefined, {}, () =>
    process.exit(1),
  );
}
