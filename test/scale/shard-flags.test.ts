/**
 * The node flags `npm start` gives the bot reach every shard process too: the sharding manager
 * forwards them (scale/manager.ts), and a flag added to the start script but not forwarded would
 * leave shards running with node's defaults.
 */
import { expect, it } from "vitest";
import { startFlags } from "../../bench/e2e/processes.ts";
import { forwardedFlags } from "../../src/scale/manager.ts";

it("forwards every flag of npm start to the shards", () => {
  const flags = startFlags();
  expect(flags.length).toBeGreaterThan(0);
  expect(forwardedFlags(flags)).toEqual(flags);
});

it("forwards nothing else: a debugger or a loader stays with the manager", () => {
  const others = ["--inspect=9229", "--import", "tsx", "--enable-source-maps", "--expose-gc"];
  expect(forwardedFlags([...others, "--max-semi-space-size=1"])).toEqual([
    "--max-semi-space-size=1",
  ]);
});
