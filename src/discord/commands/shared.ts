/** Pieces shared by the command definitions. */
import { ApplicationIntegrationType, InteractionContextType } from "discord-api-types/v10";

/** Reading commands work in servers and in the bot's DMs. */
export const READ_CONTEXTS = [InteractionContextType.Guild, InteractionContextType.BotDM];
export const INSTALL = [ApplicationIntegrationType.GuildInstall];

/** Longest question the engine is given; Discord caps the option at QUESTION_MAX anyway. */
export const QUESTION_MAX = 300;
