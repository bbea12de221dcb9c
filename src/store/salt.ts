/**
 * The per-installation salt that user ids are hashed with before any feedback is stored, so the
 * same user hashes the same way across restarts and replicas (one vote per answer, /privacy forget)
 * while the hashes mean nothing without the salt.
 *
 * Where it lives: on SQLite, a file of its own in DATA_DIR (a copy of settings.db alone does not
 * carry it); on PostgreSQL, in the `installation` table, because every replica needs the same one.
 *
 * A salt that goes missing while votes hashed with it are stored is never silently replaced: those
 * votes could no longer be found, changed or forgotten. The start stops with one line instead.
 */
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Connection } from "./connection.ts";
import { StoreUnavailable } from "./errors.ts";

export const SALT_FILE = "feedback-salt";
const SALT_KEY = "feedback_salt";

const SALT_SHAPE = /^[0-9a-f]{64}$/;

/** What to do about a lost salt, in the words of the start-up line. */
export const START_OVER = "npm run review -- --drop-votes";

const newSalt = () => randomBytes(32).toString("hex");

async function storedVotes(conn: Connection): Promise<number> {
  const row = await conn.db
    .selectFrom("feedback_votes")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

function missing(where: string, votes: number): StoreUnavailable {
  return new StoreUnavailable(
    `the feedback salt (${where}) is missing, but ${votes} vote(s) hashed with it are stored: restore it from a backup, or start over on purpose with \`${START_OVER}\` (deletes those votes)`,
  );
}

/** The installation's salt: read, or made when there is none and nothing depends on one. */
export async function loadSalt(conn: Connection, dataDir: string): Promise<string> {
  return conn.engine === "sqlite" ? loadSaltFile(conn, dataDir) : loadSaltRow(conn);
}

/**
 * Shard processes starting together may race: the salt is written to a file of its own and then
 * hard-linked into place, which either succeeds whole or fails because another process won, so
 * nobody ever reads a half-written salt.
 */
async function loadSaltFile(conn: Connection, dataDir: string): Promise<string> {
  if (dataDir === ":memory:") return newSalt();
  const file = path.join(dataDir, SALT_FILE);
  if (!existsSync(file)) {
    const votes = await storedVotes(conn);
    if (votes > 0) throw missing(file, votes);
    const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    try {
      writeFileSync(draft, `${newSalt()}\n`, { mode: 0o600 });
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
  }
  const salt = readFileSync(file, "utf8").trim();
  if (!SALT_SHAPE.test(salt)) {
    throw new StoreUnavailable(`${file} is not a salt this bot wrote: restore it from a backup`);
  }
  return salt;
}

/** Replicas starting together each offer a salt; the first one stored is everybody's. */
async function loadSaltRow(conn: Connection): Promise<string> {
  let salt = await storedSaltRow(conn);
  if (salt === null) {
    const votes = await storedVotes(conn);
    if (votes > 0) throw missing(`the installation table's ${SALT_KEY} row`, votes);
    await storeSalt(conn, newSalt());
    salt = await storedSaltRow(conn);
  }
  if (salt === null || !SALT_SHAPE.test(salt)) {
    throw new StoreUnavailable(`the ${SALT_KEY} row in the installation table is not a salt`);
  }
  return salt;
}

/** Stores `salt` unless one is there already; true when this one was stored. */
export async function storeSalt(conn: Connection, salt: string): Promise<boolean> {
  const result = await conn.db
    .insertInto("installation")
    .values({ key: SALT_KEY, value: salt })
    .onConflict((oc) => oc.column("key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The salt as stored in PostgreSQL's installation table (for `npm run migrate`), or null. */
export async function storedSaltRow(conn: Connection): Promise<string | null> {
  const row = await conn.db
    .selectFrom("installation")
    .select("value")
    .where("key", "=", SALT_KEY)
    .executeTakeFirst();
  return row?.value ?? null;
}

/** The salt file of DATA_DIR, or null when there is none (for `npm run migrate`). */
export function readSaltFile(dataDir: string): string | null {
  const file = path.join(dataDir, SALT_FILE);
  if (!existsSync(file)) return null;
  const salt = readFileSync(file, "utf8").trim();
  return SALT_SHAPE.test(salt) ? salt : null;
}

/** A user id as stored: HMAC-SHA256 under the installation's salt. */
export function hashUserId(salt: string, userId: string): string {
  return createHmac("sha256", salt).update(userId).digest("hex");
}
