/**
 * Answers interactions that arrived over HTTP with the very handlers of the gateway path.
 *
 * discord.js has no HTTP-interactions support (discord.js #7231), but everything it needs is there:
 * a `Client` that never logs in builds the same interaction objects from the raw payload (through
 * its `InteractionCreate` action, what its gateway handler calls), and every answer the handlers
 * give goes out through `client.rest`. This adapter plugs into REST's `makeRequest` option: the
 * *initial* response (POST /interactions/{id}/{token}/callback: a reply, a deferral, an update,
 * autocomplete choices) becomes the body of the HTTP response Discord is waiting for, and REST is
 * told 204 once it is on the wire, as Discord would say; everything after it (follow-ups, edits of
 * @original after a deferral) goes to Discord over REST as usual. So `interaction.reply()`,
 * `deferReply()`, `editReply()`, `respond()`… behave the same over both transports, payloads
 * (allowed_mentions included) are built by the same code, and no handler knows which one it serves.
 */
import {
  type Client,
  DefaultRestOptions,
  Events,
  type Interaction,
  type RESTOptions,
} from "discord.js";
import type { DiscordConfig } from "../../config.ts";
import { createClient } from "../gateway/client.ts";
import { handleInteraction } from "../handlers/interactions.ts";
import type { BotContext } from "../platform/context.ts";
import { DiscordCode } from "../platform/errors.ts";
import type { InFlight } from "../platform/inflight.ts";
import { logRestFailures } from "../platform/rest-log.ts";
import type { HttpReply, InteractionPayload } from "./server.ts";

/** Discord waits this long for the HTTP answer; then nobody is listening any more. */
export const ANSWER_TIMEOUT_MS = 3000;

const CALLBACK = /\/interactions\/(\d+)\/([^/]+)\/callback$/;

type MakeRequest = RESTOptions["makeRequest"];

/** One interaction waiting for its HTTP answer. */
interface Exchange {
  token: string;
  /** A handler took it (discord.js built an interaction from the payload). */
  started: boolean;
  /** The first call answers the HTTP request; later ones do nothing. */
  settle(reply: HttpReply): void;
}

export interface Responder {
  /** The client that never logs in; its REST carries the token (registration, follow-ups). */
  client: Client;
  answer(interaction: InteractionPayload): Promise<HttpReply>;
}

/** The part of discord.js's internals used: the action its gateway handler runs. */
interface InteractionAction {
  handle(data: unknown): void;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** The callback's body as the HTTP answer: JSON, or multipart when files are attached. */
async function replyBody(body: unknown): Promise<Pick<HttpReply, "raw">> {
  if (typeof body === "string") {
    return { raw: { data: Buffer.from(body), contentType: "application/json" } };
  }
  const encoded = new Response(body as FormData);
  return {
    raw: {
      data: Buffer.from(await encoded.arrayBuffer()),
      contentType: encoded.headers.get("content-type") ?? "multipart/form-data",
    },
  };
}

export function createResponder(
  discord: DiscordConfig,
  ctx: BotContext,
  inflight: InFlight,
): Responder {
  const { logger } = ctx;
  const exchanges = new Map<string, Exchange>();

  const makeRequest: MakeRequest = async (url, init) => {
    const match = CALLBACK.exec(new URL(url).pathname);
    const exchange = match ? exchanges.get(match[1] ?? "") : undefined;
    if (!match || !exchange || exchange.token !== match[2]) {
      return DefaultRestOptions.makeRequest(url, init);
    }
    // Taken once: a second initial response goes to Discord, which refuses it as it should.
    exchanges.delete(match[1] ?? "");
    const body = await replyBody(init.body);
    const sent = await new Promise<boolean>((resolve) => {
      exchange.settle({ status: 200, ...body, sent: resolve });
    });
    // Discord gone before the answer was written: to the handler, the interaction expired.
    return sent
      ? new Response(null, { status: 204 })
      : json(404, { message: "Unknown interaction", code: DiscordCode.UnknownInteraction });
  };

  const client = createClient(discord, {
    rest: { ...(discord.apiUrl && { api: discord.apiUrl }), makeRequest },
  });
  client.rest.setToken(discord.token);
  logRestFailures(client, logger);
  const action = (client as unknown as { actions: { InteractionCreate: InteractionAction } })
    .actions.InteractionCreate;

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const exchange = exchanges.get(interaction.id);
    if (exchange) exchange.started = true;
    inflight.run(
      () =>
        handleInteraction(interaction, ctx).finally(() =>
          exchange?.settle({ status: 500, json: { error: "no answer" } }),
        ),
      (error: unknown) => logger.error({ err: error }, "interaction listener failed"),
    );
  });

  return {
    client,
    async answer(payload) {
      let settle: (reply: HttpReply) => void = () => {};
      const replied = new Promise<HttpReply>((resolve) => {
        settle = resolve;
      });
      let settled = false;
      const exchange: Exchange = {
        token: payload.token,
        started: false,
        settle(reply) {
          if (settled) return;
          settled = true;
          exchanges.delete(payload.id);
          settle(reply);
        },
      };
      exchanges.set(payload.id, exchange);
      const timer = setTimeout(
        () => exchange.settle({ status: 503, json: { error: "no answer in time" } }),
        ANSWER_TIMEOUT_MS,
      );
      try {
        action.handle(payload);
      } catch (error) {
        // Signed by Discord yet not shaped as discord.js expects: nothing a handler could answer.
        logger.warn({ err: error, type: payload.type }, "interaction payload not understood");
        exchange.settle({ status: 400, json: { error: "malformed interaction" } });
      }
      // A type discord.js does not build (it only emits a debug line): nothing will answer it.
      if (!exchange.started) {
        logger.info({ type: payload.type }, "interaction type not handled");
        exchange.settle({ status: 400, json: { error: "unsupported interaction type" } });
      }
      const reply = await replied;
      clearTimeout(timer);
      if (reply.status >= 500) {
        logger.warn(
          { interactionId: payload.id, status: reply.status },
          "interaction left without an answer",
        );
      }
      return reply;
    },
  };
}
