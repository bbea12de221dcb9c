/**
 * A `ReplyableError` is a problem the user can fix (an unknown clause, a bad number, a missing
 * permission): it is answered ephemerally with its message and logged at info level. Any other
 * exception is a bug: logged as an error, answered with a generic apology.
 */

export class ReplyableError extends Error {
  /**
   * `reason` is what the log line says (a short code such as "measure-malformed"): the message
   * itself often quotes what the user typed, which is logged only with LOG_QUESTIONS=true.
   */
  constructor(
    message: string,
    readonly reason = "user-error",
  ) {
    super(message);
    this.name = "ReplyableError";
  }
}
