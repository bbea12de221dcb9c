/**
 * Answers interactions that arrived over HTTP with the very handlers of the gateway path.
 *
 * discord.js has no HTTP-interactions support (discord.js #7231), and none is needed: handlers see
 * an `Interaction` read from Discord's payload (interaction/interaction.ts), the same object the
 * gateway path builds, and answer through a transport. Here the transport's first response (a
 * reply, a deferral, an update, autocomplete choices) becomes the body of the HTTP answer Discord is
 * waiting for; everything after it (follow-ups, edits of @original after a deferral) goes to Discord
 * over REST with @discordjs/core's API. So `reply`, `deferReply`, `editReply`, `respond`… behave the
 * same over both transports and no handler knows which one it serves. A first response is always
 * JSON: no handler attaches files (an attachment would need a multipart HTTP answer).
 */
import { API } from "@discordjs/core/http-only";
import { DiscordAPIError, type REST } from "@discordjs/rest";
import { Routes } from "discord-api-types/v10";
import { handleInteraction } from "../handlers/interactions.ts";
import type { BotContext } from "../interaction/context.ts";
import type { InFlight } from "../interaction/inflight.ts";
import type { InteractionPayload } from "../interaction/interaction.ts";
import { Interaction, type Transport } from "../interaction/interaction.ts";
import { DiscordCode } from "../rest/discord-errors.ts";
import type { HttpReply } from "./server.ts";

/** Discord waits this long for the HTTP answer; then nobody is listening any more. */
export const ANSWER_TIMEOUT_MS = 3000;

/** One interaction waiting for its HTTP answer. */
interface Exchange {
  token: string;
  /** Whether its id is new to every replica, when that is still being asked (replays.ts). */
  fresh: Promise<boolean> | null;
  /** The first call answers the HTTP request; later ones do nothing. */
  settle(reply: HttpReply): void;
}

export interface Responder {
  answer(interaction: InteractionPayload, fresh: Promise<boolean> | null): Promise<HttpReply>;
}

const JSON_TYPE = "application/json";

/** What a handler sees when its interaction can no longer be answered: Discord's 10062. */
function goneError(
  interaction: { id: string; token: string },
  body: unknown,
  message: string,
): DiscordAPIError {
  const code = DiscordCode.UnknownInteraction;
  const route = Routes.interactionCallback(interaction.id, interaction.token);
  return new DiscordAPIError({ message, code }, code, 404, "POST", route, { body });
}

export function createResponder(rest: REST, ctx: BotContext, inflight: InFlight): Responder {
  const { logger } = ctx;
  const exchanges = new Map<string, Exchange>();

  /** Whether the answer reached Discord's connection (false: it was gone before the write). */
  const deliver = (exchange: Exchange, body: unknown) =>
    new Promise<boolean>((resolve) => {
      const data = Buffer.from(JSON.stringify(body));
      exchange.settle({ status: 200, raw: { data, contentType: JSON_TYPE }, sent: resolve });
    });

  const transport: Transport = {
    api: new API(rest),
    async callback(interaction, body) {
      const exchange = exchanges.get(interaction.id);
      if (!exchange || exchange.token !== interaction.token) {
        // The HTTP answer is gone (sent, or timed out): this goes to Discord, which refuses a
        // second first response as it should.
        await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
          body,
          auth: false,
        });
        return;
      }
      exchanges.delete(interaction.id);
      if (exchange.fresh && !(await exchange.fresh)) {
        // Another replica answered this id already: the replay gets 401, and the handler stops
        // here, before any follow-up could reach Discord with the interaction's token.
        logger.info({ status: 401, reason: "replayed" }, "interactions request refused");
        exchange.settle({ status: 401, json: { error: "replayed" } });
        throw goneError(interaction, body, "Replayed interaction");
      }
      if (await deliver(exchange, body)) return;
      // Discord hung up before the answer was written: to the handler, the interaction expired.
      throw goneError(interaction, body, "Unknown interaction");
    },
  };

  return {
    async answer(payload, fresh) {
      let settle: (reply: HttpReply) => void = () => {};
      const replied = new Promise<HttpReply>((resolve) => {
        settle = resolve;
      });
      let settled = false;
      const exchange: Exchange = {
        token: payload.token,
        fresh,
        settle(reply) {
          if (settled) return;
          settled = true;
          exchanges.delete(payload.id);
          settle(reply);
        },
      };
      let interaction: Interaction;
      try {
        interaction = new Interaction(payload, transport);
      } catch (error) {
        // Signed by Discord yet not readable as an interaction: nothing a handler could answer.
        logger.warn({ err: error, type: payload.type }, "interaction payload not understood");
        return { status: 400, json: { error: "malformed interaction" } };
      }
      // A kind no handler answers (a modal, an unknown type): nothing would ever reply.
      if (interaction.kind === "other") {
        logger.info({ type: payload.type }, "interaction type not handled");
        return { status: 400, json: { error: "unsupported interaction type" } };
      }
      exchanges.set(payload.id, exchange);
      const timer = setTimeout(
        () => exchange.settle({ status: 503, json: { error: "no answer in time" } }),
        ANSWER_TIMEOUT_MS,
      );
      inflight.run(
        () =>
          handleInteraction(interaction, ctx).finally(() =>
            exchange.settle({ status: 500, json: { error: "no answer" } }),
          ),
        (error: unknown) => logger.error({ err: error }, "interaction listener failed"),
      );
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
