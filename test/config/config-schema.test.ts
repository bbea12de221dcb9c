import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.ts";
import { SCHEMA } from "../../src/config-schema.ts";
import { problems } from "../support/config-problems.ts";

const KEY = "a1".repeat(32);

describe("the rules between variables", () => {
  it("still run when one of the variables they read is itself malformed", () => {
    const found = problems({
      DISCORD_GATEWAY: "maybe",
      DISCORD_SHARDS: "2",
      INTERACTIONS_PORT: "8443",
      DISCORD_PUBLIC_KEY: KEY,
    });
    expect(found).toEqual([
      'DISCORD_GATEWAY must be on or off, got "maybe"',
      expect.stringMatching(/^INTERACTIONS_PORT cannot go with DISCORD_SHARDS/),
    ]);
  });

  it("list a missing public key beside a gateway that is off", () => {
    const found = problems({ DISCORD_GATEWAY: "off", INTERACTIONS_PORT: "8443", LOG_LEVEL: "x" });
    expect(found).toEqual([
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "x"',
      "DISCORD_PUBLIC_KEY is required with INTERACTIONS_PORT: every request is checked against it",
    ]);
  });
});

describe("the documented variables", () => {
  const schemaNames = Object.keys(SCHEMA).sort();
  const text = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), "utf8");

  it("are in the README's configuration table, exactly", () => {
    const readme = text("README.md");
    const table = readme.slice(readme.indexOf("| Variable "));
    const rows = table.slice(0, table.search(/\n(?!\|)/)).split("\n");
    const names = rows.flatMap((row) => /^\| `([A-Z_]+)`/.exec(row)?.[1] ?? []);
    expect(names.sort()).toEqual(schemaNames);
  });

  it("are in .env.example, exactly", () => {
    const names = text(".env.example")
      .split("\n")
      .flatMap((line) => /^([A-Z_]+)=/.exec(line)?.[1] ?? []);
    expect(names.sort()).toEqual(schemaNames);
  });
});
