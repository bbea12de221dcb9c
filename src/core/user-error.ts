/**
 * A problem the user can fix (an unknown clause, a bad number, a missing permission): an id from
 * the catalogue's `errors` and the parameters its text takes, never a sentence. Where it is
 * answered, `sayUserError` renders it in the reader's language: Discord answers it privately
 * (handlers/interactions.ts) and logs it at info level, the console prints it. Any other
 * exception is a bug.
 */
import type { ParamsOf } from "../text/catalogue.ts";
import { textsFor, type UserErrorTexts } from "../text/index.ts";
import type { Lang } from "./types.ts";

export type UserErrorId = keyof UserErrorTexts;

/** The parameters of error `id`'s text; `never` when it takes none. */
export type UserErrorParams<I extends UserErrorId> = ParamsOf<UserErrorTexts[I]>;

/** One user error: its id, its parameters when its text takes some, and how logs name it. */
export type UserErrorSpec = {
  [I in UserErrorId]: { id: I; reason?: string } & ([UserErrorParams<I>] extends [never]
    ? { params?: undefined }
    : { params: UserErrorParams<I> });
}[UserErrorId];

export class UserError extends Error {
  readonly id: UserErrorId;
  readonly params: Readonly<Record<string, string | number>>;
  /**
   * What the log line says ("measure-malformed"): the id in kebab case unless the spec names
   * another. The text itself often quotes what the user typed, which is logged only with
   * LOG_QUESTIONS=true.
   */
  readonly reason: string;

  constructor(spec: UserErrorSpec) {
    super(spec.id);
    this.name = "UserError";
    this.id = spec.id;
    this.params = spec.params ?? {};
    this.reason = spec.reason ?? spec.id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  }
}

/** The text of `error` in `lang`: the one place a user error becomes words. */
export function sayUserError(error: UserError, lang: Lang): string {
  // The spec typed the parameters per id when the error was made.
  const text = textsFor(lang).errors[error.id] as
    | string
    | ((params: UserError["params"]) => string);
  return typeof text === "string" ? text : text(error.params);
}
