/**
 * The two ways the store fails, each with a message a person can act on. The message never holds
 * a password: a PostgreSQL location is always written as host, port and database alone.
 */

/** The store cannot be opened: the bot does not start, and says why in one line. */
export class StoreUnavailable extends Error {
  override name = "StoreUnavailable";
}

/**
 * A write that was not saved (the database is down or refused it). The user is told to try again
 * in a minute: nothing is acknowledged that was not stored.
 */
export class StoreWriteFailed extends Error {
  override name = "StoreWriteFailed";
  constructor(
    readonly operation: string,
    options: { cause: unknown },
  ) {
    super(`the store could not save ${operation}`, options);
  }
}

/** Where a PostgreSQL URL points, without its user or password: for logs and error lines. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const database = parsed.pathname.replace(/^\//, "") || "(default database)";
    return `${parsed.hostname || "localhost"}:${parsed.port || "5432"}/${database}`;
  } catch {
    return "(an unreadable DATABASE_URL)";
  }
}
