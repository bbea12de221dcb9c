/**
 * /settings — per-server settings (Manage Server): Q&A channels, quoting on/off, quote checks
 * on/off, chat language, and whether question texts are kept with feedback; `show` also says
 * whether the bot can read chat (Message Content intent) and what feedback is kept.
 * Discord hides the command from members without Manage Server (default_member_permissions), and the
 * handler checks again because server admins can override command permissions.
 */
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandChannelOption,
  type APIEmbed,
  ApplicationCommandOptionType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import { LANGS, type Lang } from "../../core/types.ts";
import { UserError } from "../../core/user-error.ts";
import { MAX_QA_CHANNELS } from "../../store/settings.ts";
import { textsFor } from "../../text/index.ts";
import { keepsText } from "../handlers/feedback.ts";
import { type BotContext, type Outcome, readsAllChat } from "../interaction/context.ts";
import type { Interaction } from "../interaction/interaction.ts";
import { SNOWFLAKE } from "../interaction/snowflake.ts";
import { LIMITS, truncate } from "../render/limits.ts";
import { EMBED_COLOR } from "../render/payloads.ts";
import { contentOffText, feedbackKeptText } from "../render/policy-text.ts";
import { type CommandContext, commandTexts, defineChatCommand } from "./define.ts";

const TEXTS = commandTexts("settings");
const NAME = TEXTS.optionName;

const channelOption = TEXTS.option("channel", {
  type: ApplicationCommandOptionType.Channel,
  required: true,
  channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
} satisfies Omit<APIApplicationCommandChannelOption, "name" | "description">);

const enabledOption = TEXTS.option("enabled", {
  type: ApplicationCommandOptionType.Boolean as const,
  required: true,
});

const languageChoice = TEXTS.option("value", {
  type: ApplicationCommandOptionType.String as const,
  required: true,
  choices: [
    { name: "auto", value: "auto" },
    { name: "français", value: "fr" },
    { name: "English", value: "en" },
    { name: "русский", value: "ru" },
  ],
});

const subcommand = (
  key: Parameters<typeof TEXTS.option>[0],
  options?: APIApplicationCommandBasicOption[],
) =>
  TEXTS.option(key, {
    type: ApplicationCommandOptionType.Subcommand as const,
    ...(options && { options }),
  });

export const command = defineChatCommand({
  texts: TEXTS,
  defaultMemberPermissions: PermissionFlagsBits.ManageGuild.toString(),
  contexts: [InteractionContextType.Guild],
  options: [
    subcommand("show"),
    TEXTS.option("qa-channels", {
      type: ApplicationCommandOptionType.SubcommandGroup as const,
      options: [
        subcommand("add", [channelOption]),
        subcommand("remove", [channelOption]),
        subcommand("list"),
      ],
    }),
    subcommand("quoting", [enabledOption]),
    subcommand("quote-check", [enabledOption]),
    subcommand("language", [languageChoice]),
    subcommand("feedback-text", [enabledOption]),
  ],
  defer: "ephemeral",
  handle,
});

async function settingsEmbed(ctx: BotContext, guildId: string, lang: Lang): Promise<APIEmbed> {
  const { settings: s, content } = textsFor(lang);
  const current = await ctx.store.settings.get(guildId);
  const textKept = await keepsText(ctx, guildId);
  const kept = feedbackKeptText(lang, { textKept, days: ctx.feedbackRetentionDays });
  const readsAll = readsAllChat(ctx);
  // A switch that is on but cannot work without the intent says so.
  const state = (on: boolean) => (on ? (readsAll ? s.on : `${s.on} (${content.needed})`) : s.off);
  const list = current.qaChannels.map((id) => `<#${id}>`).join(", ");
  const channels = list ? (readsAll ? list : `${list} (${content.needed})`) : s.none;
  const reading = readsAll ? content.on : contentOffText(lang, ctx.content?.why ?? "refused");
  return {
    color: EMBED_COLOR,
    title: s.title,
    fields: [
      { name: s.qaChannels, value: truncate(channels, LIMITS.fieldValue) },
      { name: s.quoting, value: state(current.quoting) },
      { name: s.quoteCheck, value: state(current.quoteCheck) },
      {
        name: s.language,
        value: current.language ? s.languageNames[current.language] : s.languageAuto,
      },
      { name: s.feedback, value: truncate(kept, LIMITS.fieldValue) },
      { name: content.title, value: truncate(reading, LIMITS.fieldValue) },
    ],
  };
}

