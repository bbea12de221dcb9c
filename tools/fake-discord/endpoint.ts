/**
 * Discord's side of an Interactions Endpoint URL: each interaction is signed with the application's
 * Ed25519 key (over X-Signature-Timestamp + the body) and POSTed to the bot, whose HTTP answer is
 * the initial response. Tests get a fresh key pair per fake; `SignOptions` makes the requests
 * Discord sends to check that an endpoint refuses bad signatures.
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";

export interface SigningKeys {
  privateKey: KeyObject;
  /** The public key as the Developer Portal shows it: 64 hex characters (DISCORD_PUBLIC_KEY). */
  publicKeyHex: string;
}

export function generateSigningKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const { x } = publicKey.export({ format: "jwk" });
  if (!x) throw new Error("fake-discord: Ed25519 key without x");
  return { privateKey, publicKeyHex: Buffer.from(x, "base64url").toString("hex") };
}

/** Ways to get a request wrong, as an attacker or Discord's own checks would. */
export interface SignOptions {
  /** Sign with this key instead of the application's (a wrong key). */
  key?: KeyObject;
  /** The X-Signature-Timestamp to sign and send, Unix seconds as a string (default: now). */
  timestamp?: string;
  /** Send this X-Signature-Ed25519 instead of the real one; null leaves the header out. */
  signature?: string | null;
  /** Send this X-Signature-Timestamp instead of the one signed; null leaves the header out. */
  sentTimestamp?: string | null;
  /** Send this body instead of the one signed (a body altered in transit). */
  sentBody?: string;
}

export interface HttpDelivery {
  status: number;
  headers: Record<string, string>;
  raw: Buffer;
  /** Milliseconds from sending the request to having read the whole answer. */
  ms: number;
}

export function signedHeaders(
  body: string,
  keys: SigningKeys,
  options: SignOptions = {},
): Record<string, string> {
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const signature = sign(
    null,
    Buffer.from(timestamp + body),
    options.key ?? keys.privateKey,
  ).toString("hex");
  const chosen = options.signature === undefined ? signature : options.signature;
  const sentTimestamp = options.sentTimestamp === undefined ? timestamp : options.sentTimestamp;
  return {
    "content-type": "application/json",
    "user-agent": "Discord-Interactions/1.0 (+https://discord.com)",
    ...(sentTimestamp !== null && { "x-signature-timestamp": sentTimestamp }),
    ...(chosen !== null && { "x-signature-ed25519": chosen }),
  };
}

/** POSTs `body` signed with `keys` to `url`, and reads the whole answer. */
export async function signedPost(
  url: string,
  body: string,
  keys: SigningKeys,
  options: SignOptions = {},
): Promise<HttpDelivery> {
  const headers = signedHeaders(body, keys, options);
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers,
    body: options.sentBody ?? body,
    signal: AbortSignal.timeout(10_000),
  });
  const raw = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    raw,
    ms: performance.now() - started,
  };
}
