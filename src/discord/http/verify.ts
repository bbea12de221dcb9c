/**
 * Discord signs every request to the interactions endpoint with the application's Ed25519 key: the
 * signature (X-Signature-Ed25519, hex) covers X-Signature-Timestamp followed by the raw body.
 * Node's crypto verifies Ed25519 itself; the key object is built once from the 32 raw bytes. The
 * check is synchronous (a fraction of a millisecond): handing it to libuv's thread pool (the
 * callback form) measured no faster under a burst and slower for one request at a time.
 *
 * Beyond the signature, the timestamp must be within REPLAY_WINDOW_S of now, either way: Discord
 * documents no window, and without one a captured request could be replayed forever.
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";

/** How far the signed timestamp may be from this machine's clock, in seconds, in either direction. */
export const REPLAY_WINDOW_S = 5 * 60;

/** 64 bytes of signature in hex; Buffer.from(…, "hex") would silently drop anything else. */
const SIGNATURE = /^[0-9a-f]{128}$/i;
/** Unix seconds, as Discord sends them. */
const TIMESTAMP = /^\d{1,12}$/;

export type SignatureRefusal =
  | "no-signature"
  | "malformed-signature"
  | "stale-timestamp"
  | "bad-signature";

export interface SignedHeaders {
  signature: string | undefined;
  timestamp: string | undefined;
}

export interface SignatureVerifier {
  /** What is wrong with the headers alone (checked before the body is read), or null. */
  checkHeaders(headers: SignedHeaders, now?: number): SignatureRefusal | null;
  /** Whether `signature` is the key's signature of timestamp + body. */
  verify(headers: SignedHeaders, body: Buffer): boolean;
}

/** `publicKeyHex`: the Developer Portal's public key (64 hex characters, as config.ts checks). */
export function createSignatureVerifier(publicKeyHex: string): SignatureVerifier {
  const key: KeyObject = createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(publicKeyHex, "hex").toString("base64url") },
    format: "jwk",
  });
  return {
    checkHeaders({ signature, timestamp }, now = Date.now()) {
      if (!signature || !timestamp) return "no-signature";
      if (!SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp)) return "malformed-signature";
      return Math.abs(now / 1000 - Number(timestamp)) > REPLAY_WINDOW_S ? "stale-timestamp" : null;
    },
    verify({ signature, timestamp }, body) {
      if (!signature || !timestamp || !SIGNATURE.test(signature)) return false;
      const message = Buffer.concat([Buffer.from(timestamp, "utf8"), body]);
      return verify(null, message, key, Buffer.from(signature, "hex"));
    },
  };
}
