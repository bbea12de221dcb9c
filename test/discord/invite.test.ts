/**
 * The invite (setup/invite.ts): its permissions are exactly what the features use, threads
 * included, and the README says the same. `npm run register` printing it is checked end to end in
 * test/e2e/bot-process.test.ts.
 */
import { readFileSync } from "node:fs";
import { PermissionFlagsBits } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import {
  BOT_PERMISSIONS,
  type BotPermission,
  FEATURES,
  inviteUrl,
  PERMISSIONS,
} from "../../src/discord/setup/invite.ts";

/** The permission names whose bits are set in `bits`, by their name in discord-api-types. */
function namesIn(bits: bigint): string[] {
  return Object.entries(PermissionFlagsBits)
    .filter(([, bit]) => (bits & bit) === bit)
    .map(([name]) => name);
}

const used = new Set(FEATURES.flatMap((f) => f.permissions));

describe("the invite's permissions", () => {
  it("let the bot answer in threads, as in channels", () => {
    expect(BOT_PERMISSIONS & PermissionFlagsBits.SendMessagesInThreads).toBe(
      PermissionFlagsBits.SendMessagesInThreads,
    );
    const threads = FEATURES.find((f) => f.permissions.includes("SendMessagesInThreads"));
    const channels = FEATURES.find((f) => f.permissions.includes("SendMessages"));
    // Whatever an answer needs in a channel besides sending, it needs in a thread too.
    const besidesSending = (f: typeof threads) =>
      f?.permissions.filter((p) => p !== "SendMessages" && p !== "SendMessagesInThreads");
    expect(besidesSending(threads)).toEqual(besidesSending(channels));
  });

  it("are each used by a feature, and every permission a feature uses is asked for", () => {
    // Bit by bit, so a bit set by hand or by a mistyped flag would show up unexplained.
    const asked = namesIn(BOT_PERMISSIONS);
    expect(asked.length).toBeGreaterThan(0);
    for (const name of asked) {
      expect(used.has(name as BotPermission), `${name} is used by no feature`).toBe(true);
    }
    expect(new Set(asked)).toEqual(used);
  });

  it("are each explained, and only those", () => {
    expect(new Set(Object.keys(PERMISSIONS))).toEqual(used);
    for (const { label, use } of Object.values(PERMISSIONS)) {
      expect(label).toMatch(/^[A-Z]/);
      expect(use).toMatch(/^to /);
    }
  });

  it("do not include what the bot does not do: no administrator, no moderation", () => {
    for (const name of ["Administrator", "ManageMessages", "ManageGuild", "MentionEveryone"]) {
      expect(namesIn(BOT_PERMISSIONS), name).not.toContain(name);
    }
  });
});

describe("inviteUrl", () => {
  it("asks for both scopes and the computed permissions", () => {
    const url = new URL(inviteUrl("900000000000000001"));
    expect(url.origin + url.pathname).toBe("https://discord.com/oauth2/authorize");
    expect(url.searchParams.get("client_id")).toBe("900000000000000001");
    expect(url.searchParams.get("scope")?.split(" ")).toEqual(["bot", "applications.commands"]);
    expect(url.searchParams.get("permissions")).toBe(String(BOT_PERMISSIONS));
  });
});

describe("the README", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

  const cells = (line: string) =>
    line
      .trim()
      .slice(1, -1)
      .split("|")
      .map((cell) => cell.trim());

  /** The rows of the Markdown table headed `header`, cells trimmed (the padding is free). */
  function table(...header: string[]): string[][] {
    const lines = readme.split("\n");
    const start = lines.findIndex(
      (l) => l.trim().startsWith("|") && cells(l).join("|") === header.join("|"),
    );
    expect(start, `a table headed ${header.join(" | ")}`).toBeGreaterThan(-1);
    const rows: string[][] = [];
    for (const line of lines.slice(start + 2)) {
      if (!line.trim().startsWith("|")) break;
      rows.push(cells(line));
    }
    return rows;
  }

  it("gives the invite URL with the computed permissions", () => {
    const url = inviteUrl("CLIENT_ID").replace("CLIENT_ID", "<DISCORD_CLIENT_ID>");
    expect(readme).toContain(url);
    expect(
      readme.match(/permissions=\d+/g)?.filter((p) => p !== `permissions=${BOT_PERMISSIONS}`),
    ).toEqual(
      // The earlier invite, named once to tell its owners what it lacks.
      ["permissions=84992"],
    );
  });

  it("says which feature needs which permission, as the code does", () => {
    expect(table("feature", "scope", "bot permissions")).toEqual(
      FEATURES.map((f) => [
        f.feature,
        `\`${f.scope}\``,
        f.permissions.length === 0
          ? "none"
          : f.permissions.map((p) => PERMISSIONS[p].label).join(", "),
      ]),
    );
    expect(table("permission", "why the bot needs it")).toEqual(
      Object.values(PERMISSIONS).map(({ label, use }) => [label, use]),
    );
  });
});
