/** The REST half: records every request, applies injected faults, then routes. */

import type { IncomingMessage, ServerResponse } from "node:http";
import { apiPath, flatHeaders, parseBody, readBody } from "./http.ts";
import { noteRefusal } from "./refusals.ts";
import { checkAgainstSpec } from "./spec.ts";
import type { Json, RecordedFile, RecordedRequest } from "./types.ts";
import { invalidForm } from "./validate.ts";
import type { World } from "./world.ts";

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteContext {
  world: World;
  params: string[];
  query: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
  /** The gateway URL the server advertises; only known once listening. */
  gatewayUrl: string;
  /** Lets routes echo the bot's own messages back over the gateway, as Discord does. */
  emitMessageCreate(msg: Json): void;
}

export interface Route {
  method: string;
  pattern: RegExp;
  /** The operation's path in Discord's OpenAPI description; its request body is checked against it. */
  spec: string;
  /** Interaction callbacks and webhooks authenticate by token in the URL, not the Authorization header. */
  auth: boolean;
  handle(ctx: RouteContext): Reply;
}

export interface FaultMatch {
  method?: string;
  path?: RegExp;
}

interface Fault {
  match: FaultMatch;
  reply: Reply;
  remaining: number;
}

interface Waiter {
  pred: (r: RecordedRequest) => boolean;
  resolve: (r: RecordedRequest) => void;
  reject: (err: Error) => void;
}

export const error = (status: number, code: number, message: string): Reply => ({
  status,
  body: { message, code },
});

/** Discord's 429 always carries these; filling them lets a test write failNext(…, { status: 429 }). */
function completeRateLimit(reply: Reply): Reply {
  if (reply.status !== 429) return reply;
  const headers = { ...reply.headers };
  const retryAfter = headers["retry-after"] ?? "0.05";
  headers["retry-after"] = retryAfter;
  headers["x-ratelimit-scope"] ??= "user";
  const body = reply.body ?? {
    message: "You are being rate limited.",
    retry_after: Number(retryAfter),
    global: false,
  };
  return { status: 429, body, headers };
}

export class RestServer {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: Fault[] = [];
  private readonly waiters = new Set<Waiter>();
  gatewayUrl = "";

  constructor(
    private readonly world: World,
    private readonly routes: Route[],
    private readonly emitMessageCreate: (msg: Json) => void,
  ) {}

  failNext(match: FaultMatch, reply: Reply, times = 1): void {
    this.faults.push({ match, reply: completeRateLimit(reply), remaining: times });
  }

  waitForRequest(
    pred: (r: RecordedRequest) => boolean,
    timeoutMs = 10_000,
  ): Promise<RecordedRequest> {
    const past = this.requests.find(pred);
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        pred,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.requests.map((r) => `${r.method} ${r.path} → ${r.status}`).slice(-10);
        reject(
          new Error(
            `fake-discord: no matching request in ${timeoutMs} ms; last: ${seen.join("; ")}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const headers = flatHeaders(req);
    const { body, files } = await parseBody(await readBody(req), headers["content-type"]);
    const reply = await this.accept({
      method: (req.method ?? "GET").toUpperCase(),
      path: apiPath(url.pathname),
      query: Object.fromEntries(url.searchParams),
      body,
      files,
      headers,
    });
    res.writeHead(reply.status, {
      ...(reply.body === undefined ? {} : { "content-type": "application/json" }),
      ...reply.headers,
    });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  }

  /**
   * Records, applies faults and routes one request. Also how an interaction's HTTP answer is
   * taken (as its callback, `via: "http"`), so it is checked and recorded like a REST callback.
   */
  async accept(
    request: Pick<RecordedRequest, "method" | "path" | "query" | "body" | "files" | "headers"> & {
      via?: "http";
    },
  ): Promise<Reply> {
    const at = Date.now();
    const answering = request.via ? undefined : this.world.pendingAnswer(request.path);
    if (answering) await answering;
    const record: RecordedRequest = {
      ...request,
      at,
      status: 0,
      response: undefined,
      injected: false,
    };
    const fault = request.via ? null : this.takeFault(record);
    const reply = fault ?? this.route(record);
    record.status = reply.status;
    record.response = reply.body;
    record.injected = fault !== null;
    this.push(record);
    return reply;
  }

  /** Fails pending waits so a test blocked on a request ends when the fake closes. */
  dispose(): void {
    for (const w of this.waiters)
      w.reject(new Error("fake-discord: closed while waiting for a request"));
    this.waiters.clear();
  }

  private takeFault(r: RecordedRequest): Reply | null {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (!f.match.method || f.match.method.toUpperCase() === r.method) &&
        (!f.match.path || f.match.path.test(r.path)),
    );
    if (!fault) return null;
    fault.remaining--;
    if (fault.remaining === 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault.reply;
  }

  private route(r: RecordedRequest): Reply {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(r.path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== r.method) continue;
      if (route.auth && r.headers.authorization !== `Bot ${this.world.token}`) {
        return error(401, 0, "401: Unauthorized");
      }
      const refused = checkAgainstSpec(r.method, route.spec, r.body);
      if (refused.length > 0) {
        r.schemaProblems = refused;
        noteRefusal(this, r);
        return invalidForm(refused, "SCHEMA_INVALID");
      }
      try {
        return route.handle({
          world: this.world,
          params: m.slice(1).map((p) => p ?? ""),
          query: r.query,
          body: r.body,
          files: r.files,
          gatewayUrl: this.gatewayUrl,
          emitMessageCreate: this.emitMessageCreate,
        });
      } catch (err) {
        // A bug in the fake, not a Discord answer: make it loud in the test output.
        console.error("fake-discord route failed", r.method, r.path, err);
        return error(500, 0, `fake-discord: ${String(err)}`);
      }
    }
    return pathMatched ? error(405, 0, "405: Method Not Allowed") : error(404, 0, "404: Not Found");
  }

  private push(r: RecordedRequest): void {
    this.requests.push(r);
    for (const w of this.waiters) {
      if (w.pred(r)) {
        this.waiters.delete(w);
        w.resolve(r);
      }
    }
  }
}
