/**
 * The per-installation salt that user ids are hashed with before any feedback is stored. It is made
 * on first run and kept in DATA_DIR, so the same user hashes the same way across restarts (one vote
 * per answer, /privacy forget) while the hashes mean nothing without this installation's file.
 */
import { createHmac, randomBytes } from "node:crypto";
import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SALT_FILE = "feedback-salt";

const SALT_SHAPE = /^[0-9a-f]{64}$/;

/**
 * Reads DATA_DIR's salt, creating it when absent. Shard processes starting together may race: the
 * salt is written to a file of its own and then hard-linked into place, which either succeeds
 * whole or fails because another process won, so nobody ever reads a half-written salt.
 */
export function loadSalt(dataDir: string): string {
  if (dataDir === ":memory:") return randomBytes(32).toString("hex");
  const file = path.join(dataDir, SALT_FILE);
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    writeFileSync(draft, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
    linkSync(draft, file);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "EEXIST") throw error;
  } finally {
    try {
      unlinkSync(draft);
    } catch {
      // Never written: nothing to clean up.
    }
  }
  const salt = readFileSync(file, "utf8").trim();
  if (!SALT_SHAPE.test(salt)) {
    throw new Error(`${file} is not a salt this bot wrote: move it away to start a new one`);
  }
  return salt;
}

/** A user id as stored: HMAC-SHA256 under the installation's salt. */
export function hashUserId(salt: string, userId: string): string {
  return createHmac("sha256", salt).update(userId).digest("hex");
}
