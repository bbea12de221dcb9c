/**
 * A clause named by how it begins or ends: "le considérant qui commence par « convaincus »", "the
 * paragraph that starts with 'guided by'", "пункт, который заканчивается словами «в этой
 * области»". The words of data/references.json's `beginsWith` and `endsWith` tables, right before
 * a quotation, make it the start or the end of a clause's text (in any language the bot shows).
 */
import { straightenApostrophes } from "./analysis.ts";
import { coverWords } from "./phrase-cover.ts";
import { quotationMarks } from "./quotation-marks.ts";
import { REFERENCE_DATA } from "./references.ts";
import { type Clause, LANGS } from "./types.ts";
import { ENTRY_END, normaliseForPatterns, wordListSource } from "./word-patterns.ts";

const words = REFERENCE_DATA.words;
const BEGINS = new RegExp(`${wordListSource(words.beginsWith ?? {})}${ENTRY_END}[\\s:,]*$`, "u");
const ENDS = new RegExp(`${wordListSource(words.endsWith ?? {})}${ENTRY_END}[\\s:,]*$`, "u");

const MAX_QUOTATIONS_READ = 4;

/** How many of the quoted words must be given: one is enough for "convaincus", not for "la". */
const MIN_CHARS = 5;

/** Each clause's text in each language as compared, worked out once per clause. */
const CLAUSE_WORDS = new WeakMap<Clause, string[]>();

function wordsOf(clause: Clause): string[] {
  let texts = CLAUSE_WORDS.get(clause);
  if (!texts) {
    // A measure's text may start with its number ("5. Viser…"): the words start after it.
    texts = LANGS.map((lang) =>
      coverWords(clause.text[lang].replace(/^\s*\d+\.\s*/, "")).join(" "),
    );
    CLAUSE_WORDS.set(clause, texts);
  }
  return texts;
}

/** The clause whose text begins (or ends) with the quotation the message names so; else undefined. */
export function clauseByEdgeWords(message: string, clauses: readonly Clause[]): Clause | undefined {
  let read = 0;
  for (const q of quotationMarks(message)) {
    // A message names a clause by its edge words once or twice, not in every quotation.
    if (++read > MAX_QUOTATIONS_READ) break;
    const before = normaliseForPatterns(message.slice(Math.max(0, q.start - 60), q.start));
    const side = BEGINS.test(before) ? "start" : ENDS.test(before) ? "end" : null;
    const quoted = coverWords(straightenApostrophes(q.text)).join(" ");
    if (!side || quoted.length < MIN_CHARS) continue;
    const found = clauses.filter((c) =>
      wordsOf(c).some((text) =>
        side === "start" ? text.startsWith(quoted) : text.endsWith(quoted),
      ),
    );
    if (found.length === 1) return found[0];
  }
  return undefined;
}

/** The one clause whose text begins with `words` ("nous, ministres", "convaincus"); else undefined. */
export function clauseStartingWith(words: string, clauses: readonly Clause[]): Clause | undefined {
  const start = coverWords(straightenApostrophes(words)).join(" ");
  if (start.length < MIN_CHARS) return undefined;
  const found = clauses.filter((c) => wordsOf(c).some((text) => text.startsWith(start)));
  return found.length === 1 ? found[0] : undefined;
}

/** A quotation of fewer words is a keyword in quotation marks ("« confiance »"), not a passage. */
const MIN_QUOTED_WORDS = 3;

/**
 * The one clause that holds, word for word, a passage the message quotes ("« observateurs aux
 * activités de l'OTSC », ça parle des exercices ou de la drogue ?"); else undefined. A passage two
 * clauses share names neither.
 */
export function clauseQuoted(message: string, clauses: readonly Clause[]): Clause | undefined {
  let read = 0;
  for (const q of quotationMarks(message)) {
    if (++read > MAX_QUOTATIONS_READ) break;
    const words = coverWords(straightenApostrophes(q.text));
    if (words.length < MIN_QUOTED_WORDS) continue;
    const quoted = ` ${words.join(" ")} `;
    const found = clauses.filter((c) => wordsOf(c).some((text) => ` ${text} `.includes(quoted)));
    if (found.length === 1) return found[0];
  }
  return undefined;
}

/** A message of fewer words is a keyword, not a clause's beginning ("nous", "convaincus"). */
const MIN_OPENING_WORDS = 2;

/**
 * A message made only of a clause's first words, quoted or not ("nous, ministres", "« Créer un
 * mécanisme »"): that clause, when exactly one clause begins so. The words are the clause's own,
 * yet the search would weigh "ministres" in every clause that names them.
 */
export function clauseOpenedBy(message: string, clauses: readonly Clause[]): Clause | undefined {
  const words = coverWords(straightenApostrophes(message.slice(0, MAX_OPENING_CHARS)));
  if (words.length < MIN_OPENING_WORDS) return undefined;
  return clauseStartingWith(words.join(" "), clauses);
}

/** Longer than any clause's opening a message would repeat. */
const MAX_OPENING_CHARS = 200;
