/**
 * The single entry for every interaction: commands are looked up in the registry
 * (commands/index.ts), components go to components.ts, and one safety net covers them all.
 *
 * Before a command runs, the per-user limit is checked (an over-eager user gets a private "slow
 * down"), and an interaction that reached us late is deferred so it is acknowledged within Discord's
 * 3 seconds (respond.ts). A `UserError` (core/user-error.ts) is answered privately, rendered in
 * the reader's language (info log);
 * an interaction Discord no longer knows (10062) is logged and left alone; anything else is a bug or
 * a Discord failure: logged with its context, answered with a polite apology when still possible.
 * Nothing thrown here ever reaches the client's event emitter.
 */
import { sayUserError, UserError } from "../../core/user-error.ts";
import { type FieldLog, withFields } from "../../log.ts";
import {
  countInteraction,
  countLimitRefusal,
  type OutcomeLabel,
  observeAnswerSeconds,
  outcomeLabel,
} from "../../metrics.ts";
import { StoreWriteFailed } from "../../store/errors.ts";
import { textsFor } from "../../text/index.ts";
import { commandContext } from "../commands/define.ts";
import { commandNamed } from "../commands/index.ts";
import { readerLang } from "../i18n/locale.ts";
import { type BotContext, type Outcome, outcomeFields } from "../interaction/context.ts";
import type { Interaction } from "../interaction/interaction.ts";
import { type DeferMode, deferIfLate, respond } from "../interaction/respond.ts";
import { decodeCustomId } from "../render/custom-ids.ts";
import { ephemeralText } from "../render/payloads.ts";
import { interactionIsGone, isDiscordFailure } from "../rest/discord-errors.ts";
import { componentDeferMode, handleComponent } from "./components.ts";

export function handleInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  // The store's bookkeeping (a limit's count) waits until this answer is out.
  return ctx.store.whileAnswering(answerInteraction(interaction, ctx));
}

async function answerInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  const started = performance.now();
  const log = withFields(ctx.logger, {
    interactionId: interaction.id,
    guildId: interaction.guildId,
    // Never the raw id: the same keyed hash the store uses.
    user: ctx.store.userKey(interaction.userId),
    ...describe(interaction),
  });
  if (interaction.kind === "autocomplete") {
    await autocomplete(interaction, ctx, log, started);
    return;
  }
  if (!interaction.isRepliable()) return;
  // Counted where the one log line is written, so that the metrics and the logs agree.
  const measured = (outcome: OutcomeLabel) => {
    const command = commandLabel(interaction);
    countInteraction(command, outcome);
    observeAnswerSeconds(command, (performance.now() - started) / 1000);
  };
  try {
    if (interaction.isCommand() && (await refusedForRate(interaction, ctx, log, started))) {
      measured("limited");
      return;
    }
    const deferred = await deferIfLate(interaction, deferMode(interaction));
    const outcome = await dispatch(interaction, ctx);
    if (outcome) {
      log.info(
        {
          ...outcomeFields(outcome, ctx),
          ...(deferred && { deferred }),
          latencyMs: elapsed(started),
        },
        "interaction answered",
      );
      measured(outcomeLabel(outcome.outcome));
    }
  } catch (error) {
    measured(await replyWithError(interaction, error, ctx, log, elapsed(started)));
  }
}

/**
 * The `command` label: a registered command's name (`/ask`, "Find in declaration"), or the kind of
 * component (`component:vote`). Never anything the user typed, so the label's values stay few.
 */
function commandLabel(interaction: Interaction): string {
  if (interaction.kind === "chat" || interaction.kind === "message") {
    const command = commandNamed(interaction.kind, interaction.commandName);
    if (!command) return "unknown";
    return interaction.kind === "chat" ? `/${command.definition.name}` : command.definition.name;
  }
  if (interaction.isComponent()) {
    return `component:${decodeCustomId(interaction.customId)?.kind ?? "unknown"}`;
  }
  return interaction.kind;
}

/** Applies the per-user command limit; true when the user was told to slow down. */
async function refusedForRate(
  interaction: Interaction,
  ctx: BotContext,
  log: FieldLog,
  started: number,
): Promise<boolean> {
  const verdict = await ctx.commandLimit?.take(interaction.userId);
  if (!verdict || verdict.allowed) return false;
  countLimitRefusal("command");
  const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  const refusal = new UserError({ id: "rateLimited", params: { seconds } });
  await respond(interaction, ephemeralText(sayUserError(refusal, readerLang(interaction.locale))));
  log.info(
    { outcome: "rate-limited", retryAfterMs: verdict.retryAfterMs, latencyMs: elapsed(started) },
    "interaction refused",
  );
  return true;
}

