/** Public shapes of the fake Discord: what tests pass in and what they get back. */

/** Loose JSON object: payloads are built to match the API closely, but tests may tweak any field. */
export type Json = Record<string, unknown>;

export interface FakeGuildSpec {
  id: string;
  name?: string;
  /** Text channels: a count (ids generated), ids, or ids with names. Default: one channel. */
  channels?: number | Array<string | { id: string; name?: string }>;
  /** Roles including @everyone (whose id is the guild id). Default 1. */
  roles?: number;
  /** Discord's default is "en-US"; the project's servers are French, hence "fr" by default. */
  preferredLocale?: string;
  memberCount?: number;
}

export interface FakeDiscordOptions {
  guilds?: FakeGuildSpec[];
  /** What GET /gateway/bot recommends. */
  shards?: number;
  /** GET /gateway/bot's session_start_limit.max_concurrency (shards that may identify at once); default 1. */
  maxConcurrency?: number;
  /** Application id; the bot user has the same id, as for every modern Discord app. */
  applicationId?: string;
  /**
   * How long the bot has to make the initial interaction response before the fake answers
   * 10062 Unknown interaction, as Discord does after 3 s. 0 disables the check.
   */
  interactionDeadlineMs?: number;
  /**
   * The privileged intents the application may use, as a bitfield: GUILD_MEMBERS (1 << 1),
   * GUILD_PRESENCES (1 << 8), MESSAGE_CONTENT (1 << 15). Default: all three, as for a bot the
   * Developer Portal switches are on for. An IDENTIFY asking for another is closed with 4014
   * (Disallowed intents), as Discord does.
   */
  privilegedIntents?: number;
}

export interface UserSpec {
  id: string;
  username: string;
  bot?: boolean;
  globalName?: string | null;
}

export interface RecordedFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** Path without the /api/vNN prefix, e.g. "/channels/222222222222222222/messages". */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON, or the payload_json part of a multipart body; undefined when empty. */
  body: unknown;
  files: RecordedFile[];
  /** Lower-cased header names. */
  headers: Record<string, string>;
  at: number;
  /** What the fake answered, so tests can read generated ids or assert on rejections. */
  status: number;
  response: unknown;
  /** True when the answer came from failNext rather than the route. */
  injected: boolean;
  /** "http": an initial response the bot gave as the answer to a signed POST, not over REST. */
  via?: "http";
  /** Set when Discord's OpenAPI schema refused the body: one "where: why" line per problem. */
  schemaProblems?: string[];
}

export interface IdentifyRecord {
  shard: [number, number] | undefined;
  intents: number;
  at: number;
}

export interface ResumeRecord {
  sessionId: string;
  seq: number;
  accepted: boolean;
  at: number;
}

export interface MessageSpec {
  id?: string;
  /** Defaults to the first channel of `guildId`, or of the first guild. A channel outside any guild is a DM. */
  channelId?: string;
  guildId?: string;
  content: string;
  author?: UserSpec;
  webhookId?: string;
  /** User ids mentioned; content should contain the matching <@id> for realism. */
  mentions?: string[];
  /** Makes the message a reply (type 19) to a message the fake knows, e.g. one the bot sent. */
  referencedMessageId?: string;
  /**
   * A reply that pings the replied-to author (Discord clients' default): the author is added to
   * `mentions`, which is also what lets a bot without the Message Content intent read it.
   */
  replyPing?: boolean;
  /**
   * The reply arrives without `referenced_message`, as Discord sends it when it "did not attempt
   * to fetch" the original: a client must fetch it to know it.
   */
  omitReferencedMessage?: boolean;
  embeds?: Json[];
  components?: Json[];
}

/** Values for chat input options; numbers become INTEGER when integral, NUMBER otherwise. */
export type OptionValues = Record<string, string | number | boolean>;

export interface InteractionExtra {
  locale?: string;
  /** null makes a DM interaction (user instead of member). */
  guildId?: string | null;
  channelId?: string;
  user?: UserSpec;
  /** The invoking member's permissions, a bitfield string. */
  memberPermissions?: string;
  /** The bot's permissions in the channel, a bitfield string. */
  appPermissions?: string;
  /** 4 sends the chat input as an autocomplete interaction. */
  type?: 2 | 4;
  /** For components: the id of a message the fake knows (e.g. the bot's reply) the component sits on. */
  messageId?: string;
}

/** A complete INTERACTION_CREATE payload. */
export interface InteractionSpec extends Json {
  id: string;
  token: string;
  type: number;
  application_id: string;
  channel_id: string;
  guild_id?: string;
  data: Json;
}
