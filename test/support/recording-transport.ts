/**
 * A `Transport` (src/discord/interaction/interaction.ts) that sends nothing and records everything:
 * the first response (`callback`) and what comes after it over REST (edits of @original,
 * follow-ups, deletions, reads of a message). Only the `api` methods the handlers call are stubbed;
 * any other one throws, naming itself. Every body is checked as the loopback Discord checks it:
 * against Discord's OpenAPI schema (tools/fake-discord/spec.ts) and the limits Discord enforces
 * beyond it (validate.ts); a refusal fails the test during which it was sent
 * (test/support/schema-refusals.ts), even when the handler carries on.
 *
 * The raw payloads come from the loopback Discord's own builders (tools/fake-discord/interactions.ts)
 * on a `World` that no server serves: the INTERACTION_CREATE shapes the end-to-end tests send,
 * with no socket opened.
 */
import type { API } from "@discordjs/core/http-only";
import { DiscordAPIError } from "@discordjs/rest";
import {
  Interaction,
  type InteractionPayload,
  isInteractionPayload,
  type Transport,
} from "../../src/discord/interaction/interaction.ts";
import * as build from "../../tools/fake-discord/interactions.ts";
import { messageFromSpec, messagePayload } from "../../tools/fake-discord/payloads.ts";
import { noteRefusal } from "../../tools/fake-discord/refusals.ts";
import { checkAgainstSpec } from "../../tools/fake-discord/spec.ts";
import type {
  InteractionExtra,
  InteractionSpec,
  Json,
  MessageSpec,
  OptionValues,
} from "../../tools/fake-discord/types.ts";
import { checkMessageBody } from "../../tools/fake-discord/validate.ts";
import { World } from "../../tools/fake-discord/world.ts";

export type SentKind = "callback" | "edit" | "followUp" | "delete" | "fetch";

export interface Sent {
  kind: SentKind;
  /** The body as it would go to Discord; for "fetch", the message asked for. */
  body?: unknown;
}

/** Where each kind of request goes at Discord, as the spec names the operation. */
const ROUTES = {
  callback: { method: "POST", path: "/interactions/{interaction_id}/{interaction_token}/callback" },
  followUp: { method: "POST", path: "/webhooks/{webhook_id}/{webhook_token}" },
  edit: { method: "PATCH", path: "/webhooks/{webhook_id}/{webhook_token}/messages/@original" },
} as const;

/** The problems of a refused message body, one "where: why" line each. */
function limitProblems(body: unknown, creating: boolean): string[] {
  const refused = checkMessageBody(body, creating, 0);
  if (!refused) return [];
  const errors = refused.body.errors as Record<string, { _errors: { message: string }[] }>;
  if (!errors) return [`body: ${String(refused.body.message)}`];
  return Object.entries(errors).flatMap(([where, e]) =>
    e._errors.map((x) => `${where}: ${x.message}`),
  );
}

/** The message a callback carries: a reply (4) creates one, an update (7) edits one. */
function callbackMessage(body: unknown): { data: unknown; creating: boolean } | null {
  const { type, data } = (body ?? {}) as { type?: unknown; data?: unknown };
  if (type === 4) return { data, creating: true };
  return type === 7 ? { data, creating: false } : null;
}

/** One world for every payload: the loopback's default guild, channel and user. */
export const world = new World({});

export class Recorder {
  readonly sent: Sent[] = [];
  readonly transport: Transport;
  private readonly refusals = new Map<SentKind, number>();

  constructor() {
    const api = this.stub("api", {
      interactions: this.stub("api.interactions", {
        editReply: (_app: string, _token: string, body: unknown) => this.take("edit", body),
        followUp: (_app: string, _token: string, body: unknown) => this.take("followUp", body),
        deleteReply: () => this.take("delete"),
      }),
      channels: this.stub("api.channels", {
        getMessage: async (_channel: string, id: string) => {
          await this.take("fetch", id);
          const message = world.messages.get(id);
          if (!message) throw this.discordError(10008, "Unknown Message", "GET");
          return message;
        },
      }),
    });
    this.transport = {
      api: api as unknown as API,
      callback: async (_interaction, body) => this.take("callback", body),
    };
  }

  /** The next `kind` request fails as Discord would fail it, with JSON error `code`. */
  refuseNext(kind: Exclude<SentKind, "fetch">, code: number): void {
    this.refusals.set(kind, code);
  }

