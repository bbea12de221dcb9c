/**
 * Request bodies checked against Discord's published OpenAPI description, on top of the hand-written
 * limits in validate.ts. The schemas come from the `discord-api-spec` package (Discord's openapi.json
 * turned into Zod schemas, regenerated daily upstream; the version is pinned in package-lock.json) and
 * zod validates them. Every route the loopback serves names its operation (method + the spec's path
 * template); this table gives that operation's requestBody schema, as the spec declares it for JSON
 * bodies and for multipart's payload_json part alike. The spec test checks each path is in the spec.
 */

import * as spec from "discord-api-spec/zod";
import { en } from "zod/locales";
import * as z from "zod/mini";

/** `undefined` marks operations whose spec has no request body. */
type Operations = Map<string, z.ZodMiniType | undefined>;

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

function operation(t: Operations, method: string, path: string, body?: z.ZodMiniType): void {
  t.set(key(method, path), body);
}

const interactionCallback = () =>
  z.union([
    spec.PongInteractionCallbackRequestSchema,
    spec.CreateMessageInteractionCallbackRequestSchema,
    spec.UpdateMessageInteractionCallbackRequestSchema,
    spec.ApplicationCommandAutocompleteCallbackRequestSchema,
    spec.ModalInteractionCallbackRequestSchema,
    spec.LaunchActivityInteractionCallbackRequestSchema,
    spec.SocialLayerSKUPurchaseEligibilityInteractionCallbackRequestSchema,
  ]);

/** Built once per process, at the first request: the schemas themselves are built when imported. */
let operations: Operations | undefined;

function table(): Operations {
  if (operations) return operations;
  const t: Operations = new Map();
  for (const scope of [
    "/applications/{application_id}",
    "/applications/{application_id}/guilds/{guild_id}",
  ] as const) {
    operation(t, "get", `${scope}/commands`);
    operation(
      t,
      "put",
      `${scope}/commands`,
      z.nullable(z.array(spec.ApplicationCommandUpdateRequestSchema)),
    );
    operation(t, "post", `${scope}/commands`, spec.ApplicationCommandCreateRequestSchema);
    operation(t, "get", `${scope}/commands/{command_id}`);
    operation(
      t,
      "patch",
      `${scope}/commands/{command_id}`,
      spec.ApplicationCommandPatchRequestPartialSchema,
    );
    operation(t, "delete", `${scope}/commands/{command_id}`);
  }
  operation(t, "get", "/gateway");
  operation(t, "get", "/gateway/bot");
  operation(t, "get", "/users/@me");
  operation(t, "get", "/users/{user_id}");
  operation(t, "post", "/users/@me/channels", spec.CreatePrivateChannelRequestSchema);
  operation(t, "get", "/users/@me/guilds");
  operation(t, "get", "/applications/@me");
  operation(t, "get", "/oauth2/applications/@me");
  operation(t, "get", "/guilds/{guild_id}");
  operation(t, "get", "/guilds/{guild_id}/channels");
  operation(t, "get", "/guilds/{guild_id}/roles");
  operation(t, "get", "/guilds/{guild_id}/members/{user_id}");
  operation(t, "get", "/channels/{channel_id}");
  operation(t, "get", "/channels/{channel_id}/messages");
  operation(t, "post", "/channels/{channel_id}/messages", spec.MessageCreateRequestSchema);
  operation(t, "get", "/channels/{channel_id}/messages/{message_id}");
  operation(
    t,
    "patch",
    "/channels/{channel_id}/messages/{message_id}",
    spec.MessageEditRequestPartialSchema,
  );
  operation(t, "delete", "/channels/{channel_id}/messages/{message_id}");
  operation(t, "post", "/channels/{channel_id}/typing");
  for (const m of ["put", "delete"] as const)
    operation(t, m, "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me");
  operation(
    t,
    "post",
    "/interactions/{interaction_id}/{interaction_token}/callback",
    interactionCallback(),
  );
  operation(
    t,
    "post",
    "/webhooks/{webhook_id}/{webhook_token}",
    z.union([
      spec.IncomingWebhookRequestPartialSchema,
      spec.IncomingWebhookUpdateRequestPartialSchema,
    ]),
  );
  for (const message of ["{message_id}", "@original"] as const) {
    const path = `/webhooks/{webhook_id}/{webhook_token}/messages/${message}`;
    operation(t, "get", path);
    operation(t, "patch", path, spec.IncomingWebhookUpdateRequestPartialSchema);
    operation(t, "delete", path);
  }
  // zod/mini carries no messages of its own; English ones make a refusal readable in test output.
  z.config(en());
  operations = t;
  return t;
}

/** The operations the loopback knows, as "METHOD /path/{template}". */
export function specOperations(): string[] {
  return [...table().keys()];
}

/**
 * Discord's spec types permission bitfields as integers, yet Discord accepts (and discord.js sends)
 * them as decimal strings, since they outgrow a double. This is the one place that reconciles the
 * two: a string of digits in one of these fields (commands' default_member_permissions, roles'
 * permissions, overwrites' allow and deny: all integers in the spec) is read as the number it spells
 * before validation. Anything else (a word, a negative, a fraction) is left for the schema to refuse.
 */
const PERMISSION_FIELDS = new Set(["default_member_permissions", "permissions", "allow", "deny"]);

export function coercePermissionStrings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(coercePermissionStrings);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([field, v]) => [
      field,
      PERMISSION_FIELDS.has(field) && typeof v === "string" && /^\d+$/.test(v)
        ? Number(v)
        : coercePermissionStrings(v),
    ]),
  );
}

/**
 * What the spec refuses in a request body, one "embeds.0.title: Invalid input: expected string,
 * received number" line per problem; empty when it conforms.
 */
export function checkAgainstSpec(method: string, path: string, body: unknown): string[] {
  const t = table();
  const k = key(method, path);
  if (!t.has(k)) return [`${k}: not an operation the loopback maps to Discord's spec`];
  const schema = t.get(k);
  if (!schema) return body === undefined ? [] : ["body: this operation takes no request body"];
  if (body === undefined) return [];
  const result = z.safeParse(schema, coercePermissionStrings(body));
  return result.success ? [] : result.error.issues.flatMap((i) => describe(i as Issue, []));
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  values?: unknown[];
  errors?: Issue[][];
}

const line = (path: PropertyKey[], message: string) =>
  `${path.map(String).join(".") || "body"}: ${message}`;

/** A branch that failed on its `type` literal is a different kind of object, not a near miss. */
const wrongKind = (i: Issue) =>
  i.code === "invalid_value" && i.path.length === 1 && i.path[0] === "type";

/**
 * A union (component kinds, callback types) reports every branch's failure. Report the branch whose
 * `type` matched, fewest problems first; when none matched, the `type` itself is what is wrong.
 */
function describe(issue: Issue, base: PropertyKey[]): string[] {
  const at = [...base, ...issue.path];
  if (issue.code !== "invalid_union" || !issue.errors?.length) return [line(at, issue.message)];
  const branches = issue.errors;
  const near = branches.filter((b) => !b.some(wrongKind));
  if (near.length === 0) {
    const kinds = branches.flatMap((b) => b.filter(wrongKind));
    const values = [...new Set(kinds.flatMap((i) => i.values ?? []).map((v) => JSON.stringify(v)))];
    values.sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    const where = [...at, ...(kinds[0]?.path ?? [])];
    return [line(where, `Invalid input: expected one of ${values.join(", ")}`)];
  }
  const best = near.reduce((a, b) => (b.length < a.length ? b : a));
  return best.flatMap((i) => describe(i, at));
}
