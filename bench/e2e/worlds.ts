/**
 * The phases of bench:e2e. Each starts the bot and the floor, each with its own loopback Discord
 * built from the same specs, and stops them after:
 * - `smallWorld`: one server; memory idle, the latency samples, memory after the asks;
 * - `bigWorld`: 1,000 servers joined, a flood of chatter read, then /ask across the servers.
 */
import {
  type FakeDiscord,
  type FakeGuildSpec,
  startFakeDiscord,
} from "../../tools/fake-discord/index.ts";
import type { MemoryReport } from "../child.ts";
import { BotProcess, KINDS, type Kind, type Launch, REQUEST_TIMEOUT_MS } from "./processes.ts";
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

export interface Pair {
  fakes: Record<Kind, FakeDiscord>;
  procs: Record<Kind, BotProcess>;
}

export async function startPair(
  guilds: FakeGuildSpec[],
  launch: Record<Kind, Launch>,
): Promise<Pair> {
  const [bot, floor] = await Promise.all(KINDS.map(() => startFakeDiscord({ guilds })));
  if (!bot || !floor) throw new Error("could not start the fakes");
  const fakes = { bot, floor };
  // One after the other, so the two start-ups do not compete for the CPUs.
  const botProc = await BotProcess.start("bot", launch.bot, fakes.bot);
  const floorProc = await BotProcess.start("floor", launch.floor, fakes.floor);
  return { fakes, procs: { bot: botProc, floor: floorProc } };
}

export async function stopPair(pair: Pair): Promise<void> {
  await Promise.all(KINDS.map((k) => pair.procs[k].stop()));
  await Promise.all(KINDS.map((k) => pair.fakes[k].close()));
}

async function memories(pair: Pair): Promise<Record<Kind, MemoryReport>> {
  const [bot, floor] = await Promise.all(KINDS.map((k) => pair.procs[k].memory()));
  if (!bot || !floor) throw new Error("missing memory report");
  return { bot, floor };
}

export interface SmallRun {
  idle: Record<Kind, MemoryReport>;
  /** After the asks: what answering costs, beyond start-up. */
  asked: Record<Kind, MemoryReport>;
}

/** A one-server world: idle memory, the latency samples (appended to `samples`), memory after. */
export async function smallWorld(
  launch: Record<Kind, Launch>,
  samples: Record<Kind, number[]>,
): Promise<SmallRun> {
  const pair = await startPair(guildSpecs(1), launch);
  try {
    const idle = await memories(pair);
    const where = { guildId: guildId(0), channelId: channelId(0, 0) };
    for (let n = 0; n < WARMUP_ASKS + MEASURED_ASKS; n++) {
      // Alternate who goes first, so neither bot always runs right after the other.
      const order: Kind[] = n % 2 === 0 ? ["bot", "floor"] : ["floor", "bot"];
      for (const kind of order) {
        const { ms, answered } = await ask(pair.fakes[kind], n, where);
        if (!answered) throw new Error(`${kind} did not answer /ask #${n}`);
        if (n >= WARMUP_ASKS) samples[kind].push(ms);
      }
    }
    return { idle, asked: await memories(pair) };
  } finally {
    await stopPair(pair);
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
