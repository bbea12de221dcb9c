/**
 * Starts the real bot (the same `startBot` that `npm start` runs) against a fake Discord, with its
 * settings database in a temporary DATA_DIR. Helpers read back what the bot sent.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Config } from "../../src/config.ts";
import { DEFAULT_FEEDBACK_RETENTION_DAYS } from "../../src/config.ts";
import { type Bot, startBot } from "../../src/discord/gateway/bot.ts";
import { createLogger } from "../../src/log.ts";
import {
  type FakeDiscord,
  type Json,
  type RecordedRequest,
  startFakeDiscord,
} from "../../tools/fake-discord/index.ts";

export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  dataDir: string;
  config: Config;
  /** Stops the bot and starts a new one on the same fake and DATA_DIR (a process restart). */
  restart(): Promise<Bot>;
  close(): Promise<void>;
}

export function botConfig(fake: FakeDiscord, dataDir: string): Config {
  return {
    discord: {
      token: fake.token,
      clientId: fake.applicationId,
      guildId: null,
      apiUrl: fake.apiUrl,
    },
    shards: null,
    database: null,
    health: null,
    dataDir,
    logLevel: "silent",
    feedbackRetentionDays: DEFAULT_FEEDBACK_RETENTION_DAYS,
  };
}

export async function startHarness(
  options: Parameters<typeof startFakeDiscord>[0] = {},
  configure: (config: Config, fake: FakeDiscord) => Config = (config) => config,
): Promise<Harness> {
  const fake = await startFakeDiscord(options);
  const dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-"));
  const config = configure(botConfig(fake, dataDir), fake);
  const logger = createLogger(process.env.TEST_LOG_LEVEL === "debug" ? "debug" : "silent");
  const harness: Harness = {
    fake,
    bot: await startBot(config, { logger }),
    dataDir,
    config,
    async restart() {
      await harness.bot.stop();
      harness.bot = await startBot(config, { logger });
      return harness.bot;
    },
    async close() {
      await harness.bot.stop();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The body of the initial callback the bot made for an interaction. */
export async function callbackOf(fake: FakeDiscord, interactionId: string): Promise<Json> {
  const request = await fake.waitForRequest(
    (r) => r.method === "POST" && r.path.startsWith(`/interactions/${interactionId}/`),
  );
  return request.body as Json;
}

/** The `data` of an interaction callback (the message sent, the choices offered…). */
export async function responseData(fake: FakeDiscord, interactionId: string): Promise<Json> {
  const body = await callbackOf(fake, interactionId);
  return (body.data ?? {}) as Json;
}

/** The message the bot posted in reply to `messageId`. */
export function replyTo(fake: FakeDiscord, messageId: string): Promise<RecordedRequest> {
  return fake.waitForRequest(
    (r) =>
      r.method === "POST" &&
      /^\/channels\/\d+\/messages$/.test(r.path) &&
      ((r.body as Json | undefined)?.message_reference as Json | undefined)?.message_id ===
        messageId,
  );
}

export function repliesTo(fake: FakeDiscord, messageId: string): RecordedRequest[] {
  return fake
    .channelMessages()
    .filter(
      (r) =>
        ((r.body as Json | undefined)?.message_reference as Json | undefined)?.message_id ===
        messageId,
    );
}

// What the bot sent, read back: shared with the handler unit tests, which start no fake Discord.
export {
  ADMIN,
  componentIds,
  type EmbedJson,
  EPHEMERAL,
  embedsOf,
  voteIds,
} from "./payloads.ts";
