/**
 * A `ReplyableError` is a problem the user can fix (an unknown clause, a bad number, a missing
 * permission): it is answered ephemerally with its message and logged at info level. Any other
 * exception is a bug: logged as an error, answered with a generic apology.
 */
export class ReplyableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReplyableError";
  }
}
