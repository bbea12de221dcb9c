/**
 * Every text of the declaration a rule must never fire on: each clause's French original, its
 * working translations, titles and search aids. The invariant tests of the rule tables run on it.
 */
import { loadDeclaration } from "../../src/core/declaration.ts";
import type { ClauseId } from "../../src/core/types.ts";

export function declarationTexts(): { id: ClauseId; text: string }[] {
  return loadDeclaration().flatMap((c) =>
    [...Object.values(c.text), ...Object.values(c.aids).flat(), ...Object.values(c.title)].map(
      (text) => ({ id: c.id, text }),
    ),
  );
}
