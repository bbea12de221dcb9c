/**
 * Channels where Discord refused to let the bot send (403: Missing Permissions, Missing Access),
 * remembered for a while: a server that lets the bot read a channel but not write in it would
 * otherwise cost one refusal per mention, and Discord bans an IP that collects too many of them
 * (invalid-requests.ts). A channel is forgotten when its time is up, or when an event says the
 * bot's permissions in that server may have changed (send-guard.ts).
 *
 * Memory stays bounded: every entry lives as long as the others, so the oldest is at the front of
 * the Map, and beyond `maxChannels` the oldest goes first (at worst one more refusal).
 */

export interface RefusedChannelsOptions {
  /** How long a refusal is believed (default 10 minutes). */
  ttlMs?: number;
  /** Most channels remembered at once (default 10,000: well under a megabyte). */
  maxChannels?: number;
  /** The clock, for tests. */
  now?: () => number;
}

export const REFUSAL_MEMORY_MS = 10 * 60_000;

export class RefusedChannels {
  /** Channel id → its server (null: a DM or not known) and when the refusal is forgotten. */
  private readonly channels = new Map<string, { guildId: string | null; until: number }>();
  /** The same channels by server: a permission event in one server costs that server's entries. */
  private readonly byGuild = new Map<string | null, Set<string>>();
  private readonly ttlMs: number;
  private readonly maxChannels: number;
  private readonly now: () => number;

  constructor(options: RefusedChannelsOptions = {}) {
    this.ttlMs = options.ttlMs ?? REFUSAL_MEMORY_MS;
    this.maxChannels = options.maxChannels ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Channels remembered now. */
  get size(): number {
    this.expire();
    return this.channels.size;
  }

  refuse(channelId: string, guildId: string | null): void {
    // Re-inserted, so that the Map stays ordered by expiry.
    this.forgetChannel(channelId);
    this.channels.set(channelId, { guildId, until: this.now() + this.ttlMs });
    const inGuild = this.byGuild.get(guildId) ?? new Set<string>();
    this.byGuild.set(guildId, inGuild.add(channelId));
    if (this.channels.size > this.maxChannels) {
      const oldest = this.channels.keys().next().value;
      if (oldest !== undefined) this.forgetChannel(oldest);
    }
  }

  isRefused(channelId: string): boolean {
    this.expire();
    return this.channels.has(channelId);
  }

  forgetChannel(channelId: string): void {
    const entry = this.channels.get(channelId);
    if (!entry) return;
    this.channels.delete(channelId);
    const inGuild = this.byGuild.get(entry.guildId);
    inGuild?.delete(channelId);
    if (inGuild?.size === 0) this.byGuild.delete(entry.guildId);
  }

  /** Every channel of the server, and those whose server is not known: one of them may be in it. */
  forgetGuild(guildId: string): void {
    for (const key of [guildId, null]) {
      for (const channelId of this.byGuild.get(key) ?? []) this.forgetChannel(channelId);
    }
  }

  private expire(): void {
    const now = this.now();
    for (const [channelId, entry] of this.channels) {
      if (entry.until > now) break;
      this.forgetChannel(channelId);
    }
  }
}
