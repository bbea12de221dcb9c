/**
 * The local console: the bot's commands and questions in a terminal, no Discord needed.
 * Reads piped stdin too, and exits at the end of input.
 */
import { createInterface } from "node:readline";
import { getEngine } from "../core/engine.ts";
import { langFromLocale } from "../core/language.ts";
import type { Lang } from "../core/types.ts";
import { textsFor } from "../text/index.ts";
import { runCommand } from "./interpreter.ts";

/** The session's first language: the environment's locale (LANG, e.g. fr_FR.UTF-8), else English. */
export function environmentLang(env: NodeJS.ProcessEnv = process.env): Lang {
  return langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG) ?? "en";
}

/**
 * Runs the console until the end of input or /quit; resolves with the number of non-blank lines
 * read. In a terminal the banner comes first; on piped input it comes before the first answer, so
 * that an empty input (a supervisor's /dev/null) prints nothing here: src/main.ts says what is
 * missing instead.
 */
export async function runConsole(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
  startLang: Lang = environmentLang(),
): Promise<number> {
  const engine = getEngine();
  // A terminal on both sides: `npm start > log` typed at a terminal must not write prompts and
  // cursor moves into the log.
  const interactive =
    Boolean((input as { isTTY?: boolean }).isTTY) && Boolean((output as { isTTY?: boolean }).isTTY);
  // In a terminal readline needs the output too: it echoes what is typed there and redraws the
  // prompt. Piped input is not echoed.
  const rl = interactive
    ? createInterface({ input, output, terminal: true, prompt: "> " })
    : createInterface({ input, terminal: false });
  const write = (s: string) => output.write(`${s}\n`);
  let lang = startLang;
  let read = 0;
  if (interactive) write(textsFor(lang).console.banner);
  const prompt = () => interactive && rl.prompt();
  prompt();
  for await (const line of rl) {
    if (line.trim()) {
      if (read++ === 0 && !interactive) write(textsFor(lang).console.banner);
      let result: ReturnType<typeof runCommand>;
      try {
        result = runCommand(engine, line, lang);
      } catch (err) {
        // One bad line must not end the session.
        result = { output: `Internal error: ${(err as Error).message}` };
      }
      if (result.quit) break;
      if (result.lang) lang = result.lang;
      write(result.output);
      write("");
    }
    prompt();
  }
  rl.close();
  return read;
}
