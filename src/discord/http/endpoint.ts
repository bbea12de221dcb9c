/**
 * The interactions endpoint of one process: the responder (responder.ts) behind the verified HTTP
 * server (server.ts). Started by the HTTP-only bot (bot.ts) and, with the gateway on, by startBot
 * beside its gateway connection; either way it shares the process's handler context and in-flight
 * tracking, so limits, settings and shutdown cover both transports.
 */
import type { REST } from "@discordjs/rest";
import type { InteractionsConfig } from "../../config.ts";
import type { Logger } from "../../log.ts";
import { StartFailure } from "../../runtime/start-failure.ts";
import type { BotContext } from "../interaction/context.ts";
import type { InFlight } from "../interaction/inflight.ts";
import { createResponder } from "./responder.ts";
import { type InteractionsServer, startInteractionsServer } from "./server.ts";
import { createSignatureVerifier } from "./verify.ts";

export interface Endpoint {
  server: InteractionsServer;
}

export interface EndpointOptions {
  /** How long a request may take to arrive; tests shorten it. */
  requestTimeoutMs?: number;
}

export async function startEndpoint(
  settings: InteractionsConfig,
  rest: REST,
  ctx: BotContext,
  inflight: InFlight,
  options: EndpointOptions = {},
): Promise<Endpoint> {
  const responder = createResponder(rest, ctx, inflight);
  try {
    const server = await startInteractionsServer({
      host: settings.host,
      port: settings.port,
      verifier: createSignatureVerifier(settings.publicKey),
      replays: ctx.store.replays,
      answer: responder.answer,
      logger: ctx.logger,
      ...(options.requestTimeoutMs !== undefined && { requestTimeoutMs: options.requestTimeoutMs }),
    });
    return { server };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new StartFailure(
      `cannot serve interactions on ${settings.host}:${settings.port} (INTERACTIONS_HOST, INTERACTIONS_PORT): ${
        code === "EADDRINUSE" ? "the port is in use" : String(code ?? error)
      }`,
      { cause: error },
    );
  }
}

/**
 * The first half of every shutdown: no new work (the endpoint, when there is one, stops accepting),
 * then, within `timeoutMs` in all, the HTTP requests already received are answered and the
 * running handlers finish, their answers reaching Discord.
 */
export async function drainWork(
  inflight: InFlight,
  endpoint: Endpoint | null,
  logger: Logger,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  endpoint?.server.stopAccepting();
  const running = inflight.size;
  // Requests first: one still arriving becomes a handler, which the drain then waits for.
  await endpoint?.server.close(timeoutMs);
  const drained = await inflight.drain(Math.max(0, deadline - Date.now()));
  if (running > 0) logger.info({ running, drained }, "waited for running handlers");
}
