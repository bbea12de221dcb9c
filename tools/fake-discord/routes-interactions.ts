/** Interaction callbacks and the interaction webhook (@original edits, follow-ups). */

import { error, type Reply, type Route, type RouteContext } from "./rest.ts";
import {
  createMessage,
  EPHEMERAL,
  editMessage,
  LOADING,
  SENDABLE_FLAGS,
  unknownMessage,
} from "./routes-messages.ts";
import type { Json } from "./types.ts";
import { checkMessageBody, invalidForm } from "./validate.ts";
import type { InteractionState } from "./world.ts";

const ok = (body: unknown, status = 200): Reply => ({ status, body });
const ID = "(\\d+)";
const unknownWebhook = error(404, 10015, "Unknown Webhook");

function reply(ctx: RouteContext, state: InteractionState, body: Json, loading: boolean): Json {
  const data = (body.data ?? {}) as Json;
  return createMessage(ctx, state.channelId, loading ? { flags: data.flags } : data, {
    type: state.messageType,
    flagsAllowed: SENDABLE_FLAGS | EPHEMERAL,
    extraFlags: loading ? LOADING : 0,
    webhookId: ctx.world.applicationId,
    interactionMetadata: {
      id: state.id,
      type: state.type,
      user: state.user,
      authorizing_integration_owners: state.guildId
        ? { "0": state.guildId }
        : { "1": state.user.id },
    },
  });
}

type Outcome = { rejected: Reply } | { original: Json | null };

const rejected = (r: Reply | null): Outcome | null => (r ? { rejected: r } : null);

/** Handles callback types 1 and 4–9: either a rejection or the message @original now designates. */
function acknowledge(ctx: RouteContext, state: InteractionState, body: Json): Outcome {
  const data = (body.data ?? {}) as Json;
  const wrongType = {
    rejected: error(
      400,
      40001,
      `Callback type ${String(body.type)} is invalid for this interaction`,
    ),
  };
  switch (body.type) {
    case 1:
      return state.type === 1 ? { original: null } : wrongType;
    case 4:
      return (
        rejected(checkMessageBody(data, true, ctx.files.length)) ?? {
          original: reply(ctx, state, body, false),
        }
      );
    case 5:
      return { original: reply(ctx, state, body, true) };
    case 6:
    case 7: {
      const msg = state.componentMessageId
        ? ctx.world.messages.get(state.componentMessageId)
        : undefined;
      // Components, and modals opened from a component, sit on a message they may update.
      if ((state.type !== 3 && state.type !== 5) || !msg) return wrongType;
      if (body.type === 6) return { original: msg };
      return (
        rejected(checkMessageBody(data, false, ctx.files.length)) ?? {
          original: editMessage(ctx, msg, data),
        }
      );
    }
    case 8: {
      const choices = (data.choices as Json[] | undefined) ?? [];
      if (state.type !== 4) return wrongType;
      if (choices.length > 25)
        return { rejected: invalidForm(["data.choices: Must be 25 or fewer in length."]) };
      state.autocompleteChoices = choices;
      return { original: null };
    }
    case 9:
      if (state.type === 4 || state.type === 5) return wrongType;
      return data.custom_id && data.title
        ? { original: null }
        : { rejected: invalidForm(["data: Modal needs custom_id and title"]) };
    default:
      return { rejected: invalidForm(["type: Value must be one of 1, 4, 5, 6, 7, 8, 9"]) };
  }
}

