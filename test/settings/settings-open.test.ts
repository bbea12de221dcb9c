import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  describeOpenFailure,
  openSettingsStore,
  SETTINGS_FILE,
  SettingsUnavailable,
} from "../../src/settings/store.ts";

describe("opening the settings database", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("stops with one clear line on a corrupt file", () => {
    dir = mkdtempSync(path.join(tmpdir(), "settings-"));
    writeFileSync(path.join(dir, SETTINGS_FILE), "this is not a database ".repeat(200));
    const open = () => openSettingsStore(dir as string);
    expect(open).toThrow(SettingsUnavailable);
    expect(open).toThrow(
      /settings\.db is corrupt or not a database \(SQLITE_NOTADB\): move it away/,
    );
  });

  it("names a database it cannot write, by SQLite's and the system's codes", () => {
    // Root ignores permission bits, so a read-only file cannot be made here: the codes are checked.
    for (const code of ["SQLITE_READONLY", "SQLITE_CANTOPEN", "EACCES", "EROFS"]) {
      expect(describeOpenFailure({ code }, "/x/settings.db")).toBe(
        `the settings database /x/settings.db cannot be written (${code}): check DATA_DIR and its permissions`,
      );
    }
    expect(describeOpenFailure({ code: "SQLITE_BUSY" }, "/x/settings.db")).toBeNull();
    expect(describeOpenFailure(new Error("other"), "/x/settings.db")).toBeNull();
  });

  it("opens a fresh directory and writes", () => {
    dir = mkdtempSync(path.join(tmpdir(), "settings-"));
    const store = openSettingsStore(dir);
    store.setQuoting("1", false);
    expect(store.get("1").quoting).toBe(false);
    store.close();
  });
});
