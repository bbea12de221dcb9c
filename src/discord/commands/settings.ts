/**
 * /settings — per-server settings (Manage Server): Q&A channels, quoting on/off, quote checks
 * on/off, chat language; `show` also says whether the bot can read chat (Message Content intent).
 * Discord hides the command from members without Manage Server (default_member_permissions), and the
 * handler checks again because server admins can override command permissions.
 */
import {
  type APIApplicationCommandChannelOption,
  type APIEmbed,
  ApplicationCommandOptionType,
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
} from "discord.js";
import { LANGS, type Lang } from "../../core/types.ts";
import { MAX_QA_CHANNELS } from "../../settings/store.ts";
import { localizations } from "../i18n/locale.ts";
import { strings } from "../i18n/strings.ts";
import { type BotContext, type Outcome, readsAllChat } from "../platform/context.ts";
import { ReplyableError } from "../platform/errors.ts";
import { LIMITS, truncate } from "../render/limits.ts";
import { EMBED_COLOR } from "../render/payloads.ts";
import { type CommandContext, commandTexts, defineChatCommand, localized } from "./define.ts";

const channelOption = {
  type: ApplicationCommandOptionType.Channel,
  name: "channel",
  name_localizations: localizations({ fr: "salon", en: "channel", ru: "канал" }),
  description: "A text channel",
  description_localizations: localizations({
    fr: "Un salon textuel",
    en: "A text channel",
    ru: "Текстовый канал",
  }),
  required: true,
  channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
} satisfies APIApplicationCommandChannelOption;

const enabledOption = {
  type: ApplicationCommandOptionType.Boolean as const,
  ...localized({
    name: { fr: "active", en: "enabled", ru: "включено" },
    description: {
      fr: "Activée ou non",
      en: "On or off",
      ru: "Включено или нет",
    },
  }),
  required: true,
};

const languageOption = {
  type: ApplicationCommandOptionType.String as const,
  ...localized({
    name: { fr: "valeur", en: "value", ru: "значение" },
    description: {
      fr: "auto suit la langue du serveur",
      en: "auto follows the server's language",
      ru: "auto — язык сервера",
    },
  }),
  required: true,
  choices: [
    { name: "auto", value: "auto" },
    { name: "français", value: "fr" },
    { name: "English", value: "en" },
    { name: "русский", value: "ru" },
  ],
};

export const command = defineChatCommand({
  texts: commandTexts("settings"),
  defaultMemberPermissions: PermissionFlagsBits.ManageGuild.toString(),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...localized({
        name: { fr: "afficher", en: "show", ru: "показать" },
        description: {
          fr: "Afficher les paramètres de ce serveur",
          en: "Show this server's settings",
          ru: "Показать настройки этого сервера",
        },
      }),
    },
    {
      type: ApplicationCommandOptionType.SubcommandGroup,
      ...localized({
        name: {
          fr: "salons-qr",
          en: "qa-channels",
          ru: "каналы-вопросов",
        },
        description: {
          fr: "Salons où je réponds à chaque question",
          en: "Channels where I answer every question",
          ru: "Каналы, где я отвечаю на каждый вопрос",
        },
      }),
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...localized({
            name: { fr: "ajouter", en: "add", ru: "добавить" },
            description: {
              fr: "Faire d’un salon un salon de questions-réponses",
              en: "Make a channel a Q&A channel",
              ru: "Сделать канал каналом вопросов и ответов",
            },
          }),
          options: [channelOption],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...localized({
            name: { fr: "retirer", en: "remove", ru: "убрать" },
            description: {
              fr: "Ne plus répondre à chaque question dans un salon",
              en: "Stop answering every question in a channel",
              ru: "Больше не отвечать на каждый вопрос в канале",
            },
          }),
          options: [channelOption],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...localized({
            name: { fr: "liste", en: "list", ru: "список" },
            description: {
              fr: "Lister les salons de questions-réponses",
              en: "List the Q&A channels",
              ru: "Список каналов вопросов и ответов",
            },
          }),
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...localized({
        name: { fr: "citation", en: "quoting", ru: "цитирование" },
        description: {
          fr: "Citer les clauses mentionnées dans la discussion",
          en: "Quote clauses mentioned in ordinary discussion",
          ru: "Цитировать пункты, упомянутые в обсуждении",
        },
      }),
      options: [enabledOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...localized({
        name: { fr: "verif-citations", en: "quote-check", ru: "проверка-цитат" },
        description: {
          fr: "Vérifier les citations de la déclaration dans la discussion",
          en: "Check quotations of the declaration in chat",
          ru: "Проверять цитаты из заявления в чате",
        },
      }),
      options: [enabledOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...localized({
        name: { fr: "langue", en: "language", ru: "язык" },
        description: {
          fr: "Langue de mes réponses dans la discussion",
          en: "Language of my answers in chat",
          ru: "Язык моих ответов в чате",
        },
      }),
      options: [languageOption],
    },
  ],
  defer: "ephemeral",
  handle,
});

