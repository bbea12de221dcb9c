/**
 * The local console: the bot's commands and questions in a terminal, no Discord needed.
 * Reads piped stdin too, and exits at the end of input.
 */
import { createInterface } from "node:readline";
import { getEngine } from "../core/engine.ts";
import type { Lang } from "../core/types.ts";
import { runCommand } from "./interpreter.ts";

export const CONSOLE_BANNER =
  "Declaration bot — local console (no DISCORD_TOKEN set). To connect to Discord, put DISCORD_TOKEN in .env (see .env.example) and run npm start again. Type /help for commands.";

export async function runConsole(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
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
  write(CONSOLE_BANNER);
  let lang: Lang | null = null;
  const prompt = () => interactive && rl.prompt();
  prompt();
  for await (const line of rl) {
    if (line.trim()) {
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
}
