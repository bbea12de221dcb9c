/**
 * Requests Discord's schema refused that no test has acknowledged yet. The loopback answers them 400
 * as Discord would, but a bot that logs the error and carries on would leave its test green; the test
 * runner's hook (test/support/schema-refusals.ts) drains this list after each test and fails the test
 * during which one arrived. A test that means to send a refused payload takes it first with
 * `fake.takeSchemaRefusals()`. Imports types only, so every test file can load it cheaply.
 */

import type { RecordedRequest } from "./types.ts";

interface Refusal {
  owner: object;
  request: RecordedRequest;
}

const pending: Refusal[] = [];

export function noteRefusal(owner: object, request: RecordedRequest): void {
  pending.push({ owner, request });
}

/** Removes and returns `owner`'s refusals, or everyone's when no owner is given. */
export function takeRefusals(owner?: object): RecordedRequest[] {
  const taken: RecordedRequest[] = [];
  for (let i = pending.length - 1; i >= 0; i--) {
    const refusal = pending[i];
    if (refusal && (owner === undefined || refusal.owner === owner)) {
      taken.unshift(refusal.request);
      pending.splice(i, 1);
    }
  }
  return taken;
}

/** One line per problem, "POST /channels/1/messages → embeds.0.title: …", for a failing test's message. */
export function describeRefusals(requests: RecordedRequest[]): string {
  return requests
    .flatMap((r) => (r.schemaProblems ?? []).map((p) => `${r.method} ${r.path} → ${p}`))
    .join("\n");
}
