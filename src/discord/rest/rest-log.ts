/**
 * Every REST failure Discord returns is logged, including those @discordjs/rest handles on its own
 * (a 429 it waits out, a 5xx it retries), so an operator sees rate limits and outages that never
 * surface as errors. Routes are logged in their generic form ("/channels/:id/messages"), which
 * carries no interaction token; the hook in log.ts redacts any that slip through.
 */
import { type REST, RESTEvents } from "@discordjs/rest";
import type { Logger } from "../../log.ts";

/** `started`: whether the bot is up; a 401 before then is a wrong token, reported on its own. */
export function logRestFailures(rest: REST, logger: Logger, started: () => boolean): void {
  rest.on(RESTEvents.Response, (request, response) => {
    if (response.status < 400) return;
    const retryAfter = response.headers.get("retry-after");
    // A 401 before the bot is ready is a wrong token: the start fails with one line that says so
    // (errors.ts, describeConnectFailure), which must come first.
    const level = response.status === 401 && !started() ? "debug" : "warn";
    logger[level](
      {
        method: request.method.toUpperCase(),
        route: request.route,
        status: response.status,
        retry: request.retries,
        ...(retryAfter !== null && { retryAfterSeconds: Number(retryAfter) }),
      },
      response.status === 429 ? "Discord rate limit (429)" : "Discord REST error",
    );
  });
}
