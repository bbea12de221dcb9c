/**
 * The phases of bench:e2e. Each starts the bot and the floor, each with its own loopback Discord
 * built from the same specs, and stops them after:
 * - `smallWorld`: one server; memory idle, the latency samples, memory after the asks; the bot
 *   also on PostgreSQL ("bot-pg"), interleaved with the other two;
 * - `bigWorld`: 1,000 servers joined, a flood of chatter read, then /ask across the servers.
 */
import {
  type FakeDiscord,
  type FakeGuildSpec,
  startFakeDiscord,
} from "../../tools/fake-discord/index.ts";
import type { MemoryReport } from "../child.ts";
import {
  BotProcess,
  KINDS,
  type Kind,
  type Launch,
  REQUEST_TIMEOUT_MS,
  rotation,
  SMALL_KINDS,
  type SmallKind,
} from "./processes.ts";
import {
  type Asked,
  ask,
  CHANNELS_PER_GUILD,
  channelId,
  chatMessages,
  guildId,
  guildSpecs,
} from "./traffic.ts";

export const WARMUP_ASKS = 100;
export const MEASURED_ASKS = 400;
export const GUILDS = 1000;
export const CHAT_MESSAGES = 20_000;
/** Messages sent per batch before waiting for both bots to have read them (no unbounded backlog). */
const FLOOD_BATCH = 1000;
export const SAMPLE_GUILDS = 50;

/** Bots of the given kinds, each with its own loopback Discord built from the same specs. */
export interface World<K extends SmallKind> {
  kinds: readonly K[];
  fakes: Record<K, FakeDiscord>;
  procs: Record<K, BotProcess>;
}
export type Pair = World<Kind>;

export async function startWorld<K extends SmallKind>(
  kinds: readonly K[],
  guilds: FakeGuildSpec[],
  launch: Record<K, Launch>,
): Promise<World<K>> {
  const fakes = {} as Record<K, FakeDiscord>;
  const procs = {} as Record<K, BotProcess>;
  for (const kind of kinds) fakes[kind] = await startFakeDiscord({ guilds });
  // One after the other, so the start-ups do not compete for the CPUs.
  for (const kind of kinds) procs[kind] = await BotProcess.start(kind, launch[kind], fakes[kind]);
  return { kinds, fakes, procs };
}

export function startPair(guilds: FakeGuildSpec[], launch: Record<Kind, Launch>): Promise<Pair> {
  return startWorld(KINDS, guilds, launch);
}

export async function stopWorld<K extends SmallKind>(world: World<K>): Promise<void> {
  await Promise.all(world.kinds.map((k) => world.procs[k].stop()));
  await Promise.all(world.kinds.map((k) => world.fakes[k].close()));
}
export const stopPair = stopWorld<Kind>;

async function memories<K extends SmallKind>(world: World<K>): Promise<Record<K, MemoryReport>> {
  const reports = await Promise.all(world.kinds.map((k) => world.procs[k].memory()));
  return Object.fromEntries(world.kinds.map((k, i) => [k, reports[i]])) as Record<K, MemoryReport>;
}

export interface SmallRun {
  idle: Record<SmallKind, MemoryReport>;
  /** After the asks: what answering costs, beyond start-up. */
  asked: Record<SmallKind, MemoryReport>;
}

/**
 * A one-server world of the bot on either store and the floor: idle memory, the latency samples
 * (appended to `samples`), memory after.
 */
export async function smallWorld(
  launch: Record<SmallKind, Launch>,
  samples: Record<SmallKind, number[]>,
): Promise<SmallRun> {
  const world = await startWorld(SMALL_KINDS, guildSpecs(1), launch);
  try {
    const idle = await memories(world);
    const where = { guildId: guildId(0), channelId: channelId(0, 0) };
    for (let n = 0; n < WARMUP_ASKS + MEASURED_ASKS; n++) {
      for (const kind of rotation(SMALL_KINDS, n)) {
        const { ms, answered } = await ask(world.fakes[kind], n, where);
        if (!answered) throw new Error(`${kind} did not answer /ask #${n}`);
        if (n >= WARMUP_ASKS) samples[kind].push(ms);
      }
    }
    return { idle, asked: await memories(world) };
  } finally {
    await stopWorld(world);
  }
}

export interface ScaleRun {
  joined: Record<Kind, MemoryReport>;
  flooded: Record<Kind, MemoryReport>;
  floodMs: number;
  /** Bot replies to the chatter: must be 0, or the flood was not ordinary chatter. */
  chatterReplies: Record<Kind, number>;
  sample: Record<Kind, Asked[]>;
}

export async function bigWorld(launch: Record<Kind, Launch>): Promise<ScaleRun> {
  const pair = await startPair(guildSpecs(GUILDS), launch);
  try {
    const joined = await memories(pair);
    const messages = chatMessages(CHAT_MESSAGES, GUILDS);
    const floodStart = performance.now();
    for (let sent = 0; sent < messages.length; ) {
      const batch = messages.slice(sent, sent + FLOOD_BATCH);
      for (const kind of KINDS) for (const m of batch) pair.fakes[kind].sendMessage(m);
      sent += batch.length;
      await Promise.all(KINDS.map((kind) => readAll(pair.procs[kind], sent)));
    }
    const floodMs = performance.now() - floodStart;
    const flooded = await memories(pair);

    const sample: Record<Kind, Asked[]> = { bot: [], floor: [] };
    for (let k = 0; k < SAMPLE_GUILDS; k++) {
      const g = Math.round((k * (GUILDS - 1)) / (SAMPLE_GUILDS - 1));
      const where = { guildId: guildId(g), channelId: channelId(g, k % CHANNELS_PER_GUILD) };
      for (const kind of KINDS) sample[kind].push(await ask(pair.fakes[kind], k, where));
    }
    const chatterReplies = {
      bot: pair.fakes.bot.channelMessages().length,
      floor: pair.fakes.floor.channelMessages().length,
    };
    return { joined, flooded, floodMs, chatterReplies, sample };
  } finally {
    await stopPair(pair);
  }
}

async function readAll(proc: BotProcess, count: number): Promise<void> {
  const deadline = performance.now() + REQUEST_TIMEOUT_MS;
  while ((await proc.messagesSeen()) < count) {
    if (performance.now() > deadline) throw new Error(`${proc.kind} fell behind the flood`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
