/**
 * The child-process half of `npm run bench:e2e`, shared by the two bots it compares (bench/real-bot.ts
 * and bench/floor-bot.ts). Each bot runs alone in its own process so that its resident memory is its
 * own; it talks to the parent over the IPC channel `fork` opens:
 *
 *   child → parent  { type: "ready", port? }                 once connected (and commands synced);
 *                                                            port: an HTTP child's endpoint
 *   parent → child  { type: "memory" }  → { type: "memory", memory, caches, messagesSeen }
 *   parent → child  { type: "count" }   → { type: "count", messagesSeen }
 *   parent → child  { type: "stop" }    → the child disconnects and exits 0
 *
 * The child also exits when the parent goes away (IPC disconnect), so an interrupted bench leaves
 * no bot running.
 */
import { getHeapSpaceStatistics } from "node:v8";
import { type Client, type ClientOptions, Events } from "discord.js";
import { type Config, loadConfig } from "../src/config.ts";

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

/**
 * The bot's settings as `npm start` would read them from the environment, pointed at the parent's
 * loopback Discord and a fresh data directory, logging silenced; `env` adds settings.
 */
export function benchConfig(env: Record<string, string> = {}): Config {
  const fake = fakeFromEnv();
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir) throw new Error("bench child: BENCH_DATA_DIR must be set");
  return loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    ...env,
  });
}

/**
 * The client options the fake Discord's `clientOptions()` gives tests, rebuilt here because a
 * function cannot cross the process boundary: its API URL, and no 5 s identify throttle.
 */
export function loopbackClientOptions(apiUrl: string): Pick<ClientOptions, "rest" | "ws"> {
  return {
    rest: { api: apiUrl },
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
  };
}

export function cacheSizes(client: Client | null): CacheSizes {
  if (client === null)
    return { guilds: 0, channels: 0, roles: 0, members: 0, users: 0, messages: 0 };
  let roles = 0;
  let members = 0;
  let messages = 0;
  for (const guild of client.guilds.cache.values()) {
    roles += guild.roles.cache.size;
    members += guild.members.cache.size;
  }
  for (const channel of client.channels.cache.values()) {
    if (channel.isTextBased()) messages += channel.messages.cache.size;
  }
  return {
    guilds: client.guilds.cache.size,
    channels: client.channels.cache.size,
    roles,
    members,
    users: client.users.cache.size,
    messages,
  };
}

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
 * Counts MESSAGE_CREATE events (so the parent knows when a flood has been read) and answers the
 * parent's requests. Call once the client is ready; `stop` disconnects the bot.
 */
export function serveParent(
  client: Client | null,
  stop: () => Promise<void>,
  ready: { port?: number } = {},
): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error("bench child: start me with child_process.fork (no IPC channel)");
  let messagesSeen = 0;
  client?.on(Events.MessageCreate, () => {
    messagesSeen++;
  });
  process.on("message", (raw) => {
    const message = raw as ParentMessage;
    const reply = (m: ChildMessage) => send(m);
    switch (message.type) {
      case "count":
        reply({ type: "count", messagesSeen });
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
              caches: cacheSizes(client),
              messagesSeen,
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
