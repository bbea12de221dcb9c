/**
 * The systemd unit shipped in deploy/: restarted on failure, settings from an environment file, a
 * user of its own, confined, and running the compiled bot exactly as `npm start` does.
 * (test/production/ runs its command lines on a production install.)
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const UNIT_FILE = path.join(ROOT, "deploy/declaration-bot.service");
const unit = readFileSync(UNIT_FILE, "utf8");

/** Every value of `key` in the unit, in order. */
function values(key: string): string[] {
  return unit
    .split("\n")
    .filter((l) => l.startsWith(`${key}=`))
    .map((l) => l.slice(key.length + 1));
}

function value(key: string): string | undefined {
  return values(key).at(-1);
}

const hasSystemdAnalyze =
  spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" }).status === 0;

describe("deploy/declaration-bot.service", () => {
  it("restarts on failure, reads an environment file and runs as a user of its own", () => {
    expect(value("Restart")).toBe("on-failure");
    expect(value("RestartSec")).toBeDefined();
    expect(value("EnvironmentFile")).toBe("/etc/declaration-bot/env");
    const user = value("User");
    expect(user).toBeDefined();
    expect(user).not.toBe("root");
    expect(value("StateDirectory")).toBe("declaration-bot");
    expect(values("Environment").join(" ")).toContain("DATA_DIR=/var/lib/declaration-bot");
  });

  it("is confined", () => {
    for (const [key, wanted] of Object.entries({
      NoNewPrivileges: "yes",
      ProtectSystem: "strict",
      ProtectHome: "yes",
      PrivateTmp: "yes",
      PrivateDevices: "yes",
      CapabilityBoundingSet: "",
      RestrictSUIDSGID: "yes",
      UMask: "0077",
    })) {
      expect(value(key), key).toBe(wanted);
    }
    expect(value("RestrictAddressFamilies")).toBe("AF_UNIX AF_INET AF_INET6");
    expect(values("SystemCallFilter")).toContain("@system-service");
    // V8 compiles to executable memory: this one would stop the bot.
    expect(value("MemoryDenyWriteExecute")).toBeUndefined();
  });

  it("runs dist/main.js with npm start's node flags, after checking dist/ holds a build", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    const start = /\bnode((?:\s+--\S+)+)\s+dist\/main\.js$/.exec(pkg.scripts.start ?? "");
    expect(start).not.toBeNull();
    expect(value("ExecStart")).toBe(`/usr/bin/node${start?.[1]} dist/main.js`);
    expect(value("ExecStartPre")).toBe("/usr/bin/node scripts/dist.mjs check");
    expect(value("WorkingDirectory")).toBe("/opt/declaration-bot");
  });

  it.skipIf(!hasSystemdAnalyze)("passes systemd-analyze verify", () => {
    const r = spawnSync("systemd-analyze", ["verify", UNIT_FILE], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    // The only complaints allowed: the back-off keys systemd < 254 does not know yet.
    const complaints = r.stderr
      .split("\n")
      .filter((l) => l && !/Unknown key '(RestartSteps|RestartMaxDelaySec)'/.test(l));
    expect(complaints).toEqual([]);
  });
});
