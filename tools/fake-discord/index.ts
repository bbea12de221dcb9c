/**
 * A loopback stand-in for Discord (REST + gateway) that the real discord.js client talks to in
 * end-to-end tests. Start one per test, point the client at `apiUrl`, and drive it with
 * sendInteraction / sendMessage; everything the bot sends back is recorded for assertions.
 */

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ClientOptions } from "discord.js";
import { type HttpDelivery, type SigningKeys, type SignOptions, signedPost } from "./endpoint.ts";
import { Gateway } from "./gateway.ts";
import { parseBody } from "./http.ts";
import * as build from "./interactions.ts";
import { channelPayload, messageFromSpec, rolePayloads } from "./payloads.ts";
import { takeRefusals } from "./refusals.ts";
import { error, type FaultMatch, RestServer, type Route } from "./rest.ts";
import { coreRoutes } from "./routes-core.ts";
import { interactionRoutes } from "./routes-interactions.ts";
import { channelMessageRoutes } from "./routes-messages.ts";
import type {
  FakeDiscordOptions,
  IdentifyRecord,
  InteractionExtra,
  InteractionSpec,
  Json,
  MessageSpec,
  OptionValues,
  RecordedRequest,
  ResumeRecord,
} from "./types.ts";
import { type InteractionState, World } from "./world.ts";

export type { HttpDelivery, SignOptions } from "./endpoint.ts";
export { guildIdOnShard, shardOf } from "./ids.ts";
export type * from "./types.ts";
export { DEFAULT_CHANNEL_ID, DEFAULT_GUILD_ID, DEFAULT_USER } from "./world.ts";

const DELIVERY_TIMEOUT_MS = 15_000;

export class FakeDiscord {
  /** Pass as `rest: { api }`; discord.js appends /v10 itself. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  /** The application's public key (DISCORD_PUBLIC_KEY), 64 hex characters; fresh per fake. */
  readonly publicKey: string;
  private endpointUrl: string | null = null;

  constructor(
    private readonly world: World,
    private readonly rest: RestServer,
    private readonly gateway: Gateway,
    private readonly server: ReturnType<typeof createServer>,
    port: number,
  ) {
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.token = world.token;
    this.applicationId = world.applicationId;
    this.botUserId = world.applicationId;
    this.publicKey = world.keys.publicKeyHex;
  }

  /** Every REST request, in arrival order, with what the fake answered. */
  get requests(): RecordedRequest[] {
    return this.rest.requests;
  }

  get identifies(): IdentifyRecord[] {
    return this.gateway.identifies;
  }

  get resumes(): ResumeRecord[] {
    return this.gateway.resumes;
  }

  /**
   * Options for `new Client({ intents, ...fake.clientOptions() })`. Besides the API URL, this
   * drops discord.js's identify throttle, which spaces IDENTIFYs of a shard 5 s apart and would
   * make every re-identify test take over 5 s; nothing else about the client is changed.
   */
  clientOptions(): Pick<ClientOptions, "rest" | "ws"> {
    return {
      rest: { api: this.apiUrl },
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
    };
  }