  /** The interaction a handler would get for `payload`, answering through this recorder. */
  interaction(payload: InteractionSpec | Json): Interaction {
    if (!isInteractionPayload(payload)) throw new Error("not an interaction payload");
    return new Interaction(payload as InteractionPayload, this.transport);
  }

  /** The bodies sent as `kind`, in order. */
  bodies(kind: SentKind): Json[] {
    return this.sent.filter((s) => s.kind === kind).map((s) => (s.body ?? {}) as Json);
  }

  private async take(kind: SentKind, body?: unknown): Promise<void> {
    const code = this.refusals.get(kind);
    if (code !== undefined) {
      this.refusals.delete(kind);
      throw this.discordError(code, "Refused by the test", kind === "edit" ? "PATCH" : "POST");
    }
    this.check(kind, body);
    this.sent.push(body === undefined ? { kind } : { kind, body });
  }

  /** Checks `body` as Discord would; a refusal is noted, and fails the running test. */
  private check(kind: SentKind, body: unknown): void {
    if (kind !== "callback" && kind !== "followUp" && kind !== "edit") return;
    const { method, path } = ROUTES[kind];
    const message =
      kind === "callback" ? callbackMessage(body) : { data: body, creating: kind === "followUp" };
    const schemaProblems = [
      ...checkAgainstSpec(method, path, body),
      ...(message ? limitProblems(message.data, message.creating) : []),
    ];
    if (schemaProblems.length === 0) return;
    noteRefusal(this, {
      ...{ method, path, body, query: {}, files: [], headers: {}, at: Date.now() },
      ...{ status: 400, response: null, injected: false, schemaProblems },
    });
  }

  private discordError(code: number, message: string, method: string): DiscordAPIError {
    return new DiscordAPIError({ code, message }, code, 400, method, "/recorded", { body: {} });
  }

  /** `methods`, and a clear failure for any other method a handler reaches for. */
  private stub<T extends object>(name: string, methods: T): T {
    return new Proxy(methods, {
      get(target, key, receiver) {
        if (typeof key === "symbol" || key in target) return Reflect.get(target, key, receiver);
        throw new Error(`recording transport: ${name}.${key} is not stubbed`);
      },
    });
  }
}

/** A slash command as Discord sends it; `options` as values, or as raw options (subcommands). */
export function slash(
  name: string,
  options?: OptionValues | Json[],
  extra: InteractionExtra = {},
): InteractionSpec {
  return build.chatInput(world, name, options, { ...extra, type: 2 });
}

/** An autocomplete request: the last option (or `focused`) is the one being typed. */
export function autocomplete(
  name: string,
  options: OptionValues,
  extra: InteractionExtra & { focused?: string } = {},
): InteractionSpec {
  return build.chatInput(world, name, options, { ...extra, type: 4 });
}

/** A button on a message of the bot's: `extra.messageId` (see `botMessage`), or a fresh public one. */
export function button(customId: string, extra: InteractionExtra = {}): InteractionSpec {
  return build.button(world, customId, extra);
}

export function select(
  customId: string,
  values: string[],
  extra: InteractionExtra = {},
): InteractionSpec {
  return build.selectMenu(world, customId, values, extra);
}

/** A message command used on `target`: a message Discord includes in the payload. */
export function messageCommand(
  name: string,
  target: MessageSpec | { id: string },
  extra: InteractionExtra = {},
): InteractionSpec {
  return build.messageContextMenu(world, name, target, extra);
}

/**
 * Stores `sent` (a reply's data: content, embeds, components, flags) as the message Discord made
 * of it, by the bot: a component clicked on it, or a reply to it, refers to it by the id returned.
 */
export function botMessage(sent: Json): string {
  const message = messagePayload(world, {
    channelId: world.defaultChannelId(),
    author: world.botUser,
    content: typeof sent.content === "string" ? sent.content : "",
    embeds: (sent.embeds ?? []) as Json[],
    components: (sent.components ?? []) as Json[],
    flags: Number(sent.flags ?? 0),
  });
  world.messages.set(message.id as string, message);
  return message.id as string;
}

/** Stores a user's message (a reply, a citation) as Discord holds it; returns its id. */
export function userMessage(spec: MessageSpec): string {
  return messageFromSpec(world, spec).id as string;
}
