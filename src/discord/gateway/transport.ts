/**
 * The gateway's transport: every response, the first included, is a REST call
 * (POST /interactions/{id}/{token}/callback), as discord.js would make it. The interactions
 * endpoint has its own (http/responder.ts): there the first response is the body of the HTTP answer.
 */
import { API } from "@discordjs/core/http-only";
import type { REST } from "@discordjs/rest";
import { Routes } from "discord-api-types/v10";
import type { Transport } from "../interaction/interaction.ts";

export function restTransport(rest: REST): Transport {
  return {
    api: new API(rest),
    async callback(interaction, body) {
      await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body,
        auth: false,
      });
    },
  };
}