function settingsEmbed(ctx: BotContext, guildId: string, lang: Lang): APIEmbed {
  const s = strings(lang);
  const current = ctx.settings.get(guildId);
  const readsAll = readsAllChat(ctx);
  // A switch that is on but cannot work without the intent says so.
  const onOff = (on: boolean) => (on ? (readsAll ? s.on : `${s.on} (${s.needsContent})`) : s.off);
  const list = current.qaChannels.map((id) => `<#${id}>`).join(", ");
  const channels = list ? (readsAll ? list : `${list} (${s.needsContent})`) : s.settingsNone;
  return {
    color: EMBED_COLOR,
    title: s.settingsTitle,
    fields: [
      { name: s.settingsQaChannels, value: truncate(channels, LIMITS.fieldValue) },
      { name: s.settingsQuoting, value: onOff(current.quoting) },
      { name: s.settingsQuoteCheck, value: onOff(current.quoteCheck) },
      {
        name: s.settingsLanguage,
        value: current.language ? s.languageNames[current.language] : s.languageAuto,
      },
      {
        name: s.contentTitle,
        value: truncate(
          readsAll ? s.contentOn : s.contentOff(ctx.content?.why ?? "refused"),
          LIMITS.fieldValue,
        ),
      },
    ],
  };
}

const SNOWFLAKE = /^\d{1,20}$/;

async function handle(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<Outcome> {
  const { lang, reply } = ctx;
  const s = strings(lang);
  if (!interaction.inGuild()) throw new ReplyableError(s.guildOnly, "guild-only");
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    throw new ReplyableError(s.settingsNeedManageGuild, "needs-manage-guild");
  }
  const guildId = interaction.guildId;
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(true);
  const say = (text: string) => reply(text);

  switch (group === null ? sub : `${group}/${sub}`) {
    case "show":
    case "qa-channels/list":
      await reply({ embeds: [settingsEmbed(ctx, guildId, lang)] }, { privately: true });
      return { outcome: "settings/show" };
    case "qa-channels/add":
    case "qa-channels/remove": {
      const option = interaction.options.get(channelOption.name);
      const channelId = String(option?.value ?? "");
      if (!SNOWFLAKE.test(channelId))
        throw new ReplyableError(s.qaWrongChannelType, "wrong-channel");
      const resolved = option?.channel;
      if (resolved && "type" in resolved && !isQaChannelType(resolved.type)) {
        throw new ReplyableError(s.qaWrongChannelType, "wrong-channel");
      }
      const mention = `<#${channelId}>`;
      if (sub === "add") {
        if (
          !ctx.settings.isQaChannel(guildId, channelId) &&
          ctx.settings.get(guildId).qaChannels.length >= MAX_QA_CHANNELS
        ) {
          throw new ReplyableError(s.qaTooMany(MAX_QA_CHANNELS), "too-many-channels");
        }
        const added = ctx.settings.addQaChannel(guildId, channelId);
        await say(added ? s.qaAdded(mention) : s.qaAlready(mention));
        return { outcome: "settings/qa-add" };
      }
      const removed = ctx.settings.removeQaChannel(guildId, channelId);
      await say(removed ? s.qaRemoved(mention) : s.qaNotThere(mention));
      return { outcome: "settings/qa-remove" };
    }
    case "quoting": {
      const enabled = interaction.options.get(enabledOption.name)?.value;
      if (typeof enabled !== "boolean") throw new ReplyableError(s.invalidValue, "invalid-value");
      ctx.settings.setQuoting(guildId, enabled);
      await say(s.quotingSet(enabled));
      return { outcome: "settings/quoting" };
    }
    case "quote-check": {
      const enabled = interaction.options.get(enabledOption.name)?.value;
      if (typeof enabled !== "boolean") throw new ReplyableError(s.invalidValue, "invalid-value");
      ctx.settings.setQuoteCheck(guildId, enabled);
      await say(s.quoteCheckSet(enabled));
      return { outcome: "settings/quote-check" };
    }
    case "language": {
      const value = String(interaction.options.get(languageOption.name)?.value ?? "");
      const language = (LANGS as readonly string[]).includes(value) ? (value as Lang) : null;
      if (language === null && value !== "auto")
        throw new ReplyableError(s.invalidValue, "invalid-value");
      ctx.settings.setLanguage(guildId, language);
      await say(s.languageSet(language ? s.languageNames[language] : s.languageAuto));
      return { outcome: "settings/language" };
    }
    default:
      throw new Error(`settings: unknown subcommand ${group ?? ""}/${sub}`);
  }
}

function isQaChannelType(type: ChannelType): boolean {
  return (
    type === ChannelType.GuildText ||
    type === ChannelType.GuildAnnouncement ||
    type === ChannelType.PublicThread ||
    type === ChannelType.PrivateThread
  );
}
