/**
 * What the bot asks for when it is invited: the OAuth2 scopes and the bot permissions, computed
 * from the features that use them, so a permission is asked for because a feature needs it and a
 * feature never lacks one. `npm run register` and the bot's "connected to Discord" log line print
 * the invite URL built here; the README's tables list the same rows (a test keeps them equal).
 */
import { OAuth2Scopes, PermissionFlagsBits } from "discord-api-types/v10";

/** The bot permissions any feature uses, by their name in discord-api-types. */
export type BotPermission =
  | "ViewChannel"
  | "SendMessages"
  | "SendMessagesInThreads"
  | "EmbedLinks"
  | "ReadMessageHistory";

/** A permission as Discord's URL generator labels it, and what the bot does with it. */
export const PERMISSIONS: Record<BotPermission, { label: string; use: string }> = {
  ViewChannel: {
    label: "View Channels",
    use: "to see a channel and the messages in it",
  },
  SendMessages: {
    label: "Send Messages",
    use: "to post an answer in a text channel",
  },
  SendMessagesInThreads: {
    label: "Send Messages in Threads",
    use: "to post an answer in a thread: Send Messages does not cover threads",
  },
  EmbedLinks: {
    label: "Embed Links",
    use: "to show answers as embeds (clause cards, quote checks): without it Discord leaves them out",
  },
  ReadMessageHistory: {
    label: "Read Message History",
    use: "to answer as a reply to the message: Discord refuses a reply without it",
  },
};

export interface Feature {
  /** What the bot does, as the README's table says it. */
  feature: string;
  /** The bot permissions it needs where it happens; none for interaction responses and DMs. */
  permissions: readonly BotPermission[];
  /** The OAuth2 scope that lets it happen at all. */
  scope: OAuth2Scopes.Bot | OAuth2Scopes.ApplicationsCommands;
}

/**
 * Every feature and what it needs. Interaction responses and their follow-ups (every command,
 * button and menu, "Post to the channel" included) go through the interaction's webhook, which
 * needs no permission in the channel. Use Application Commands is the members' permission to run
 * commands (granted to @everyone by default), not the bot's, so it is not asked for here.
 */
export const FEATURES: readonly Feature[] = [
  {
    feature:
      "answers in chat: mentions, replies to the bot, Q&A channels, auto-quoting, chat quote checks",
    permissions: ["ViewChannel", "SendMessages", "EmbedLinks", "ReadMessageHistory"],
    scope: OAuth2Scopes.Bot,
  },
  {
    feature: "the same in threads (a Q&A channel's threads are Q&A channels too)",
    permissions: ["ViewChannel", "SendMessagesInThreads", "EmbedLinks", "ReadMessageHistory"],
    scope: OAuth2Scopes.Bot,
  },
  {
    feature: "direct messages",
    permissions: [],
    scope: OAuth2Scopes.Bot,
  },
  {
    feature:
      "slash commands, message commands, buttons and menus, “Post to the channel” (interaction responses)",
    permissions: [],
    scope: OAuth2Scopes.ApplicationsCommands,
  },
];

/** The bot permissions of the invite: the union of what the features use. */
export const BOT_PERMISSIONS: bigint = FEATURES.flatMap((f) => f.permissions).reduce(
  (all, p) => all | PermissionFlagsBits[p],
  0n,
);

/** The scopes of the invite, in the order Discord's URL generator writes them. */
export const INVITE_SCOPES: readonly OAuth2Scopes[] = [
  OAuth2Scopes.Bot,
  OAuth2Scopes.ApplicationsCommands,
].filter((scope) => FEATURES.some((f) => f.scope === scope));

/** The URL that adds application `clientId` to a server with everything its features need. */
export function inviteUrl(clientId: string): string {
  const scope = INVITE_SCOPES.map(encodeURIComponent).join("%20");
  return `https://discord.com/oauth2/authorize?client_id=${encodeURIComponent(clientId)}&scope=${scope}&permissions=${BOT_PERMISSIONS}`;
}
