import { ConfigError, loadConfig } from "../../src/config.ts";

/** Every problem `loadConfig` reports for `env` ([] when it accepts it). */
export function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}
