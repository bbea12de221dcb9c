/**
 * The bot as DISCORD_GATEWAY=off runs it (`startHttpBot`) against a fake Discord that signs and
 * POSTs interactions to its endpoint with a key pair generated for the test, the settings database
 * in a temporary DATA_DIR. `sendInteraction` then goes over HTTP, so the helpers of
 * bot-harness.ts (callbackOf, responseData…) read the answers as they do for the gateway.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Config } from "../../src/config.ts";
import { type HttpBot, type HttpStartOptions, startHttpBot } from "../../src/discord/http/bot.ts";
import { createLogger } from "../../src/log.ts";
import { type FakeDiscord, startFakeDiscord } from "../../tools/fake-discord/index.ts";
import { botConfig } from "./bot-harness.ts";
import type { LogLine } from "./reliability.ts";

export interface HttpHarness {
  fake: FakeDiscord;
  bot: HttpBot;
  config: Config;
  /** http://127.0.0.1:port/interactions */
  url: string;
  /** Every line the bot logged (at debug level), raw, in order. */
  raw: string[];
  /** The same lines, parsed. */
  logs(): LogLine[];
  close(): Promise<void>;
}

/** The harness's configuration: the gateway off, the endpoint on any free port of 127.0.0.1. */
export function httpConfig(fake: FakeDiscord, dataDir: string): Config {
  return {
    ...botConfig(fake, dataDir),
    gateway: false,
    interactions: { host: "127.0.0.1", port: 0, publicKey: fake.publicKey },
  };
}

export async function startHttpHarness(
  options: Parameters<typeof startFakeDiscord>[0] = {},
  start: HttpStartOptions = {},
  /** Settings layered over the harness's config (logQuestions…). */
  overrides: Partial<Config> = {},
): Promise<HttpHarness> {
  const fake = await startFakeDiscord(options);
  const dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-http-"));
  const config = { ...httpConfig(fake, dataDir), ...overrides };
  const raw: string[] = [];
  const logger =
    start.logger ??
    createLogger("debug", { destination: { write: (line: string) => void raw.push(line) } });
  const bot = await startHttpBot(config, { ...start, logger });
  const url = `http://127.0.0.1:${bot.endpoint.port}/interactions`;
  fake.useInteractionsEndpoint(url);
  return {
    fake,
    bot,
    config,
    url,
    raw,
    logs: () => raw.map((line) => JSON.parse(line) as LogLine),
    async close() {
      await bot.stop();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