function callbackRoutes(): Route[] {
  return [
    {
      method: "POST",
      pattern: new RegExp(`^/interactions/${ID}/([^/]+)/callback$`),
      spec: "/interactions/{interaction_id}/{interaction_token}/callback",
      auth: false,
      handle: (ctx) => {
        const { world } = ctx;
        const state = world.interactions.get(ctx.params[0] ?? "");
        const unknown = error(404, 10062, "Unknown interaction");
        if (!state || state.token !== ctx.params[1]) return unknown;
        const late =
          world.interactionDeadlineMs > 0 &&
          state.deliveredAt !== null &&
          Date.now() - state.deliveredAt > world.interactionDeadlineMs;
        if (late && state.callbackType === null) return unknown;
        if (state.callbackType !== null) {
          return error(400, 40060, "Interaction has already been acknowledged.");
        }
        const body = (ctx.body ?? {}) as Json;
        const outcome = acknowledge(ctx, state, body);
        if ("rejected" in outcome) return outcome.rejected;
        const message = outcome.original;
        state.callbackType = body.type as number;
        state.originalId = message ? (message.id as string) : null;
        if (ctx.query.with_response !== "true") return { status: 204 };
        const flags = Number(message?.flags ?? 0);
        return ok({
          interaction: {
            id: state.id,
            type: state.type,
            ...(message
              ? {
                  response_message_id: message.id,
                  response_message_loading: Boolean(flags & LOADING),
                  response_message_ephemeral: Boolean(flags & EPHEMERAL),
                }
              : {}),
          },
          resource: { type: body.type, ...(message ? { message } : {}) },
        });
      },
    },
  ];
}

function webhookRoutes(): Route[] {
  const base = `^/webhooks/${ID}/([^/]+)`;
  /** Interaction webhooks only exist once the interaction has been acknowledged. */
  const stateOf = (ctx: RouteContext): InteractionState | undefined => {
    if (ctx.params[0] !== ctx.world.applicationId) return undefined;
    const state = ctx.world.interactionByToken(ctx.params[1] ?? "");
    return state?.callbackType === null ? undefined : state;
  };
  const target = (ctx: RouteContext, state: InteractionState): Json | undefined => {
    const which = ctx.params[2];
    const id = which === "@original" ? state.originalId : which;
    const mine =
      id !== null &&
      id !== undefined &&
      (id === state.originalId || state.followupIds.includes(id));
    return mine ? ctx.world.messages.get(id) : undefined;
  };
  return [
    {
      method: "POST",
      pattern: new RegExp(`${base}$`),
      spec: "/webhooks/{webhook_id}/{webhook_token}",
      auth: false,
      handle: (ctx) => {
        const state = stateOf(ctx);
        if (!state) return unknownWebhook;
        const body = (ctx.body ?? {}) as Json;
        const invalid = checkMessageBody(body, true, ctx.files.length);
        if (invalid) return invalid;
        const msg = reply(ctx, state, { data: body }, false);
        state.followupIds.push(msg.id as string);
        return ok(msg);
      },
    },
    // Discord's spec lists @original as a path of its own; both take the same bodies.
    ...(["{message_id}", "@original"] as const).flatMap((which): Route[] => {
      const one = new RegExp(`${base}/messages/${which === "@original" ? "(@original)" : ID}$`);
      const spec = `/webhooks/{webhook_id}/{webhook_token}/messages/${which}`;
      return [
        {
          method: "GET",
          pattern: one,
          spec,
          auth: false,
          handle: (ctx) => {
            const state = stateOf(ctx);
            if (!state) return unknownWebhook;
            const msg = target(ctx, state);
            return msg ? ok(msg) : unknownMessage;
          },
        },
        {
          method: "PATCH",
          pattern: one,
          spec,
          auth: false,
          handle: (ctx) => {
            const state = stateOf(ctx);
            if (!state) return unknownWebhook;
            const msg = target(ctx, state);
            if (!msg) return unknownMessage;
            const body = (ctx.body ?? {}) as Json;
            return (
              checkMessageBody(body, false, ctx.files.length) ?? ok(editMessage(ctx, msg, body))
            );
          },
        },
        {
          method: "DELETE",
          pattern: one,
          spec,
          auth: false,
          handle: (ctx) => {
            const state = stateOf(ctx);
            if (!state) return unknownWebhook;
            const msg = target(ctx, state);
            if (!msg) return unknownMessage;
            ctx.world.messages.delete(msg.id as string);
            return { status: 204 };
          },
        },
      ];
    }),
  ];
}

export function interactionRoutes(): Route[] {
  return [...callbackRoutes(), ...webhookRoutes()];
}
