/**
 * The check that keeps `npm test` quiet (support/process-warnings.ts): what it catches, so that a
 * warning nobody expected fails the test that caused it instead of scrolling past in the output.
 */
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { expectWarnings, takeUnexpectedWarnings } from "./support/process-warnings.ts";

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

describe("warnings during a test", () => {
  it("Node prints none itself: the workers run with --no-warnings", () => {
    expect(process.execArgv).toContain("--no-warnings");
  });

  it("an unexpected process warning is caught, with where it came from", async () => {
    const emitter = new EventEmitter();
    for (let i = 0; i <= emitter.getMaxListeners(); i++) emitter.on("event", () => {});
    await nextTick();
    const [caught, ...more] = takeUnexpectedWarnings();
    expect(more).toEqual([]);
    expect(caught).toMatch(/^MaxListenersExceededWarning: Possible EventEmitter memory leak/);
    expect(caught).toContain("process-warnings.test.ts");
  });

  it("so is a console.warn or console.error, and it is not printed", () => {
    console.error("fake-discord route failed", "GET", "/x");
    console.warn("deprecated");
    expect(takeUnexpectedWarnings()).toEqual([
      "console.error: fake-discord route failed GET /x",
      "console.warn: deprecated",
    ]);
  });

  it("an expected one is the test's to assert, and fails nothing", async () => {
    const seen = expectWarnings((w) => w.name === "DeprecationWarning");
    process.emitWarning("(test) old API", { type: "DeprecationWarning", code: "X2" });
    await nextTick();
    expect(seen.map((w) => w.message)).toEqual(["(test) old API"]);
    expect(takeUnexpectedWarnings()).toEqual([]);
  });
});
