/**
 * What keeps the bot's chat answers from costing it invalid requests: Discord bans an IP that makes
 * 10,000 of them (401, 403, 429) in 10 minutes, and a channel where the bot may read but not write
 * answers every mention with a 403.
 *
 * Every REST response passes by `noteResponse`: invalid ones are counted (invalid-requests.ts), and
 * a 403 to a message the bot posted marks its channel as refused (refused-channels.ts). Until that
 * is forgotten (10 minutes, or a permission event: `forgetGuild`), chat answers there are not even
 * attempted (`chatHold`), and a message already queued for it is stopped before it leaves
 * (`guardRequests`), so a burst of mentions costs one refusal, not one each. Near the limit, every
 * chat answer is held back the same way. The only messages the bot posts in channels are chat
 * answers; interactions are answered through their own token and are never held.
 */
import { type REST, RESTEvents, type ResponseLike } from "@discordjs/rest";
import type { Logger } from "../../log.ts";
import { countInvalidRequest, type HoldReason, watchSendGuard } from "../../metrics.ts";
import {
  INVALID_REQUEST_WINDOW_MS,
  InvalidRequestCount,
  invalidRequestThreshold,
  isInvalidRequest,
} from "./invalid-requests.ts";
import { RefusedChannels, type RefusedChannelsOptions } from "./refused-channels.ts";

export type { HoldReason };

/** A chat answer the guard stopped before it was sent. */
export class SendHeld extends Error {
  override name = "SendHeld";
  constructor(readonly reason: HoldReason) {
    super(`not sent: ${reason}`);
  }
}

export interface SendGuardOptions extends RefusedChannelsOptions {
  /** Processes sharing this host's IP address (the sharding manager's shard processes). */
  processesOnHost?: number;
}

type MakeRequest = (url: string, init: RequestInit) => Promise<ResponseLike>;

/** The channel a `POST /channels/:id/messages` posts in; null for any other request. */
function messageChannel(method: string | undefined, path: string): string | null {
  if (method?.toUpperCase() !== "POST") return null;
  return /\/channels\/(\d+)\/messages(?:$|\?)/.exec(path)?.[1] ?? null;
}

export class SendGuard {
  private readonly refused: RefusedChannels;
  private readonly invalid: InvalidRequestCount;
  private holding = false;
  private readonly unwatch: () => void;

  constructor(
    private readonly logger: Logger,
    options: SendGuardOptions = {},
  ) {
    this.refused = new RefusedChannels(options);
    this.invalid = new InvalidRequestCount(invalidRequestThreshold(options.processesOnHost), {
      ...(options.now && { now: options.now }),
    });
    this.unwatch = watchSendGuard(this, () => ({
      refusedChannels: this.refused.size,
      backingOff: this.backingOff(),
    }));
  }

  /** Why a chat answer must not be sent to `channelId` now; null when it may. */
  chatHold(channelId: string): HoldReason | null {
    if (this.backingOff()) return "invalid-requests";
    return this.refused.isRefused(channelId) ? "refused-channel" : null;
  }

  /**
   * Counts a response. `guildOf` names the server of a channel that refused a message, so that a
   * permission event in that server can clear it.
   */
  noteResponse(
    request: { method: string; path: string },
    response: { status: number; headers: Pick<Headers, "get"> },
    guildOf: (channelId: string) => string | null,
  ): void {
    const { status } = response;
    if (!isInvalidRequest(status, response.headers.get("x-ratelimit-scope"))) return;
    countInvalidRequest(status);
    this.invalid.note();
    // The chat handler logs the refusal itself, with the message it was answering.
    const channelId = status === 403 ? messageChannel(request.method, request.path) : null;
    if (channelId !== null) this.refused.refuse(channelId, guildOf(channelId));
  }

  /** Listens to a REST client's responses (its Response event comes before the caller's answer). */
  watch(rest: REST, guildOf: (channelId: string) => string | null): void {
    rest.on(RESTEvents.Response, (request, response) =>
      this.noteResponse(request, response, guildOf),
    );
  }

  /**
   * A REST client's `makeRequest` that stops a chat answer held back since it was queued, instead
   * of sending it: REST sends a channel's messages one after the other, so those queued behind
   * the first refusal never reach Discord.
   */
  guardRequests(makeRequest: MakeRequest): MakeRequest {
    return (url, init) => {
      const channelId = messageChannel(init.method, url);
      const hold = channelId === null ? null : this.chatHold(channelId);
      return hold ? Promise.reject(new SendHeld(hold)) : makeRequest(url, init);
    };
  }

  /** A server's permissions may have changed (a role, a channel, the bot's own roles). */
  forgetGuild(guildId: string): void {
    this.refused.forgetGuild(guildId);
  }

  close(): void {
    this.unwatch();
  }

  /** Whether chat answers are held back now; says so once when that starts, and when it ends. */
  backingOff(): boolean {
    const reached = this.invalid.reached;
    if (reached && !this.holding) {
      this.logger.warn(
        {
          threshold: this.invalid.threshold,
          windowMinutes: INVALID_REQUEST_WINDOW_MS / 60_000,
        },
        "many requests refused by Discord: chat answers held back until the count falls, well before Discord's limit (commands keep working)",
      );
    } else if (!reached && this.holding) {
      this.logger.info("invalid requests back under the threshold: chat answers resume");
    }
    this.holding = reached;
    return reached;
  }
}
