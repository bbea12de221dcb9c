/**
 * The limits quote checking and auto-quoting share, apart from the checker itself so that what
 * only quotes clauses (the "Quote cited clauses" command) does not load the checker's libraries.
 */

/** Shorter quotations are too short to judge ("la sécurité" is in half the clauses). */
export const MIN_QUOTE_CHARS = 12;
/** At most this many quotations checked, or clauses quoted, in one reply. */
export const MAX_QUOTED = 3;
