/**
 * `npm run migrate`'s work: copies an SQLite store (DATA_DIR) into PostgreSQL. The SQLite file is
 * opened read-only and left as it was. Every row goes in with INSERT … ON CONFLICT DO NOTHING on
 * its key, so a second run copies nothing new and rows already in PostgreSQL are never changed.
 * The salt goes first: votes are only meaningful under the salt that hashed their user ids.
 *
 * A dry run does the same copy inside a transaction that is rolled back: its counts are exact.
 */
import Database from "better-sqlite3";
import { sql } from "kysely";
import type { Connection } from "./connection.ts";
import { StoreUnavailable } from "./errors.ts";
import { readSaltFile, storedSaltRow, storeSalt } from "./salt.ts";
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
    const tables: TableCount[] = [];
    let saltResult: "copied" | "same" | "none" = salt === null ? "none" : "same";
    try {
      await target.db.transaction().execute(async (trx) => {
        if (salt !== null && there === null) {
          await storeSalt({ ...target, db: trx }, salt);
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
