/** What every handler gets: the engine, the settings store and a logger. */
import type { Engine } from "../core/engine.ts";
import type { ClauseId } from "../core/types.ts";
import type { Logger } from "../log.ts";
import type { SettingsStore } from "../settings/store.ts";

export interface BotContext {
  engine: Engine;
  settings: SettingsStore;
  logger: Logger;
}

/** What a handler reports about its answer, for the one log line per request. */
export interface Outcome {
  outcome: string;
  clause?: ClauseId;
  score?: number;
}