  waitForRequest(
    pred: (r: RecordedRequest) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedRequest> {
    return this.rest.waitForRequest(pred, timeoutMs);
  }

  /**
   * Requests Discord's OpenAPI schema refused, taken out of the list that fails the running test
   * (test/support/schema-refusals.ts): call it in a test that sends such a payload on purpose.
   */
  takeSchemaRefusals(): RecordedRequest[] {
    return takeRefusals(this.rest);
  }

  connections(): number {
    return this.gateway.openConnections();
  }

  /** The application's key pair, to sign requests by hand (a request sent in pieces…). */
  get signingKeys(): SigningKeys {
    return this.world.keys;
  }

  /** The interactions endpoint set with `useInteractionsEndpoint`, or null (gateway delivery). */
  get interactionsEndpoint(): string | null {
    return this.endpointUrl;
  }

  /**
   * Sets the application's Interactions Endpoint URL (http://host:port/interactions): from then on
   * `sendInteraction` signs and POSTs interactions there instead of dispatching them over the
   * gateway, as Discord does once the URL is set in the Developer Portal. null goes back.
   */
  useInteractionsEndpoint(url: string | null): void {
    this.endpointUrl = url;
  }

  /**
   * Delivers an interaction: over the gateway (to the shard owning the guild; resolves once a
   * session got it, with the number of sessions that did), or, with an interactions endpoint set, as a signed POST (resolves once its
   * answer is read and taken as the initial response).
   */
  async sendInteraction(
    i: InteractionSpec,
  ): Promise<{ id: string; token: string; delivered: number }> {
    if (this.endpointUrl !== null) {
      await this.postInteraction(i);
      return { id: i.id, token: i.token, delivered: 1 };
    }
    const state = this.track(i);
    const delivery = this.gateway.dispatch(state.guildId, "INTERACTION_CREATE", () => {
      // Discord's 3 s response window starts when the bot receives the event.
      state.deliveredAt ??= Date.now();
      return i;
    });
    // How many gateway sessions got it: more than one would mean two shards serve one server.
    const delivered = await withTimeout(
      delivery,
      `INTERACTION_CREATE for guild ${state.guildId ?? "(DM)"}`,
    );
    return { id: i.id, token: i.token, delivered };
  }

  /**
   * POSTs an interaction to the endpoint, signed (or mis-signed, with `sign`), and takes a 200
   * answer as its initial response: checked and recorded as a callback `via: "http"`, so
   * `interactionResponses`, follow-ups and edits of @original work as over REST.
   */
  async postInteraction(
    i: InteractionSpec,
    sign: SignOptions = {},
    /** Another endpoint than the application's: one replica behind a load balancer. */
    url: string | null = this.endpointUrl,
  ): Promise<HttpDelivery> {
    if (url === null) throw new Error("fake-discord: no interactions endpoint set");
    const state = this.track(i);
    let answered: () => void = () => {};
    state.answering = new Promise((resolve) => {
      answered = resolve;
    });
    state.deliveredAt = Date.now();
    try {
      const delivery = await signedPost(url, JSON.stringify(i), this.world.keys, sign);
      const type = delivery.headers["content-type"] ?? "";
      if (delivery.status === 200 && /json|multipart/.test(type)) {
        const { body, files } = await parseBody(delivery.raw, type);
        await this.rest.accept({
          method: "POST",
          path: `/interactions/${i.id}/${i.token}/callback`,
          query: {},
          body,
          files,
          headers: { "content-type": type },
          via: "http",
        });
      }
      return delivery;
    } finally {
      state.answering = undefined;
      answered();
    }
  }

  /** POSTs any body (a PING, malformed JSON…) to the endpoint, signed as `sign` says. */
  postSigned(body: string, sign: SignOptions = {}): Promise<HttpDelivery> {
    const url = this.endpointUrl;
    if (url === null) throw new Error("fake-discord: no interactions endpoint set");
    return signedPost(url, body, this.world.keys, sign);
  }

  private track(i: InteractionSpec): InteractionState {
    const data = i.data as Json;
    const message = i.message as Json | undefined;
    const member = i.member as Json | undefined;
    const state: InteractionState = {
      id: i.id,
      token: i.token,
      type: i.type,
      guildId: i.guild_id ?? null,
      channelId: i.channel_id,
      deliveredAt: null,
      callbackType: null,
      originalId: null,
      componentMessageId: message ? String(message.id) : null,
      followupIds: [],
      messageType: i.type === 2 ? (data.type === 1 ? 20 : 23) : 0,
      user: ((member?.user ?? i.user) as Json | undefined) ?? {},
      autocompleteChoices: null,
    };
    this.world.interactions.set(i.id, state);
    return state;
  }

  /** Dispatches MESSAGE_CREATE (queued until the owning shard is connected); respects intents. */
  sendMessage(m: MessageSpec): { id: string } {
    const msg = messageFromSpec(this.world, m);
    void this.gateway.dispatchMessageCreate(msg);
    return { id: msg.id as string };
  }

  /**
   * Deletes a message the fake knows, as its author or a moderator would: REST no longer finds
   * it (10008), replies to it carry `referenced_message: null`, and MESSAGE_DELETE is dispatched.
   */
  deleteMessage(id: string): void {
    const msg = this.world.messages.get(id);
    if (!msg) throw new Error(`fake-discord: unknown message ${id}`);
    this.world.messages.delete(id);
    void this.gateway.dispatchMessageDelete(msg);
  }

  chatInput(
    name: string,
    options?: OptionValues | Json[],
    extra?: InteractionExtra & { focused?: string },
  ): InteractionSpec {
    return build.chatInput(this.world, name, options, extra);
  }

  button(customId: string, extra?: InteractionExtra): InteractionSpec {
    return build.button(this.world, customId, extra);
  }

  selectMenu(customId: string, values: string[], extra?: InteractionExtra): InteractionSpec {
    return build.selectMenu(this.world, customId, values, extra);
  }

  messageContextMenu(
    name: string,
    target: MessageSpec | { id: string },
    extra?: InteractionExtra,
  ): InteractionSpec {
    return build.messageContextMenu(this.world, name, target, extra);
  }

  /**
   * Answers the next `times` matching requests with `response` instead of routing them, e.g.
   * { status: 429, headers: { "retry-after": "0.1" } }, { status: 500 },
   * { status: 403, body: { code: 50013, message: "Missing Permissions" } }.
   * `path` is matched against the path without /api/v10.
   */
  failNext(
    match: FaultMatch,
    response: { status: number; body?: unknown; headers?: Record<string, string> },
    times = 1,
  ): void {
    const fallback = error(response.status, 0, `${response.status}: injected by fake-discord`).body;
    const body = response.body ?? (response.status === 429 ? undefined : fallback);
    this.rest.failNext(match, { ...response, body }, times);
  }

  /**
   * From now on the bot's messages in the channel are refused, 403 with `code` (50013 Missing
   * Permissions, or 50001 Missing Access), as in a channel where it may read but not send, until
   * `allowSends`. No event says so, as on Discord: `updateRole` and `updateChannel` send those.
   */
  refuseSends(channelId: string, code: 50013 | 50001 = 50013): void {
    this.world.sendRefusals.set(channelId, code);
  }

  allowSends(channelId: string): void {
    this.world.sendRefusals.delete(channelId);
  }

  /** Dispatches GUILD_ROLE_UPDATE for the server's @everyone role, as a change of its permissions does. */
  updateRole(guildId: string): Promise<number> {
    const guild = this.world.guilds.get(guildId);
    if (!guild) throw new Error(`fake-discord: no guild ${guildId}`);
    const role = rolePayloads(guild)[0];
    return this.gateway.dispatch(guildId, "GUILD_ROLE_UPDATE", () => ({ guild_id: guildId, role }));
  }

  /** Dispatches CHANNEL_UPDATE for a server channel, as a change of its permission overwrites does. */
  updateChannel(channelId: string): Promise<number> {
    const channel = this.world.channels.get(channelId);
    if (!channel?.guildId) throw new Error(`fake-discord: no server channel ${channelId}`);
    return this.gateway.dispatch(channel.guildId, "CHANNEL_UPDATE", () => channelPayload(channel));
  }

  /** Closes every gateway socket with `code`; codes Discord treats as fatal to the session also end it. */
  closeConnections(code: number): void {
    this.gateway.closeConnections(code);
  }

  /** Which privileged intents the application may use from the next IDENTIFY on (a portal switch). */
  setPrivilegedIntents(bits: number): void {
    this.world.privilegedIntents = bits;
  }

  /** Sends op 9 INVALID_SESSION; when not resumable the session is forgotten, forcing a new IDENTIFY. */
  invalidateSession(resumable: boolean): void {
    this.gateway.invalidateSession(resumable);
  }

  /**
   * Accepted interaction callbacks and webhook writes (edits, follow-ups, deletes) in order,
   * optionally for one interaction. Rejected attempts stay visible in `requests`.
   */
  interactionResponses(interactionId?: string): RecordedRequest[] {
    const tokens = new Set(
      [...this.world.interactions.values()]
        .filter((s) => !interactionId || s.id === interactionId)
        .map((s) => s.token),
    );
    return this.rest.requests.filter((r) => {
      if (r.status >= 400 || r.method === "GET") return false;
      const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(r.path);
      if (callback) return tokens.has(callback[2] ?? "");
      const webhook = /^\/webhooks\/(\d+)\/([^/]+)(?:\/|$)/.exec(r.path);
      return webhook !== null && webhook[1] === this.applicationId && tokens.has(webhook[2] ?? "");
    });
  }

  /** Accepted POST /channels/:id/messages, optionally for one channel. */
  channelMessages(channelId?: string): RecordedRequest[] {
    return this.rest.requests.filter((r) => {
      const m = /^\/channels\/(\d+)\/messages$/.exec(r.path);
      return (
        r.method === "POST" && r.status < 400 && m !== null && (!channelId || m[1] === channelId)
      );
    });
  }

  /** Registered application commands: global, or for one guild. */
  commands(guildId?: string): Json[] {
    return this.world.commands.get(guildId ?? "global") ?? [];
  }

  /** The current state of a message the fake knows (user messages and everything the bot sent). */
  message(id: string): Json | undefined {
    return this.world.messages.get(id);
  }

  /** The ids of every person (not bot) the fake has shown the bot: authors, mentions, users. */
  personIds(): string[] {
    return [...this.world.users.values()].filter((u) => u.bot !== true).map((u) => String(u.id));
  }

  /** What the fake knows about an interaction: callback type, @original, autocomplete choices… */
  interaction(id: string): Readonly<InteractionState> | undefined {
    return this.world.interactions.get(id);
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.rest.dispose();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `fake-discord: no gateway session took ${what} within ${DELIVERY_TIMEOUT_MS} ms`,
          ),
        ),
      DELIVERY_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every REST route the loopback serves, each naming its operation in Discord's OpenAPI spec. */
export function loopbackRoutes(): Route[] {
  return [...coreRoutes(), ...channelMessageRoutes(), ...interactionRoutes()];
}

export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const world = new World(opts);
  const gateway = new Gateway(world);
  const rest = new RestServer(world, loopbackRoutes(), (msg) => {
    void gateway.dispatchMessageCreate(msg);
  });
  const server = createServer((req, res) => {
    rest.handle(req, res).catch((err: unknown) => {
      console.error("fake-discord request failed", req.method, req.url, err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on("upgrade", (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  rest.gatewayUrl = `ws://127.0.0.1:${port}`;
  gateway.url = rest.gatewayUrl;
  return new FakeDiscord(world, rest, gateway, server, port);
}
