/**
 * `npm run migrate -- --to "$DATABASE_URL"`: copies this host's SQLite store (DATA_DIR) into
 * PostgreSQL, before replicas start sharing it. Idempotent, and the SQLite file stays as it was.
 *   --dry-run   says what it would copy, and copies nothing
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, databaseFrom, dataDirFrom } from "../config.ts";
import { createLogger } from "../log.ts";
import { copySqliteInto } from "../store/copy.ts";
import { openConnection } from "../store/index.ts";
import { SETTINGS_FILE } from "../store/sqlite.ts";
import { readArgs, runAsScript, usageError } from "./args.ts";

const USAGE = `usage: npm run migrate -- --to postgres://user:password@host:5432/db [--dry-run]
  --to URL     the PostgreSQL database to copy into (the replicas' DATABASE_URL)
  --dry-run    count what would be copied; write nothing
  -h, --help   this help
Copies DATA_DIR's SQLite store (settings, Q&A channels, feedback, the salt) into PostgreSQL.
Rows already there are kept as they are, so running it twice copies nothing new.`;

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = readArgs(
    (args) =>
      parseArgs({
        args,
        options: {
          to: { type: "string" },
          "dry-run": { type: "boolean", default: false },
          help: { type: "boolean", short: "h", default: false },
        },
      }),
    argv,
    USAGE,
  );
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  if (values.to === undefined) return usageError("--to is required", USAGE);
  const problems: string[] = [];
  const database = databaseFrom({ DATABASE_URL: values.to }, problems);
  if (database === null)
    throw new ConfigError(problems.map((p) => p.replace("DATABASE_URL", "--to")));
  const dataDir = dataDirFrom(env);
  const file = path.join(dataDir, SETTINGS_FILE);
  if (!existsSync(file)) {
    process.stderr.write(`No SQLite store in ${dataDir} (${SETTINGS_FILE}): nothing to copy.\n`);
    return 1;
  }
  const target = await openConnection({
    dataDir,
    databaseUrl: database.url,
    logger: createLogger("silent"),
  });
  try {
    const dryRun = values["dry-run"];
    const { tables, salt } = await copySqliteInto(file, dataDir, target, { dryRun });
    const verb = dryRun ? "would copy" : "copied";
    process.stdout.write(
      `${dryRun ? "Dry run: " : ""}${file} → PostgreSQL at ${target.location}\n`,
    );
    for (const t of tables) {
      const already = t.source - t.copied;
      process.stdout.write(
        `  ${t.table.padEnd(18)} ${verb} ${t.copied} of ${t.source}${already > 0 ? ` (${already} already there)` : ""}\n`,
      );
    }
    const saltLine = {
      copied: `${verb} the salt`,
      same: "salt already there",
      none: "no salt file",
    };
    process.stdout.write(`  ${"salt".padEnd(18)} ${saltLine[salt]}\n`);
    return 0;
  } finally {
    await target.close();
  }
}

runAsScript(import.meta, main);
