import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, openSettingsStore } from "../../src/settings/store.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "settings-store-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("settings store", () => {
  it("returns the defaults for an unknown server", () => {
    const store = openSettingsStore(dir);
    expect(store.get("1")).toEqual(DEFAULT_SETTINGS);
    store.close();
  });

  it("persists every setting across a reopen (a restart)", () => {
    const first = openSettingsStore(path.join(dir, "nested", "data"));
    expect(first.addQaChannel("1", "10")).toBe(true);
    expect(first.addQaChannel("1", "10")).toBe(false);
    first.addQaChannel("1", "11");
    first.setQuoting("1", false);
    first.setLanguage("1", "ru");
    first.setLanguage("2", "en");
    first.close();

    const second = openSettingsStore(path.join(dir, "nested", "data"));
    expect(second.get("1")).toEqual({
      qaChannels: ["10", "11"],
      quoting: false,
      quoteCheck: true,
      language: "ru",
      feedbackText: false,
    });
    expect(second.get("2")).toEqual({
      qaChannels: [],
      quoting: true,
      quoteCheck: true,
      language: "en",
      feedbackText: false,
    });
    expect(second.isQaChannel("1", "11")).toBe(true);
    expect(second.isQaChannel("2", "11")).toBe(false);
    expect(second.removeQaChannel("1", "10")).toBe(true);
    expect(second.removeQaChannel("1", "10")).toBe(false);
    second.setLanguage("1", null);
    second.close();

    const third = openSettingsStore(path.join(dir, "nested", "data"));
    expect(third.get("1")).toEqual({
      qaChannels: ["11"],
      quoting: false,
      quoteCheck: true,
      language: null,
      feedbackText: false,
    });
    third.close();
  });

  it("sees writes made by another connection (another shard process)", () => {
    const a = openSettingsStore(dir);
    const b = openSettingsStore(dir);
    a.setQuoting("1", false);
    expect(b.get("1").quoting).toBe(false);
    a.close();
    b.close();
  });

  it("closes idempotently", () => {
    const store = openSettingsStore(":memory:");
    store.close();
    expect(() => store.close()).not.toThrow();
  });
});
