/**
 * The HTTP interactions endpoint: `POST /interactions`, as set in the Developer Portal's
 * "Interactions Endpoint URL". Every request is checked before anything else is done with it:
 *
 * - other paths 404, other methods 405, a body over MAX_BODY_BYTES 413 (from Content-Length
 *   before reading a byte, or as soon as a chunked body passes it; the connection is then closed
 *   rather than read to its end);
 * - the signature headers (verify.ts) before the body is read, the signature over the raw body
 *   before it is parsed: 401 for anything missing, malformed, stale or not signed by the key;
 * - signed but not JSON, or not an interaction: 400. PING (type 1) is answered `{"type":1}`.
 * - an interaction id already answered while its signature still holds: 401 (a replay,
 *   store/replays.ts: shared by every replica when they share PostgreSQL).
 *
 * A client that sends its request too slowly gets Node's 408 after REQUEST_TIMEOUT_MS. Refusals
 * are logged at info level: Discord itself sends badly signed requests to check that they are
 * refused, so they are routine, never errors. Everything else goes to `answer` (responder.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../../log.ts";
import { listen, requestTimeouts } from "../../runtime/listen.ts";
import type { ReplayGuard } from "../../store/replays.ts";
import { type InteractionPayload, isInteractionPayload } from "../interaction/interaction.ts";
import type { SignatureVerifier } from "./verify.ts";

export const PATH = "/interactions";
/** Discord's interaction payloads are a few KB; 64 KB leaves room for large resolved data. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Headers and body must have arrived by then: Discord stops waiting for the answer at 3 s. */
export const REQUEST_TIMEOUT_MS = 3000;

/** What the endpoint answers: JSON, or a body already encoded (a handler's first response). */
export interface HttpReply {
  status: number;
  json?: unknown;
  raw?: { data: Buffer; contentType: string };
  /** Told whether the answer reached the socket (true) or the connection was gone (false). */
  sent?: (ok: boolean) => void;
}

export interface InteractionsServerOptions {
  host: string;
  /** 0 = any free port; the bound port is logged and returned. */
  port: number;
  verifier: SignatureVerifier;
  /** Interaction ids seen while their signature holds. */
  replays: ReplayGuard;
  /**
   * `fresh`: whether the other replicas saw this interaction id before, still being asked; the
   * answer must not leave before it says the id is new.
   */
  answer(interaction: InteractionPayload, fresh: Promise<boolean> | null): Promise<HttpReply>;
  logger: Logger;
  /** Default REQUEST_TIMEOUT_MS; tests shorten it. */
  requestTimeoutMs?: number;
}

export interface InteractionsServer {
  host: string;
  port: number;
  /** New connections are refused and new requests on open ones get 503; running ones go on. */
  stopAccepting(): void;
  /** Stops accepting, waits up to `timeoutMs` for running requests, then closes every connection. */
  close(timeoutMs: number): Promise<void>;
}

type HttpRefusal = { status: number; reason: string; headers?: Record<string, string> };

/** A PING (type 1) needs nothing else; anything else must be an interaction a handler can answer. */
function isPing(value: unknown): boolean {
  return (value as { type?: unknown } | null)?.type === 1;
}

