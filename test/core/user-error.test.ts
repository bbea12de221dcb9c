/**
 * User errors (core/user-error.ts) are an id and parameters; `sayUserError` renders them in the
 * reader's language, the one place they become words. Every id renders in every language.
 */
import { describe, expect, it } from "vitest";
import { outOfRangeError } from "../../src/core/answer-text.ts";
import { CLAUSE_COUNTS } from "../../src/core/declaration.ts";
import { LANGS } from "../../src/core/types.ts";
import {
  sayUserError,
  UserError,
  type UserErrorId,
  type UserErrorSpec,
} from "../../src/core/user-error.ts";
import { CATALOGUES } from "../../src/text/index.ts";

/** One error of each id, with parameters where its text takes some: a new id must be added here. */
const SAMPLES: { [I in UserErrorId]: Extract<UserErrorSpec, { id: I }> } = {
  measureMissing: { id: "measureMissing", params: { max: 21 } },
  measureMalformed: { id: "measureMalformed", params: { shown: "abc", max: 21 } },
  measureOutOfRange: { id: "measureOutOfRange", params: { requested: 22, available: 21 } },
  recitalOutOfRange: { id: "recitalOutOfRange", params: { requested: 9, available: 5 } },
  quoteUnknown: { id: "quoteUnknown", params: { shown: "zzz" } },
  emptyQuestion: { id: "emptyQuestion" },
  emptyMessage: { id: "emptyMessage" },
  citesNothing: { id: "citesNothing" },
  guildOnly: { id: "guildOnly" },
  needsManageGuild: { id: "needsManageGuild" },
  invalidValue: { id: "invalidValue" },
  wrongChannel: { id: "wrongChannel" },
  tooManyChannels: { id: "tooManyChannels", params: { max: 20 } },
  outdatedComponent: { id: "outdatedComponent" },
  rateLimited: { id: "rateLimited", params: { seconds: 7 } },
};

describe("user errors", () => {
  it("cover every error text of the catalogue", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(CATALOGUES.fr.errors).sort());
  });

  it.each(LANGS)("render every id in %s, with their parameters", (lang) => {
    for (const spec of Object.values(SAMPLES)) {
      const text = sayUserError(new UserError(spec), lang);
      expect(text.trim(), spec.id).not.toBe("");
      expect(text, spec.id).not.toMatch(/[{}]/);
      for (const value of Object.values(spec.params ?? {}))
        expect(text, spec.id).toContain(String(value));
    }
  });

  it("name themselves in logs by their id, unless told otherwise", () => {
    expect(new UserError(SAMPLES.measureMalformed).reason).toBe("measure-malformed");
    expect(new UserError(SAMPLES.rateLimited).reason).toBe("rate-limited");
    const quoted = outOfRangeError(
      { clauseKind: "recital", requested: 9, available: 5 },
      "quote-out-of-range",
    );
    expect(quoted).toMatchObject({ id: "recitalOutOfRange", reason: "quote-out-of-range" });
  });

  it("carry no sentence: the message is the id, the words come only when said", () => {
    const error = new UserError(SAMPLES.quoteUnknown);
    expect(error.message).toBe("quoteUnknown");
    expect(sayUserError(error, "fr")).toBe(
      `Aucune clause ne correspond à « zzz ». Essayez un identifiant (M3, P2, signatories), un numéro de mesure (1 à ${CLAUSE_COUNTS.measure}) ou un intitulé.`,
    );
  });
});
