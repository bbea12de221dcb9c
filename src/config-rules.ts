/**
 * Rules between configuration variables. Every rule runs on every start, whatever the others
 * found, so one error lists each conflict beside each malformed value.
 */
import { type Env, read, type Values, type VariableName } from "./config-schema.ts";

/** What a rule sees: every value (defaults for the unset and the invalid) and which were set. */
export interface RuleInput {
  values: Values;
  env: Env;
  /** Variables whose value was refused by their own parser. */
  invalid: ReadonlySet<VariableName>;
}

/** A rule returns the problem it finds, or null. */
type Rule = (input: RuleInput) => string | null;

const isSet = (env: Env, name: VariableName): boolean => read(env, name) !== undefined;

/**
 * "0-3", "0,2,5", "0-1,4": the shard ids a host runs, ascending; a string naming what is wrong
 * otherwise (malformed, out of 0..total-1, listed twice).
 */
export function parseShardIds(raw: string, total: number): number[] | string {
  const ids: number[] = [];
  for (const part of raw.split(",").map((p) => p.trim())) {
    const range = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(part);
    if (!range) return `"${part}" is neither a shard id nor a range such as 0-3`;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from) return `the range ${part} runs backwards`;
    if (to >= total) {
      return `shard ${to} does not exist: with DISCORD_SHARDS=${total} the ids are 0 to ${total - 1}`;
    }
    for (let id = from; id <= to; id++) {
      if (ids.includes(id)) return `shard ${id} is listed twice`;
      ids.push(id);
    }
  }
  return ids.sort((a, b) => a - b);
}

/** DISCORD_SHARD_IDS read against a numeric DISCORD_SHARDS; null when either is missing. */
export function shardIdsOf(values: Values): number[] | string | null {
  const raw = values.DISCORD_SHARD_IDS;
  const total = values.DISCORD_SHARDS;
  return raw === null || typeof total !== "number" ? null : parseShardIds(raw, total);
}

// Hosts that each asked Discord for "auto" could disagree on the total, and a shard id only means
// something against one total.
const shardIdsNeedTotal: Rule = ({ values, env }) =>
  values.DISCORD_SHARD_IDS !== null && typeof values.DISCORD_SHARDS !== "number"
    ? `DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the bot's total number of shards (the same number on every host), got DISCORD_SHARDS=${read(env, "DISCORD_SHARDS") ?? "(unset)"}`
    : null;

const shardIdsWellFormed: Rule = ({ values }) => {
  const ids = shardIdsOf(values);
  return typeof ids === "string"
    ? `DISCORD_SHARD_IDS must list this host's shards as ids or ranges (0-3, or 0,2,5): ${ids}`
    : null;
};

// A host that runs only some shards has others beside it: without one store they would each pace
// identifies alone, count limits apart and keep their own votes and salt.
const partOfTheShardsNeedsStore: Rule = ({ values, env }) => {
  const ids = shardIdsOf(values);
  return Array.isArray(ids) &&
    ids.length < (values.DISCORD_SHARDS as number) &&
    !isSet(env, "DATABASE_URL")
    ? "DISCORD_SHARD_IDS runs part of the bot on this host: set DATABASE_URL to the PostgreSQL every host shares (identify pacing, limits, settings, votes)"
    : null;
};

const perProcessNeedsShards: Rule = ({ values, env, invalid }) =>
  isSet(env, "DISCORD_SHARDS_PER_PROCESS") &&
  !invalid.has("DISCORD_SHARDS_PER_PROCESS") &&
  values.DISCORD_SHARDS === null
    ? "DISCORD_SHARDS_PER_PROCESS needs DISCORD_SHARDS (auto or a number)"
    : null;

const endpointNeedsPublicKey: Rule = ({ env }) =>
  isSet(env, "INTERACTIONS_PORT") && !isSet(env, "DISCORD_PUBLIC_KEY")
    ? "DISCORD_PUBLIC_KEY is required with INTERACTIONS_PORT: every request is checked against it"
    : null;

const gatewayOffNeedsEndpoint: Rule = ({ values, env, invalid }) =>
  !invalid.has("DISCORD_GATEWAY") && !values.DISCORD_GATEWAY && !isSet(env, "INTERACTIONS_PORT")
    ? "DISCORD_GATEWAY=off needs INTERACTIONS_PORT: without the gateway, interactions can only arrive over HTTP"
    : null;

// Every shard process would bind the same port; HTTP replicas scale on their own instead.
const endpointNotInShards: Rule = ({ env }) =>
  isSet(env, "DISCORD_SHARDS") && isSet(env, "INTERACTIONS_PORT")
    ? "INTERACTIONS_PORT cannot go with DISCORD_SHARDS: run the endpoint in its own processes (DISCORD_GATEWAY=off) beside the sharded gateway bot"
    : null;

const commandLimitNeedsWindow: Rule = ({ values }) =>
  values.COMMAND_RATE_LIMIT > 0 && values.COMMAND_RATE_WINDOW_SECONDS === 0
    ? "COMMAND_RATE_WINDOW_SECONDS must be more than 0 when COMMAND_RATE_LIMIT is set"
    : null;

const RULES: readonly Rule[] = [
  shardIdsNeedTotal,
  shardIdsWellFormed,
  partOfTheShardsNeedsStore,
  perProcessNeedsShards,
  endpointNeedsPublicKey,
  gatewayOffNeedsEndpoint,
  endpointNotInShards,
  commandLimitNeedsWindow,
];

/** The problems of every rule, in order. */
export function ruleProblems(input: RuleInput): string[] {
  return RULES.map((rule) => rule(input)).filter((found): found is string => found !== null);
}
