/** What the command-line tools share: --help, malformed options and --lang answered the same way. */
import { config as loadDotenv } from "dotenv";
import { LANGS } from "../core/types.ts";

/** A usage error: the message and the usage on stderr, exit code 2. */
export function usageError(message: string, usage: string): number {
  process.stderr.write(`${message}\n${usage}\n`);
  return 2;
}

/**
 * The parsed arguments, or the exit code when there is nothing more to do: --help printed (0), an
 * unknown option or a --lang other than fr, en or ru (2).
 */
export function readArgs<T extends { values: { help?: boolean; lang?: string } }>(
  parse: (argv: string[]) => T,
  argv: string[],
  usage: string,
): T | number {
  let parsed: T;
  try {
    parsed = parse(argv);
  } catch (err) {
    // Node's parser says "Unknown option '--x'. To specify a positional argument…": keep the first sentence.
    return usageError((err as Error).message.split(". ")[0] ?? "bad option", usage);
  }
  if (parsed.values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const lang = parsed.values.lang;
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) {
    return usageError("--lang must be fr, en or ru", usage);
  }
  return parsed;
}

/** The options every tool has: --json, --lang and --help. */
export const COMMON_OPTIONS = {
  json: { type: "boolean", default: false },
  lang: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

/**
 * Runs a tool's `main` when its file is the script node was started with (not when a test imports
 * it), with `.env` read first: its exit code, or 1 and the error's message on one line.
 */
export function runAsScript(meta: ImportMeta, main: (argv: string[]) => Promise<number>): void {
  if (meta.url !== `file://${process.argv[1]}`) return;
  loadDotenv({ quiet: true });
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
