/**
 * The limits Discord enforces on what a bot sends. A bot quoting long legal text trips these in
 * production, so the fake rejects the same way (400, code 50035/50006) instead of accepting anything.
 */

import type { Json } from "./types.ts";

export interface ApiError {
  status: number;
  body: Json;
}

/** Discord's 50035 answer: each "where: message" problem under its field, as discord.js prints them. */
function invalidForm(problems: string[], code = "BASE_TYPE_BAD_LENGTH"): ApiError {
  const errors: Record<string, { _errors: { code: string; message: string }[] }> = {};
  for (const p of problems) {
    const cut = p.indexOf(": ");
    const where = p.slice(0, cut);
    errors[where] ??= { _errors: [] };
    errors[where]._errors.push({ code, message: p.slice(cut + 2) });
  }
  return { status: 400, body: { message: "Invalid Form Body", code: 50035, errors } };
}

const len = (v: unknown): number => (typeof v === "string" ? [...v].length : 0);

function checkLength(
  problems: string[],
  where: string,
  value: unknown,
  max: number,
  min = 0,
): void {
  const n = len(value);
  if (value !== undefined && value !== null && (n > max || n < min)) {
    problems.push(`${where}: Must be between ${min} and ${max} in length (got ${n}).`);
  }
}

function checkEmbeds(problems: string[], embeds: unknown): void {
  if (!Array.isArray(embeds)) return;
  if (embeds.length > 10)
    problems.push(`embeds: Must be 10 or fewer in length (got ${embeds.length}).`);
  let total = 0;
  embeds.forEach((e: Json, i) => {
    const author = e.author as Json | undefined;
    const footer = e.footer as Json | undefined;
    const fields = (e.fields as Json[] | undefined) ?? [];
    checkLength(problems, `embeds.${i}.title`, e.title, 256);
    checkLength(problems, `embeds.${i}.description`, e.description, 4096);
    checkLength(problems, `embeds.${i}.author.name`, author?.name, 256);
    checkLength(problems, `embeds.${i}.footer.text`, footer?.text, 2048);
    if (fields.length > 25) problems.push(`embeds.${i}.fields: Must be 25 or fewer in length.`);
    fields.forEach((f, j) => {
      checkLength(problems, `embeds.${i}.fields.${j}.name`, f.name, 256, 1);
      checkLength(problems, `embeds.${i}.fields.${j}.value`, f.value, 1024, 1);
      total += len(f.name) + len(f.value);
    });
    total += len(e.title) + len(e.description) + len(author?.name) + len(footer?.text);
  });
  if (total > 6000)
    problems.push(`embeds: Embed size exceeds maximum size of 6000 (got ${total}).`);
}

/** Checks a message create/edit body; `creating` also rejects empty messages. */
export function checkMessageBody(
  body: unknown,
  creating: boolean,
  fileCount: number,
): ApiError | null {
  const b = (body ?? {}) as Json;
  const problems: string[] = [];
  checkLength(problems, "content", b.content, 2000);
  checkEmbeds(problems, b.embeds);
  if (problems.length > 0) return invalidForm(problems);
  const empty =
    !len(b.content) &&
    !(Array.isArray(b.embeds) && b.embeds.length) &&
    !(Array.isArray(b.components) && b.components.length) &&
    !(Array.isArray(b.sticker_ids) && b.sticker_ids.length) &&
    !b.poll &&
    fileCount === 0;
  if (creating && empty) {
    return { status: 400, body: { message: "Cannot send an empty message", code: 50006 } };
  }
  return null;
}

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkName(problems: string[], where: string, name: unknown, chatInput: boolean): void {
  if (typeof name !== "string") {
    problems.push(`${where}: This field is required`);
  } else if (chatInput && (!NAME.test(name) || name !== name.toLowerCase())) {
    problems.push(`${where}: Command name is invalid`);
  } else if (!chatInput) {
    checkLength(problems, where, name, 32, 1);
  }
}

function checkLocalized(problems: string[], where: string, map: unknown, max: number): void {
  if (!map || typeof map !== "object") return;
  for (const [locale, text] of Object.entries(map))
    checkLength(problems, `${where}.${locale}`, text, max, 1);
}

function checkOptions(problems: string[], where: string, options: unknown): void {
  if (!Array.isArray(options)) return;
  if (options.length > 25) problems.push(`${where}: Must be 25 or fewer in length.`);
  let sawOptional = false;
  const names = new Set<string>();
  options.forEach((o: Json, i) => {
    const at = `${where}.${i}`;
    checkName(problems, `${at}.name`, o.name, true);
    checkLocalized(problems, `${at}.name_localizations`, o.name_localizations, 32);
    checkLength(problems, `${at}.description`, o.description, 100, 1);
    checkLocalized(problems, `${at}.description_localizations`, o.description_localizations, 100);
    if (names.has(String(o.name))) problems.push(`${at}.name: Option names must be unique`);
    names.add(String(o.name));
    if (o.required && sawOptional) {
      problems.push(`${at}: Required options must be placed before non-required options`);
    }
    if (!o.required && o.type !== 1 && o.type !== 2) sawOptional = true;
    const choices = (o.choices as Json[] | undefined) ?? [];
    if (choices.length > 25) problems.push(`${at}.choices: Must be 25 or fewer in length.`);
    choices.forEach((c, j) => {
      checkLength(problems, `${at}.choices.${j}.name`, c.name, 100, 1);
    });
    checkOptions(problems, `${at}.options`, o.options);
  });
}

export function checkCommand(cmd: Json, where = ""): string[] {
  const problems: string[] = [];
  const type = (cmd.type as number | undefined) ?? 1;
  const p = where ? `${where}.` : "";
  checkName(problems, `${p}name`, cmd.name, type === 1);
  checkLocalized(problems, `${p}name_localizations`, cmd.name_localizations, 32);
  if (type === 1) {
    checkLength(problems, `${p}description`, cmd.description ?? "", 100, 1);
    checkLocalized(problems, `${p}description_localizations`, cmd.description_localizations, 100);
    checkOptions(problems, `${p}options`, cmd.options);
  }
  return problems;
}

export function checkCommands(cmds: Json[]): ApiError | null {
  const problems = cmds.flatMap((c, i) => checkCommand(c, String(i)));
  const seen = new Set<string>();
  for (const c of cmds) {
    const key = `${c.type ?? 1}:${String(c.name)}`;
    if (seen.has(key)) problems.push(`${key}: Application command names must be unique`);
    seen.add(key);
  }
  return problems.length > 0 ? invalidForm(problems) : null;
}

export { invalidForm };
