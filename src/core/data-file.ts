/** What every rule table in `data/` shares: how its JSON is read, and its examples. */
import { readFileSync } from "node:fs";

/**
 * The examples a rule table carries for its tests: messages the rule must fire on (with what it
 * should find, where the rule finds more than yes or no) and messages it must spare.
 */
export interface RuleExamples<Fire = string> {
  fires: Fire[];
  spares: string[];
}

/** A JSON file of `data/`, read whole; its shape is checked by the tests of the module reading it. */
export function readDataFile<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}