/** The visibility each answer will have, so that a deferral shows the same. */
function deferMode(interaction: Interaction): DeferMode {
  if (interaction.kind === "chat" || interaction.kind === "message") {
    return commandNamed(interaction.kind, interaction.commandName)?.defer ?? "ephemeral";
  }
  if (interaction.isComponent()) return componentDeferMode(interaction);
  return "ephemeral";
}

async function dispatch(interaction: Interaction, ctx: BotContext): Promise<Outcome | undefined> {
  if (interaction.kind === "chat" || interaction.kind === "message") {
    const command = commandNamed(interaction.kind, interaction.commandName);
    if (command) return command.handle(interaction, commandContext(interaction, ctx));
    throw new Error(`unknown ${interaction.kind} command ${interaction.commandName}`);
  }
  if (interaction.isComponent()) return handleComponent(interaction, ctx);
  return undefined;
}

async function autocomplete(
  interaction: Interaction,
  ctx: BotContext,
  log: FieldLog,
  started: number,
): Promise<void> {
  try {
    const command = commandNamed("chat", interaction.commandName);
    if (command?.kind === "chat" && command.autocomplete) {
      await command.autocomplete(interaction, commandContext(interaction, ctx));
    } else {
      await interaction.respond([]);
    }
    // Every keystroke is one of these: debug level, not one info line per letter.
    log.debug({ outcome: "autocomplete", latencyMs: elapsed(started) }, "autocomplete answered");
  } catch (error) {
    // Discord drops stale suggestions as the user keeps typing: that 10062 is routine.
    if (interactionIsGone(error)) {
      log.debug({ err: error }, "autocomplete expired");
      return;
    }
    // Autocomplete has no error display; an empty list is the polite failure.
    log.error({ err: error, latencyMs: elapsed(started) }, "autocomplete failed");
    if (!interaction.responded) await interaction.respond([]).catch(() => {});
  }
}

async function replyWithError(
  interaction: Interaction,
  error: unknown,
  ctx: BotContext,
  log: FieldLog,
  latencyMs: number,
): Promise<OutcomeLabel> {
  if (interactionIsGone(error)) {
    // Older than 3 s or already answered: Discord accepts no reply, so there is nothing to send.
    log.warn({ err: error, latencyMs }, "interaction expired before it was answered");
    return "expired";
  }
  const lang = readerLang(interaction.locale);
  let text: string;
  let outcome: OutcomeLabel;
  if (error instanceof UserError) {
    // The feedback limit refuses by throwing (feedback.ts); it is a limit, not a user's mistake.
    outcome = error.id === "rateLimited" ? "limited" : "user-error";
    text = sayUserError(error, lang);
    log.info(
      {
        outcome: "user-error",
        reason: error.reason,
        ...(ctx.logQuestions && { detail: text }),
        latencyMs,
      },
      "interaction refused",
    );
  } else if (error instanceof StoreWriteFailed) {
    outcome = "error";
    // The database is down or refused: the user is told that nothing was saved (the store logged why).
    log.warn(
      { outcome: "store-unavailable", operation: error.operation, latencyMs },
      "could not save",
    );
    text = textsFor(lang).failures.cannotSaveNow;
  } else {
    outcome = "error";
    // A Discord refusal (missing permissions, 5xx after retries) is not a bug in the bot.
    if (isDiscordFailure(error)) log.warn({ err: error, latencyMs }, "Discord refused the answer");
    else log.error({ err: error, latencyMs }, "interaction handler failed");
    text = textsFor(lang).failures.generic;
  }
  try {
    await respond(interaction, ephemeralText(text));
  } catch (replyError) {
    // The interaction may have expired (10062) or the channel vanished: nothing more to do.
    log.warn({ err: replyError }, "could not send the error reply");
  }
  return outcome;
}

function describe(interaction: Interaction): Record<string, string> {
  if (interaction.isCommand() || interaction.kind === "autocomplete") {
    return {
      kind: interaction.kind === "autocomplete" ? "autocomplete" : "command",
      command: interaction.commandName,
    };
  }
  if (interaction.isComponent()) {
    // A vote's custom id names the answer and the clause: beside a user, that is their vote. An
    // id the bot cannot read may be a vote's all the same (an older layout), so it is not logged.
    const action = decodeCustomId(interaction.customId)?.kind ?? "unknown";
    return action === "vote" || action === "correct" || action === "unknown"
      ? { kind: "component", component: action }
      : { kind: "component", component: action, customId: interaction.customId };
  }
  return { kind: interaction.kind };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