function pathOf(target: string | undefined): string | null {
  // What Discord requests, every time: no URL to parse.
  if (target === PATH) return PATH;
  try {
    return new URL(target ?? "/", "http://localhost").pathname;
  } catch {
    return null;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The body, or null as soon as it passes `max` bytes (the rest is left unread). */
function readLimited(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | null | Error) => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.pause();
        finish(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks, size));
    const onError = (error: Error) => finish(error);
    const onClose = () => finish(new Error("the client closed the connection mid-request"));
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

function write(res: ServerResponse, reply: HttpReply, headers: Record<string, string> = {}): void {
  const sent = reply.sent;
  // Discord hung up while the handler worked: its "close" has been and gone, so say it here.
  if (res.destroyed) {
    sent?.(false);
    return;
  }
  const data = reply.raw?.data ?? Buffer.from(JSON.stringify(reply.json ?? {}));
  if (sent) {
    let told = false;
    const tell = (ok: boolean) => {
      if (told) return;
      told = true;
      sent(ok);
    };
    res.once("finish", () => tell(true));
    res.once("close", () => tell(res.writableFinished));
  }
  res.writeHead(reply.status, {
    "content-type": reply.raw?.contentType ?? "application/json",
    "content-length": String(data.length),
    ...headers,
  });
  res.end(data);
}

function refuse(
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  refusal: HttpRefusal,
): void {
  logger.info(
    { status: refusal.status, reason: refusal.reason, method: req.method },
    "interactions request refused",
  );
  write(res, { status: refusal.status, json: { error: refusal.reason } }, refusal.headers);
}

/** 413, then the connection is dropped instead of reading (or even receiving) the rest. */
function tooLarge(logger: Logger, req: IncomingMessage, res: ServerResponse): void {
  res.once("finish", () => req.socket.destroy());
  refuse(logger, req, res, {
    status: 413,
    reason: "body-too-large",
    headers: { connection: "close" },
  });
}

/** One request: checked in the order Discord's documentation gives, then answered. */
async function serveRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: InteractionsServerOptions,
  accepting: boolean,
): Promise<void> {
  const { verifier, logger } = options;
  const no = (refusal: HttpRefusal) => refuse(logger, req, res, refusal);
  if (!accepting) {
    no({ status: 503, reason: "shutting-down", headers: { connection: "close" } });
    return;
  }
  if (pathOf(req.url) !== PATH) {
    no({ status: 404, reason: "not-found" });
    return;
  }
  if (req.method !== "POST") {
    no({ status: 405, reason: "method-not-allowed", headers: { allow: "POST" } });
    return;
  }
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
    tooLarge(logger, req, res);
    return;
  }
  const signed = {
    signature: header(req, "x-signature-ed25519"),
    timestamp: header(req, "x-signature-timestamp"),
  };
  const wrongHeaders = verifier.checkHeaders(signed);
  if (wrongHeaders) {
    no({ status: 401, reason: wrongHeaders });
    return;
  }
  const body = await readLimited(req, MAX_BODY_BYTES);
  if (body === null) {
    tooLarge(logger, req, res);
    return;
  }
  if (!verifier.verify(signed, body)) {
    no({ status: 401, reason: "bad-signature" });
    return;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString("utf8"));
  } catch {
    no({ status: 400, reason: "malformed-json" });
    return;
  }
  if (isPing(payload)) {
    write(res, { status: 200, json: { type: 1 } });
    return;
  }
  if (!isInteractionPayload(payload)) {
    no({ status: 400, reason: "not-an-interaction" });
    return;
  }
  const fresh = options.replays.firstTime(payload.id, Number(signed.timestamp) * 1000);
  if (fresh === false) {
    no({ status: 401, reason: "replayed" });
    return;
  }
  // The shared verdict, when there is one, is awaited by the answer itself, in parallel.
  write(res, await options.answer(payload, fresh === true ? null : fresh));
}

export async function startInteractionsServer(
  options: InteractionsServerOptions,
): Promise<InteractionsServer> {
  const { logger } = options;
  const timeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  let accepting = true;
  const running = new Set<Promise<void>>();

  const server: Server = createServer(requestTimeouts(timeout), (req, res) => {
    const task = serveRequest(req, res, options, accepting).catch((error: unknown) => {
      // A client gone mid-request, mostly: nothing to answer, nothing the bot did wrong.
      logger.debug({ err: error }, "interactions request abandoned");
      if (!res.headersSent) {
        refuse(logger, req, res, { status: 400, reason: "incomplete-request" });
      } else res.destroy();
    });
    running.add(task);
    void task.finally(() => running.delete(task));
  });
  const port = await listen(server, options.port, options.host);
  logger.info({ host: options.host, port, path: PATH }, "interactions endpoint listening");

  const closed = new Promise<void>((resolve) => server.once("close", () => resolve()));
  const stopAccepting = () => {
    if (!accepting) return;
    accepting = false;
    server.close();
    server.closeIdleConnections();
  };
  return {
    host: options.host,
    port,
    stopAccepting,
    async close(timeoutMs) {
      stopAccepting();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...running]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
    },
  };
}
