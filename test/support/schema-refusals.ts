/**
 * Fails the test during which the bot sent a request Discord's OpenAPI schema refuses (see
 * tools/fake-discord/refusals.ts); loaded for every test file by vitest.config.ts.
 */
import { afterAll, afterEach } from "vitest";
import { describeRefusals, takeRefusals } from "../../tools/fake-discord/refusals.ts";

function failOnRefusals(): void {
  const refused = takeRefusals();
  if (refused.length === 0) return;
  throw new Error(
    `Discord's OpenAPI schema refused ${refused.length} request(s):\n${describeRefusals(refused)}`,
  );
}

afterEach(failOnRefusals);
// Requests made while a file tears down (a last edit, a command sync) land after its last test.
afterAll(failOnRefusals);
