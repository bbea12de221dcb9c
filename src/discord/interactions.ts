/**
 * The single entry for every interaction: an explicit switch over command names, and one safety net.
 * A `ReplyableError` is answered privately with its message (info log); anything else is a bug:
 * error log and a polite apology. Nothing thrown here ever reaches the client's event emitter.
 */
import type { AutocompleteInteraction, Interaction, RepliableInteraction } from "discord.js";
import type { Logger } from "../log.ts";
import * as commands from "./commands/index.ts";
import { handleComponent } from "./components.ts";
import type { BotContext, Outcome } from "./context.ts";
import { ReplyableError } from "./errors.ts";
import { langFromLocale } from "./locale.ts";
import { ephemeralText } from "./payloads.ts";
import { strings } from "./strings.ts";

export async function handleInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  const started = performance.now();
  const log = ctx.logger.child({
    interactionId: interaction.id,
    guildId: interaction.guildId,
    userId: interaction.user.id,
    ...describe(interaction),
  });
  if (interaction.isAutocomplete()) {
    await autocomplete(interaction, ctx, log);
    return;
  }
  if (!interaction.isRepliable()) return;
  try {
    const outcome = await dispatch(interaction, ctx);
    if (outcome) log.info({ ...outcome, latencyMs: elapsed(started) }, "interaction answered");
  } catch (error) {
    await replyWithError(interaction, error, log, elapsed(started));
  }
}

async function dispatch(
  interaction: RepliableInteraction,
  ctx: BotContext,
): Promise<Outcome | undefined> {
  if (interaction.isChatInputCommand()) {
    switch (interaction.commandName) {
      case "measure":
        return commands.measure.handle(interaction, ctx);
      case "ask":
        return commands.ask.handle(interaction, ctx);
      case "quote":
        return commands.quote.handle(interaction, ctx);
      case "declaration":
        return commands.declaration.handle(interaction, ctx);
      case "help":
        return commands.help.handle(interaction, ctx);
      case "settings":
        return commands.settings.handle(interaction, ctx);
      default:
        throw new Error(`unknown command ${interaction.commandName}`);
    }
  }
  if (interaction.isMessageContextMenuCommand()) {
    if (interaction.commandName === commands.find.definition.name) {
      return commands.find.handle(interaction, ctx);
    }
    throw new Error(`unknown message command ${interaction.commandName}`);
  }
  if (interaction.isButton() || interaction.isStringSelectMenu()) {
    return handleComponent(interaction, ctx);
  }
  return undefined;
}

async function autocomplete(
  interaction: AutocompleteInteraction,
  ctx: BotContext,
  log: Logger,
): Promise<void> {
  try {
    switch (interaction.commandName) {
      case "measure":
        return await commands.measure.autocomplete(interaction, ctx);
      case "ask":
        return await commands.ask.autocomplete(interaction, ctx);
      case "quote":
        return await commands.quote.autocomplete(interaction, ctx);
      default:
        return await interaction.respond([]);
    }
  } catch (error) {
    // Autocomplete has no error display; an empty list is the polite failure.
    log.error({ err: error }, "autocomplete failed");
    if (!interaction.responded) await interaction.respond([]).catch(() => {});
  }
}

async function replyWithError(
  interaction: RepliableInteraction,
  error: unknown,
  log: Logger,
  latencyMs: number,
): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  let text: string;
  if (error instanceof ReplyableError) {
    log.info({ outcome: "user-error", reason: error.message, latencyMs }, "interaction refused");
    text = error.message;
  } else {
    log.error({ err: error, latencyMs }, "interaction handler failed");
    text = strings(lang).genericError;
  }
  try {
    if (interaction.replied || interaction.deferred)
      await interaction.followUp(ephemeralText(text));
    else await interaction.reply(ephemeralText(text));
  } catch (replyError) {
    // The interaction may have expired (10062) or the channel vanished: nothing more to do.
    log.warn({ err: replyError }, "could not send the error reply");
  }
}

function describe(interaction: Interaction): Record<string, string> {
  if (interaction.isCommand() || interaction.isAutocomplete()) {
    return {
      kind: interaction.isAutocomplete() ? "autocomplete" : "command",
      command: interaction.commandName,
    };
  }
  if (interaction.isMessageComponent())
    return { kind: "component", customId: interaction.customId };
  return { kind: String(interaction.type) };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
