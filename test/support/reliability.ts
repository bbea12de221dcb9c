/**
 * A rig for the reliability tests: the real bot (startBot) against the fake Discord, with its log
 * lines captured (at debug level) so tests can read what it logged and scan it for secrets, an
 * engine that can be made to fail on chosen input, the identify throttle off (reconnect tests), and
 * helpers for fault scenarios the fake itself does not model.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Config, LogLevel } from "../../src/config.ts";
import { type Engine, getEngine } from "../../src/core/engine.ts";
import { type Bot, type StartOptions, startBot } from "../../src/discord/gateway/bot.ts";
import { createLogger } from "../../src/log.ts";
import {
  type FakeDiscord,
  type FakeDiscordOptions,
  type InteractionSpec,
  type Json,
  type RecordedRequest,
  startFakeDiscord,
} from "../../tools/fake-discord/index.ts";
import { botConfig } from "./bot-harness.ts";

export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface Rig {
  fake: FakeDiscord;
  bot: Bot;
  config: Config;
  /** Every line the bot logged, raw, in order. */
  raw: string[];
  /** The same lines, parsed. */
  logs(): LogLine[];
  close(): Promise<void>;
}

export interface RigOptions {
  fake?: FakeDiscordOptions;
  /** Settings layered over the harness's config (limits, logQuestions…). */
  config?: Partial<Config>;
  engine?: Engine;
  logLevel?: LogLevel;
  /** Processes said to share the host's IP address: many make the invalid-request threshold small. */
  processesOnHost?: StartOptions["processesOnHost"];
}

export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const fake = await startFakeDiscord(options.fake);
  const dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-rel-"));
  const config: Config = { ...botConfig(fake, dataDir), ...options.config };
  const raw: string[] = [];
  const logger = createLogger(options.logLevel ?? "debug", {
    destination: { write: (line: string) => void raw.push(line) },
  });
  const bot = await startBot(config, {
    logger,
    ...(options.engine && { engine: options.engine }),
    ...(options.processesOnHost && { processesOnHost: options.processesOnHost }),
    clientOptions: fake.clientOptions(),
  });
  return {
    fake,
    bot,
    config,
    raw,
    logs: () => raw.map((line) => JSON.parse(line) as LogLine),
    async close() {
      await bot.stop();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ERROR_LEVEL = 50;
export const WARN_LEVEL = 40;

/**
 * The shared engine, except that `answer` and `references` throw on text containing `marker`.
 * `message` may be a function, read when the failure happens (e.g. to include the fake's token).
 */
export function failingEngine(
  marker: string,
  message: string | (() => string) = "injected engine failure",
): Engine {
  const engine = getEngine();
  const faulty = Object.create(engine) as Engine;
  const fail = () => new Error(typeof message === "function" ? message() : message);
  faulty.answer = (question, opts) => {
    if (question.includes(marker)) throw fail();
    return engine.answer(question, opts);
  };
  faulty.references = (text) => {
    if (text.includes(marker)) throw fail();
    return engine.references(text);
  };
  return faulty;
}

/** Polls until `pred` holds (log lines are written just after the request they describe). */
export async function until<T>(
  what: string,
  probe: () => T | undefined | null | false,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits for a log line matching `pred`. */
export function logLine(rig: Rig, what: string, pred: (l: LogLine) => boolean): Promise<LogLine> {
  return until(what, () => rig.logs().find(pred));
}

const DISCORD_EPOCH = 1_420_070_400_000n;
let agedCounter = 0n;

/**
 * The same interaction, but created `ms` ago by Discord: what a bot sees when the event reached it
 * late (a backlog, a stalled event loop). The fake's own 3 s deadline still counts from delivery,
 * so a test can check what the bot does with an already old interaction.
 */
export function aged(spec: InteractionSpec, ms: number): InteractionSpec {
  agedCounter = (agedCounter + 1n) % 4096n;
  const id = (((BigInt(Date.now() - ms) - DISCORD_EPOCH) << 22n) | agedCounter).toString();
  return { ...spec, id };
}

/** Accepted initial callbacks (type 4, 5, 6, 7…) for one interaction. */
export function callbacks(fake: FakeDiscord, interactionId: string): RecordedRequest[] {
  return fake.requests.filter(
    (r) =>
      r.method === "POST" &&
      r.path.startsWith(`/interactions/${interactionId}/`) &&
      r.path.endsWith("/callback") &&
      r.status < 400,
  );
}

/** A user with a distinct id, for tests that must not trip the per-user limits. */
export function user(n: number): { id: string; username: string } {
  return { id: (400_000_000_000_000_000n + BigInt(n)).toString(), username: `user${n}` };
}

export function dataOf(request: RecordedRequest): Json {
  const body = (request.body ?? {}) as Json;
  return ((body.data ?? body) as Json) ?? {};
}

/** Routes to fail on purpose: interaction callbacks and channel messages. */
export const CALLBACK = { method: "POST", path: /^\/interactions\/\d+\/[^/]+\/callback$/ };
export const CHANNEL_MESSAGE = { method: "POST", path: /^\/channels\/\d+\/messages$/ };
