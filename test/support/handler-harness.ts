/**
 * Handlers run in-process: `handleInteraction` (src/discord/handlers/interactions.ts), the one entry
 * both transports call, on an `Interaction` read from a raw payload and answered through a
 * `Recorder` (recording-transport.ts). The context is a `BotContext` as the bot builds it: the
 * engine, a SQLite store in memory, and a logger whose lines the test reads. No loopback Discord,
 * no process, no PostgreSQL: the unit tier.
 */
import { afterAll, expect } from "vitest";
import { DEFAULT_FEEDBACK_RETENTION_DAYS } from "../../src/config.ts";
import { type Engine, getEngine } from "../../src/core/engine.ts";
import type { Clause, ClauseId, Lang } from "../../src/core/types.ts";
import { handleInteraction } from "../../src/discord/handlers/interactions.ts";
import type { BotContext } from "../../src/discord/interaction/context.ts";
import type { Interaction } from "../../src/discord/interaction/interaction.ts";
import { createLogger } from "../../src/log.ts";
import { openStore } from "../../src/store/index.ts";
import type { InteractionSpec, Json } from "../../tools/fake-discord/types.ts";
import { EPHEMERAL, embedsOf } from "./payloads.ts";
import { Recorder, type Sent } from "./recording-transport.ts";
import type { LogLine } from "./reliability.ts";

/** What one interaction got. */
export interface Answered {
  interaction: Interaction;
  /** Everything sent for it, in order. */
  sent: Sent[];
  /** The first response: its type (4 reply, 5 deferral, 6 deferred update, 7 update, 8 choices). */
  type: number;
  /**
   * What the user sees: the first response's message (4, 7), or what filled a deferral in (the
   * edit or follow-up that came after it); autocomplete's `{ choices }`.
   */
  message: Json;
  /** Whether `message` is private (ephemeral flag 64). */
  ephemeral: boolean;
  /** The line logged for it ("interaction answered", "interaction refused"…), if any. */
  outcome: LogLine | undefined;
  /** Every line logged while it was handled. */
  logs: LogLine[];
}

export interface HandlerHarness {
  ctx: BotContext;
  engine: Engine;
  /** The title of `id`'s card for a `lang` reader, from the declaration's data: label — title. */
  cardTitle(id: ClauseId, lang: Lang): string;
  /** Handles `payload` as either transport would, answering through `recorder`. */
  run(payload: InteractionSpec, recorder?: Recorder): Promise<Answered>;
  close(): Promise<void>;
}

const OUTCOME_LINES = new Set(["interaction answered", "interaction refused"]);

function answered(interaction: Interaction, sent: Sent[], logs: LogLine[]): Answered {
  const first = (sent.find((s) => s.kind === "callback")?.body ?? {}) as Json;
  const type = Number(first.type);
  const filled = sent.find((s) => s.kind === "edit" || s.kind === "followUp")?.body as Json;
  const message = ((type === 5 || type === 6 ? filled : first.data) ?? {}) as Json;
  return {
    interaction,
    sent,
    type,
    message,
    ephemeral: (Number(message.flags ?? 0) & EPHEMERAL) !== 0,
    outcome: logs.find((l) => OUTCOME_LINES.has(String(l.msg))),
    logs,
  };
}

/** A harness over a fresh in-memory store; `overrides` layer limits, LOG_QUESTIONS and the like. */
export async function handlerHarness(overrides: Partial<BotContext> = {}): Promise<HandlerHarness> {
  const lines: LogLine[] = [];
  const logger = createLogger("debug", {
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  });
  const store = await openStore({ dataDir: ":memory:", logger, replayWindowMs: 300_000 });
  const ctx: BotContext = {
    engine: getEngine(),
    store,
    logger,
    feedbackRetentionDays: DEFAULT_FEEDBACK_RETENTION_DAYS,
    ...overrides,
  };
  return {
    ctx,
    engine: ctx.engine,
    cardTitle(id, lang) {
      const clause = clauseOf(ctx.engine, id);
      return `${clause.label[lang]} — ${clause.title[lang]}`;
    },
    async run(payload, recorder = new Recorder()) {
      const interaction = recorder.interaction(payload);
      const from = lines.length;
      await handleInteraction(interaction, ctx);
      return answered(interaction, recorder.sent, lines.slice(from));
    },
    close: () => store.close(),
  };
}

/** The harness of a test file: opened as the file loads, closed after its last test. */
export async function fileHarness(overrides: Partial<BotContext> = {}): Promise<HandlerHarness> {
  const h = await handlerHarness(overrides);
  afterAll(() => h.close());
  return h;
}

/** Discord locales and the language each reader gets. */
export const LOCALES: readonly (readonly [string, Lang])[] = [
  ["fr", "fr"],
  ["en-US", "en"],
  ["ru", "ru"],
];

/** The clause `id`, which the tests expect the declaration to have. */
export function clauseOf(engine: Engine, id: ClauseId): Clause {
  const clause = engine.clause(id);
  if (!clause) throw new Error(`the declaration has no clause ${id}`);
  return clause;
}

/**
 * A problem the user can fix, answered as one: one private reply (no card, no buttons), in the
 * reader's language, logged as a refusal with `reason` (or these fields) and never as a failure of
 * the bot. Returns the text, for what else a test expects of it.
 */
export function expectRefusal(
  a: Answered,
  engine: Engine,
  lang: Lang,
  reason: string | Record<string, unknown>,
): string {
  expect(a.sent.map((s) => s.kind)).toEqual(["callback"]);
  expect(a.type).toBe(4);
  expect(a.ephemeral).toBe(true);
  expect(embedsOf(a.message)).toEqual([]);
  expect(a.message.components ?? []).toEqual([]);
  const text = String(a.message.content);
  expect(engine.detectLanguage(text, null), text).toBe(lang);
  const fields = typeof reason === "string" ? { reason } : reason;
  expect(a.outcome).toMatchObject({ msg: "interaction refused", ...fields });
  expect(a.logs.filter((l) => l.level >= 40)).toEqual([]);
  return text;
}