async function handle(interaction: Interaction, ctx: CommandContext): Promise<Outcome> {
  const { lang, reply } = ctx;
  const s = textsFor(lang).settings;
  const guildId = interaction.guildId;
  if (guildId === null) throw new UserError({ id: "guildOnly" });
  if (!interaction.canManageGuild()) throw new UserError({ id: "needsManageGuild" });
  const { group, subcommand: sub } = interaction.options;
  const say = (text: string) => reply(text);
  const onOff = (): boolean => {
    const enabled = interaction.options.value(NAME.enabled);
    if (typeof enabled !== "boolean") throw new UserError({ id: "invalidValue" });
    return enabled;
  };

  switch (group === null ? sub : `${group}/${sub}`) {
    case NAME.show:
    case `${NAME["qa-channels"]}/${NAME.list}`:
      await reply({ embeds: [await settingsEmbed(ctx, guildId, lang)] }, { privately: true });
      return { outcome: "settings/show" };
    case `${NAME["qa-channels"]}/${NAME.add}`:
    case `${NAME["qa-channels"]}/${NAME.remove}`: {
      const channelId = String(interaction.options.value(NAME.channel) ?? "");
      if (!SNOWFLAKE.test(channelId)) throw new UserError({ id: "wrongChannel" });
      const type = interaction.options.channelType(NAME.channel);
      if (type !== undefined && !isQaChannelType(type)) throw new UserError({ id: "wrongChannel" });
      const channel = `<#${channelId}>`;
      if (sub === NAME.add) {
        const added = await ctx.store.settings.addQaChannel(guildId, channelId);
        if (added === "full") {
          throw new UserError({ id: "tooManyChannels", params: { max: MAX_QA_CHANNELS } });
        }
        await say(added === "added" ? s.qaAdded({ channel }) : s.qaAlready({ channel }));
        return { outcome: "settings/qa-add" };
      }
      const removed = await ctx.store.settings.removeQaChannel(guildId, channelId);
      await say(removed ? s.qaRemoved({ channel }) : s.qaNotThere({ channel }));
      return { outcome: "settings/qa-remove" };
    }
    case NAME.quoting: {
      const enabled = onOff();
      await ctx.store.settings.setFlag(guildId, "quoting", enabled);
      await say(enabled ? s.quotingOn : s.quotingOff);
      return { outcome: "settings/quoting" };
    }
    case NAME["feedback-text"]: {
      const enabled = onOff();
      // Turning it off deletes the texts kept so far in the same transaction: both or neither.
      let forgotten = 0;
      if (enabled) await ctx.store.settings.setFlag(guildId, "feedbackText", true);
      else forgotten = await ctx.store.settings.stopKeepingText(guildId);
      await say(feedbackTextSet(lang, enabled, forgotten, ctx.logQuestions === true));
      return { outcome: "settings/feedback-text" };
    }
    case NAME["quote-check"]: {
      const enabled = onOff();
      await ctx.store.settings.setFlag(guildId, "quoteCheck", enabled);
      await say(enabled ? s.quoteCheckOn : s.quoteCheckOff);
      return { outcome: "settings/quote-check" };
    }
    case NAME.language: {
      const value = String(interaction.options.value(NAME.value) ?? "");
      const language = (LANGS as readonly string[]).includes(value) ? (value as Lang) : null;
      if (language === null && value !== "auto") throw new UserError({ id: "invalidValue" });
      await ctx.store.settings.setLanguage(guildId, language);
      await say(s.languageSet({ name: language ? s.languageNames[language] : s.languageAuto }));
      return { outcome: "settings/language" };
    }
    default:
      throw new Error(`settings: unknown subcommand ${group ?? ""}/${sub ?? ""}`);
  }
}

/**
 * Keeping question texts turned on or off; `forgotten`: this server's texts deleted on turning it
 * off; `operatorKeeps`: LOG_QUESTIONS=true keeps texts in every server whatever the setting says.
 */
function feedbackTextSet(
  lang: Lang,
  on: boolean,
  forgotten: number,
  operatorKeeps: boolean,
): string {
  const s = textsFor(lang).settings;
  const set = on
    ? s.feedbackTextOn
    : forgotten > 0
      ? s.feedbackTextForgotten({ forgotten })
      : s.feedbackTextOff;
  return operatorKeeps ? `${set} ${s.operatorKeepsText}` : set;
}

function isQaChannelType(type: number): boolean {
  return (
    type === ChannelType.GuildText ||
    type === ChannelType.GuildAnnouncement ||
    type === ChannelType.PublicThread ||
    type === ChannelType.PrivateThread
  );
}
