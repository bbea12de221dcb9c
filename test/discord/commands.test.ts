import { describe, expect, it } from "vitest";
import { COMMAND_DEFINITIONS } from "../../src/discord/commands/index.ts";

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LOCALES = ["fr", "en-US", "en-GB", "ru"];

type Option = {
  name: string;
  description: string;
  name_localizations?: Record<string, string>;
  description_localizations?: Record<string, string>;
  options?: Option[];
  choices?: { name: string; value: unknown }[];
};

function checkOption(option: Option, where: string): void {
  expect(option.name, where).toMatch(NAME);
  expect(option.name, where).toBe(option.name.toLowerCase());
  expect(option.description.length, where).toBeGreaterThan(0);
  expect(option.description.length, where).toBeLessThanOrEqual(100);
  for (const locale of LOCALES) {
    const name = option.name_localizations?.[locale];
    const description = option.description_localizations?.[locale];
    expect(name, `${where} name ${locale}`).toMatch(NAME);
    expect(name, `${where} name ${locale}`).toBe(name?.toLowerCase());
    expect(description?.length ?? 0, `${where} description ${locale}`).toBeGreaterThan(0);
    expect(description?.length ?? 0, `${where} description ${locale}`).toBeLessThanOrEqual(100);
  }
  expect((option.choices ?? []).length).toBeLessThanOrEqual(25);
  for (const child of option.options ?? []) checkOption(child, `${where} ${child.name}`);
}

describe("command definitions", () => {
  it("are the eight slash commands and the three message commands", () => {
    // Registration order does not matter to Discord, which lists commands by name.
    expect(COMMAND_DEFINITIONS.map((c) => c.name).sort()).toEqual(
      [
        "measure",
        "ask",
        "quote",
        "declaration",
        "help",
        "settings",
        "privacy",
        "Find in declaration",
        "verify",
        "Check quote",
        "Quote cited clauses",
      ].sort(),
    );
  });

  it("respect Discord's naming rules and are localized in fr, en-US, en-GB and ru", () => {
    for (const command of COMMAND_DEFINITIONS) {
      if (command.type === 3) {
        for (const locale of LOCALES) {
          const name = command.name_localizations?.[locale as "fr"];
          expect(name?.length ?? 0).toBeGreaterThan(0);
          expect(name?.length ?? 0).toBeLessThanOrEqual(32);
        }
        continue;
      }
      checkOption(command as unknown as Option, command.name);
    }
  });

  it("call /measure “пункт” in Russian, as the clause labels do (“Пункт 3”)", () => {
    const measure = COMMAND_DEFINITIONS.find((c) => c.name === "measure");
    expect(measure?.name_localizations?.ru).toBe("пункт");
  });

  it("stay under Discord's 8000-character budget per command", () => {
    for (const command of COMMAND_DEFINITIONS) {
      expect(JSON.stringify(command).length).toBeLessThan(8000);
    }
  });
});
