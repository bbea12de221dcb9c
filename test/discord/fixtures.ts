/** Small hand-made clauses for rendering tests: no engine, any size we need. */
import type { Clause, ClauseId } from "../../src/core/types.ts";

export function clause(overrides: Partial<Clause> & { id?: ClauseId } = {}): Clause {
  return {
    id: "M3",
    kind: "measure",
    number: 3,
    position: 8,
    label: { fr: "Mesure 3", en: "Measure 3", ru: "Пункт 3" },
    title: {
      fr: "Prévenir les incidents militaires",
      en: "Preventing military incidents",
      ru: "Предотвращение инцидентов",
    },
    text: {
      fr: "3. Faciliter les contacts entre l’OTSC et l’OTAN afin de créer des mécanismes visant à prevenir les incidents militaires dangereux.",
      en: "3. Facilitate contacts between the CSTO and NATO to create mechanisms to prevent dangerous military incidents.",
      ru: "3. Содействовать контактам между ОДКБ и НАТО в целях создания механизмов предотвращения опасных военных инцидентов.",
    },
    aids: { fr: [], en: [], ru: [] },
    ...overrides,
  };
}

/** A clause whose every text is far beyond any Discord limit. */
export function hugeClause(): Clause {
  const long = (word: string) => Array.from({ length: 3000 }, () => word).join(" ");
  return clause({
    label: { fr: "L".repeat(300), en: "L".repeat(300), ru: "L".repeat(300) },
    title: { fr: "T".repeat(300), en: "T".repeat(300), ru: "T".repeat(300) },
    text: { fr: long("incidents*"), en: long("incidents_"), ru: long("инциденты") },
  });
}
