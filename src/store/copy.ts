/**
 * `npm run migrate`'s work: copies an SQLite store (DATA_DIR) into PostgreSQL. The SQLite file is
 * opened read-only and left as it was. Every row goes in with INSERT … ON CONFLICT DO NOTHING on
 * its key, so a second run copies nothing new and rows already in PostgreSQL are never changed.
 * The salt goes first: votes are only meaningful under the salt that hashed their user ids.
 *
 * A dry run does the same copy inside a transaction that is rolled back: its counts are exact.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "kysely";
import type { Connection } from "./connection.ts";
import { StoreUnavailable } from "./errors.ts";
import { FLAG_COLUMNS } from "./migrations.ts";
import { readSaltFile, SALT_FILE, storedSaltRow, storeSalt } from "./salt.ts";
import type { Tables } from "./schema.ts";

/** The tables copied, with their keys; seen_interactions is minutes of memory, not worth moving. */
const COPIED = {
  guild_settings: ["guild_id"],
  qa_channels: ["guild_id", "channel_id"],
  feedback_answers: ["answer_id"],
  feedback_votes: ["answer_id", "user_hash"],
} as const satisfies Partial<Record<keyof Tables, readonly string[]>>;

type CopiedTable = keyof typeof COPIED;

export interface TableCount {
  table: string;
  /** Rows in the SQLite file. */
  source: number;
  /** Rows copied (would be, in a dry run); the rest were there already. */
  copied: number;
}

/** Columns every row must have in PostgreSQL, for a file made before they existed. */
const FILLED: Partial<
  Record<CopiedTable, (row: Record<string, unknown>) => Record<string, unknown>>
> = {
  // A file older than some on/off settings has their defaults.
  guild_settings: (row) =>
    Object.fromEntries(
      Object.values(FLAG_COLUMNS).map((f) => [f.column, row[f.column] ?? (f.default ? 1 : 0)]),
    ),
  qa_channels: (row) => ({ position: row.position ?? row._rowid ?? 0 }),
  feedback_votes: (row) => ({ previous_vote: row.previous_vote ?? null }),
};

const BATCH = 500;

class DryRun extends Error {}

function sourceRows(file: Database.Database, table: CopiedTable): Record<string, unknown>[] {
  const exists = file
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(table);
  if (!exists) return [];
  return file.prepare(`SELECT rowid AS _rowid, * FROM ${table}`).all() as Record<string, unknown>[];
}

async function columnsOf(target: Connection, table: CopiedTable): Promise<string[]> {
  const { rows } = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table}`.execute(target.db);
  return rows.map((r) => r.column_name);
}

async function copyTable(
  target: Connection["db"],
  table: CopiedTable,
  rows: Record<string, unknown>[],
  columns: string[],
): Promise<number> {
  let copied = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((row) => {
      const full = { ...row, ...FILLED[table]?.(row) };
      return Object.fromEntries(columns.map((c) => [c, full[c] ?? null]));
    });
    const result = await target
      // biome-ignore lint/suspicious/noExplicitAny: the row's columns are read from the database itself
      .insertInto(table as any)
      .values(batch)
      .onConflict((oc) => oc.columns([...COPIED[table]]).doNothing())
      .executeTakeFirst();
    copied += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return copied;
}

/** Copies `dataDir`'s store into `target`; with `dryRun`, counts without writing anything. */
export async function copySqliteInto(
  file: string,
  dataDir: string,
  target: Connection,
  { dryRun }: { dryRun: boolean },
): Promise<{ tables: TableCount[]; salt: "copied" | "same" | "none" }> {
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const salt = readSaltFile(dataDir);
    const there = await storedSaltRow(target);
    if (salt !== null && there !== null && there !== salt) {
      throw new StoreUnavailable(
        "PostgreSQL already holds another installation's salt: its votes and these cannot be mixed (copy into an empty database)",
      );
    }
    if (salt === null && sourceRows(source, "feedback_votes").length > 0) {
      // Votes whose salt is lost can never be matched to anyone again: copying them would only
      // stop every replica at start.
      throw new StoreUnavailable(
        `${path.join(dataDir, SALT_FILE)} is missing, but the SQLite store holds votes hashed with it: restore it from a backup before copying`,
      );
    }
    const tables: TableCount[] = [];
    let saltResult: "copied" | "same" | "none" = salt === null ? "none" : "same";
    try {
      await target.db.transaction().execute(async (trx) => {
        if (salt !== null && there === null) {
          // A replica may have started meanwhile and stored a salt of its own.
          if (!(await storeSalt({ ...target, db: trx }, salt))) {
            throw new StoreUnavailable(
              "a replica stored its own salt in PostgreSQL while copying: stop the replicas and copy into an empty database",
            );
          }
          saltResult = "copied";
        }
        for (const table of Object.keys(COPIED) as CopiedTable[]) {
          const rows = sourceRows(source, table);
          const copied = await copyTable(trx, table, rows, await columnsOf(target, table));
          tables.push({ table, source: rows.length, copied });
        }
        if (dryRun) throw new DryRun();
      });
    } catch (error) {
      if (!(error instanceof DryRun)) throw error;
    }
    return { tables, salt: saltResult };
  } finally {
    source.close();
  }
}
