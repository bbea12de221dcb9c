/**
 * The start-up comparison of stored commands with the definitions (setup/register.ts): what
 * Discord adds or leaves out must not look like a change, and every real change must.
 */
import { describe, expect, it } from "vitest";
import { COMMAND_DEFINITIONS } from "../../src/discord/commands/index.ts";
import { commandsMatch } from "../../src/discord/setup/register.ts";

type Json = Record<string, unknown>;

/** Drops `required: false` and `autocomplete: false` at every level, as Discord returns options. */
function withoutFalse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFalse);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== false)
      .map(([k, v]) => [k, withoutFalse(v)]),
  );
}

/** A definition as Discord stores and returns it: ids, version and defaults added, keys reordered. */
function asStored(definition: Json, n: number): Json {
  const stored: Json = {
    id: String(1_000_000_000_000_000_000n + BigInt(n)),
    application_id: "100000000000000001",
    version: "100000000000000002",
    default_member_permissions: null,
    nsfw: false,
    description: "",
    name_localized: definition.name,
    ...(withoutFalse(definition) as Json),
  };
  return Object.fromEntries(Object.entries(stored).reverse());
}

const stored = () => (COMMAND_DEFINITIONS as unknown as Json[]).map(asStored);

describe("commandsMatch", () => {
  it("sees Discord's stored copy of the definitions as unchanged", () => {
    expect(commandsMatch(stored() as never)).toBe(true);
  });

  it("does not depend on the order of the commands", () => {
    expect(commandsMatch(stored().reverse() as never)).toBe(true);
  });

  it("sees a missing or an extra command", () => {
    expect(commandsMatch(stored().slice(1) as never)).toBe(false);
    const extra = { ...stored()[0], name: "old-command", id: "1" };
    expect(commandsMatch([...stored(), extra] as never)).toBe(false);
  });

  it("sees a changed description, localization, option or permission", () => {
    const changes: Array<(c: Json) => void> = [
      (c) => {
        c.description = "old description";
      },
      (c) => {
        c.name_localizations = { ...(c.name_localizations as Json), fr: "autre" };
      },
      (c) => {
        c.options = [
          ...((c.options as Json[]) ?? []),
          { type: 3, name: "extra", description: "x" },
        ];
      },
      (c) => {
        c.default_member_permissions = "8";
      },
      (c) => {
        c.contexts = [0];
      },
    ];
    for (const change of changes) {
      const commands = stored();
      const ask = commands.find((c) => c.name === "ask");
      if (!ask) throw new Error("no /ask definition");
      change(ask);
      expect(commandsMatch(commands as never)).toBe(false);
    }
  });

  it("sees an option that became required, or a choice that changed", () => {
    const commands = stored();
    const settings = commands.find((c) => c.name === "settings");
    const language = (settings?.options as Json[] | undefined)?.find((o) => o.name === "language");
    const value = (language?.options as Json[] | undefined)?.[0];
    const choices = value?.choices as Json[] | undefined;
    if (!value || !choices?.[1]) throw new Error("no /settings language choices");
    choices[1] = { ...choices[1], value: "xx" };
    expect(commandsMatch(commands as never)).toBe(false);

    const again = stored();
    const quote = again.find((c) => c.name === "quote");
    const option = (quote?.options as Json[] | undefined)?.[0];
    if (!option) throw new Error("no /quote option");
    option.required = !option.required;
    expect(commandsMatch(again as never)).toBe(false);
  });
});

describe("commandsMatch for one server's commands", () => {
  it("ignores contexts and installation types, which Discord ignores there", () => {
    const commands = stored().map((c) => ({ ...c, contexts: null, integration_types: [0] }));
    expect(commandsMatch(commands as never, undefined, { guild: true })).toBe(true);
    expect(commandsMatch(commands as never)).toBe(false);
  });
});
