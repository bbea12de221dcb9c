/**
 * Keeps `npm test` quiet and honest: a process warning (a deprecation, MaxListenersExceededWarning,
 * one of discord.js's…) or a console.warn/console.error fails the test during which it came, unless
 * that test said it expects it (`expectWarnings`), and then it is the test's to assert. The workers
 * run with --no-warnings (vitest.config.ts), so Node prints none itself: every warning is either
 * asserted or a failure naming the test, never a line in the output that looks like a problem.
 * Loaded for every test file by vitest.config.ts.
 */
import { afterAll, afterEach } from "vitest";

interface Expectation {
  matches(warning: Error): boolean;
  seen: Error[];
}

interface Watch {
  expected: Expectation[];
  unexpected: string[];
}

const holder = globalThis as typeof globalThis & { declarationBotWarnings?: Watch };

/**
 * Installed once per worker: files share a worker (isolate: false) and this file runs again for
 * each, and a listener per file would itself make Node warn about too many listeners.
 */
function watch(): Watch {
  if (holder.declarationBotWarnings) return holder.declarationBotWarnings;
  const state: Watch = { expected: [], unexpected: [] };
  process.on("warning", (warning) => {
    const expectation = state.expected.find((e) => e.matches(warning));
    if (expectation) expectation.seen.push(warning);
    else state.unexpected.push(warning.stack ?? `${warning.name}: ${warning.message}`);
  });
  // Not printed: the failure of the test that wrote it shows it.
  for (const level of ["warn", "error"] as const) {
    console[level] = (...args: unknown[]) => {
      state.unexpected.push(`console.${level}: ${args.map(String).join(" ")}`);
    };
  }
  holder.declarationBotWarnings = state;
  return state;
}

const state = watch();

/**
 * Process warnings matching `matches` are expected by the running test: they are collected in the
 * returned list, for the test to assert on, instead of failing it. Lasts until the test ends.
 */
export function expectWarnings(matches: (warning: Error) => boolean): Error[] {
  const seen: Error[] = [];
  state.expected.push({ matches, seen });
  return seen;
}

/** The warnings no test expected since the last call, taken out of the list that fails tests. */
export function takeUnexpectedWarnings(): string[] {
  return state.unexpected.splice(0);
}

function failOnUnexpected(): void {
  state.expected.length = 0;
  const unexpected = takeUnexpectedWarnings();
  if (unexpected.length === 0) return;
  throw new Error(
    `${unexpected.length} unexpected warning(s); assert them with expectWarnings, or fix their cause:\n${unexpected.join("\n")}`,
  );
}

afterEach(failOnUnexpected);
// A warning delivered while a file tears down lands after its last test.
afterAll(failOnUnexpected);
