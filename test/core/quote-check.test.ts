/**
 * The quote checker on the cases of quote-cases.json (fr against the original, en and ru against
 * the working translations), plus the invariants: every clause checks verbatim in each language,
 * the JSON contract has exactly its five fields, and a quotation is misattributed only when the
 * message credits it to a clause it is not in.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold } from "../../src/core/analysis.ts";
import { loadDeclaration } from "../../src/core/declaration.ts";
import {
  checkText,
  getQuoteChecker,
  MAX_QUOTED,
  type QuoteCheck,
  toContract,
} from "../../src/core/quote/check.ts";
import { renderQuoteReports } from "../../src/core/quote/explain.ts";
import { framedQuotations } from "../../src/core/quote-cues.ts";
import { findQuotations } from "../../src/core/quote-tokens.ts";
import { readReferenceData } from "../../src/core/references.ts";
import { type ClauseId, LANGS, type Lang } from "../../src/core/types.ts";
import { normaliseForPatterns } from "../../src/core/word-patterns.ts";
import { bestTime, growth } from "../support/timing.ts";

interface Case {
  lang: string;
  why: string;
  text: string;
  expect: Partial<QuoteCheck> & Pick<QuoteCheck, "verdict">;
}

const { cases } = JSON.parse(
  readFileSync(new URL("./quote-cases.json", import.meta.url), "utf8"),
) as { cases: Case[] };

describe("quote cases (quote-cases.json)", () => {
  it("cover every verdict and flag in each language, with at least 40 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const verdicts = new Set(cases.map((c) => c.expect.verdict));
    expect([...verdicts].sort()).toEqual(
      ["composite", "misattributed", "near", "not-found", "too-short", "verbatim"].sort(),
    );
    const flags = new Set(cases.flatMap((c) => c.expect.flags ?? []));
    expect([...flags].sort()).toEqual(["accents", "negation", "number"]);
    for (const lang of LANGS) {
      const mine = cases.filter((c) => c.lang === lang);
      expect(mine.length, lang).toBeGreaterThanOrEqual(10);
    }
    expect(cases.some((c) => c.text.length > 100 && c.expect.verdict === "verbatim")).toBe(true);
  });

  it("credit a clause through every lead-in of data/references.json, in each language", () => {
    const texts = cases.map((c) => normaliseForPatterns(c.text));
    const missing = readReferenceData().leadIns.flatMap((r) =>
      (r.words ?? []).filter((w) => !texts.some((t) => t.includes(`${fold(w)} `))),
    );
    expect(missing).toEqual([]);
  });

  it("credit every named clause or group both rightly and wrongly", () => {
    const verdicts = new Map<string, Set<string>>();
    for (const c of cases) {
      for (const t of framedQuotations(c.text)[0]?.named ?? []) {
        if (t.kind === "out-of-range") continue;
        verdicts.set(t.id, (verdicts.get(t.id) ?? new Set()).add(c.expect.verdict));
      }
    }
    for (const r of readReferenceData().names) {
      const key = r.clauses.length === 1 ? (r.clauses[0] as string) : r.id;
      expect([...(verdicts.get(key) ?? [])].sort(), r.id).toEqual(
        expect.arrayContaining(["misattributed", "verbatim"]),
      );
    }
  });

  it.each(cases.map((c) => [`${c.lang}: ${c.why}`, c] as const))("%s", (_name, c) => {
    const [report] = checkText(c.text);
    expect(report).toBeDefined();
    const got = toContract(report as NonNullable<typeof report>);
    expect(got.verdict).toBe(c.expect.verdict);
    // No flags or changes given means none; clauses are checked when given.
    expect(got.flags, "flags").toEqual(c.expect.flags ?? []);
    expect(got.changes, "changes").toEqual(c.expect.changes ?? []);
    for (const key of ["clause", "clauses"] as const) {
      if (key in c.expect) expect(got[key], key).toEqual(c.expect[key]);
    }
    if (c.lang !== "fr" && got.verdict !== "too-short") expect(report?.lang).toBe(c.lang);
  });
});

describe("quotations in a message (findQuotations)", () => {
  const found = (text: string) => findQuotations(text).map((q) => q.text);

  it("reads single quotes, with the elisions and contractions inside them", () => {
    expect(
      found(
        "measure 5: 'participation mutuelle en tant qu'observateurs aux exercices de l'OTAN' — yes",
      ),
    ).toEqual(["participation mutuelle en tant qu'observateurs aux exercices de l'OTAN"]);
    expect(
      found("la mesure 3 dit ‘Faciliter les contacts entre l’OTSC et l’OTAN’, et c’est tout"),
    ).toEqual(["Faciliter les contacts entre l’OTSC et l’OTAN"]);
    expect(found("the text says 'the CSTO's readiness', doesn't it")).toEqual([
      "the CSTO's readiness",
    ]);
  });

  it("takes no apostrophe inside a word for a quotation mark", () => {
    expect(found("l'OTAN et l'OTSC, qu'en dit-on ? It's the ministers' text, isn't it?")).toEqual(
      [],
    );
    expect(found("don't 'open without closing")).toEqual([]);
  });
});

describe("quote checker", () => {
  const checker = getQuoteChecker();

  it("finds every clause verbatim in French, English and Russian", () => {
    for (const clause of loadDeclaration()) {
      for (const lang of LANGS) {
        const r = checker.check(clause.text[lang]);
        expect(r.verdict, `${clause.id} ${lang}`).toBe("verbatim");
        expect(r.clause, `${clause.id} ${lang}`).toBe(clause.id);
        expect(r.flags).toEqual([]);
      }
    }
  });

  it("prints exactly the contract's fields", () => {
    const [r] = checkText(
      "« Établir des contacts directs entre les secrétaires généraux des trois organisations »",
    );
    expect(Object.keys(toContract(r as NonNullable<typeof r>)).sort()).toEqual([
      "changes",
      "clause",
      "clauses",
      "flags",
      "verdict",
    ]);
  });

  it("checks each quotation of a text, with the words around them as framing", () => {
    const reports = checkText(
      "la mesure 4 dit « Organiser régulièrement des briefings » et la mesure 3 « Faciliter les contacts entre l’OTSC et l’OTAN »",
    );
    expect(reports.map((r) => r.verdict)).toEqual(["verbatim", "verbatim"]);
  });

  it("gives each quotation the clause named next to it, not one named elsewhere in the text", () => {
    const verdicts = (text: string) => checkText(text).map((r) => r.verdict);
    // A cue presents the first; the second's own lead-in names the right measure.
    expect(
      verdicts(
        'the text says "establish direct contacts between the Secretaries General of the two organizations" and measure 3 says "Facilitate contacts between the CSTO and NATO"',
      ),
    ).toEqual(["verbatim", "verbatim"]);
    // Each lead-in names the other quotation's measure.
    expect(
      verdicts(
        "la mesure 3 dit « Établir des contacts directs entre les secrétaires généraux » et la mesure 1 dit « Faciliter les contacts entre l’OTSC et l’OTAN »",
      ),
    ).toEqual(["misattributed", "misattributed"]);
    // A reference after a quotation, closed by punctuation, is that quotation's, not the next one's.
    expect(
      verdicts(
        "« Établir des contacts directs entre les secrétaires généraux » (mesure 3), puis « Faciliter les contacts entre l’OTSC et l’OTAN »",
      ),
    ).toEqual(["misattributed", "verbatim"]);
    expect(
      verdicts("« Faciliter les contacts entre l’OTSC et l’OTAN », dit la mesure 4 du texte"),
    ).toEqual(["misattributed"]);
  });

  it("reads « d'après la mesure 5 » as measure 5 itself, not the measure after it", () => {
    const quote =
      "« Viser à assurer la participation mutuelle en tant qu’observateurs aux exercices militaires de l’OTSC et de l’OTAN »";
    const check = (lead: string) => checkText(`${lead} ${quote}`).map((r) => [r.verdict, r.clause]);
    expect(check("D'après la mesure 5 :")).toEqual([["verbatim", "M5"]]);
    expect(check("Selon le point 5,")).toEqual([["verbatim", "M5"]]);
    // Without the lead-in, "après" is a position: the measure after measure 4 is measure 5.
    expect(check("après la mesure 4 vient")).toEqual([["verbatim", "M5"]]);
    expect(check("après la mesure 5 vient")).toEqual([["misattributed", "M5"]]);
  });

  it("reads a paragraph numbered without a kind as a measure, a recital or the document's paragraph", () => {
    const p2 =
      "« convaincus de la nécessité de poursuivre les efforts pour créer une nouvelle architecture de sécurité »";
    const verdicts = (lead: string) => checkText(`${lead} ${p2}`).map((r) => r.verdict);
    // The second recital, and the third paragraph of the document: no misattribution either way.
    expect(verdicts("во втором абзаце:")).toEqual(["verbatim"]);
    expect(verdicts("le paragraphe 3 dit")).toEqual(["verbatim"]);
    // Neither measure 5, recital 5 nor the fifth paragraph (the appeal) holds it.
    expect(verdicts("le paragraphe 5 dit")).toEqual(["misattributed"]);
    // A kind named with the number keeps to it.
    expect(verdicts("как сказано в абзаце 3 преамбулы:")).toEqual(["misattributed"]);
  });

  it("names a group credited wrongly by its own label, in the reader's language", () => {
    const [r] = checkText("le préambule dit « Faciliter les contacts entre l’OTSC et l’OTAN »");
    expect(r?.verdict).toBe("misattributed");
    const say = (lang: Lang) => renderQuoteReports(r ? [r] : [], lang);
    expect(say("fr")).toContain(
      "Ces mots sont dans Mesure 3 [M3], pas dans le préambule (l’ouverture et les considérants 1 à 4).",
    );
    expect(say("en")).toContain(
      "These words are in Measure 3 [M3], not in the preamble (the opening line and recitals 1–4).",
    );
    expect(say("ru")).toContain("а не из: преамбула (вступление и абзацы 1–4).");
  });

  it("shows a reordered quotation's change in place and the words it moved", () => {
    const reports = checkText(
      "« des démarches conjointes suivantes, à titre de mesures urgentes »",
    );
    expect(reports.map((r) => [r.verdict, r.clause, r.moved])).toEqual([
      ["near", "appeal", ["à titre de mesures"]],
    ]);
    const text = renderQuoteReports(reports, "en");
    expect(text).toContain('"prioritaires" → "urgentes"');
    expect(text).toContain("The word order differs; moved: « à titre de mesures ».");
    expect(text).toContain(
      "« à titre de mesures prioritaires, des démarches conjointes suivantes »",
    );
  });

  it("frames every quotation before keeping the first `max`", () => {
    // Cut first, the last kept quotation would take the next one's lead-in as its own framing.
    const text =
      "la mesure 1 dit « Faciliter les contacts entre l’OTSC et l’OTAN » et la mesure 3 dit « Établir des contacts directs entre les secrétaires généraux »";
    const verdicts = (max: number) => checkText(text, max).map((r) => [r.verdict, r.clause]);
    expect(verdicts(1)).toEqual([["misattributed", "M3"]]);
    expect(verdicts(2)).toEqual([
      ["misattributed", "M3"],
      ["misattributed", "M1"],
    ]);
  });

  it("does not let everyday short quotations use up the quotations checked", () => {
    const misquote =
      "la mesure 1 dit « Établir des contacts directs entre les secrétaires généraux des trois organisations »";
    const everyday = "il m’a dit « ok » puis « à demain » et « merci », ";
    const reports = checkText(`${everyday.repeat(4)}${misquote}`, MAX_QUOTED);
    expect(reports.map((r) => [r.verdict, r.clause, r.flags])).toEqual([
      ["near", "M1", ["number"]],
    ]);
    // Only short quotations: the first says it is too short to judge.
    expect(checkText(everyday).map((r) => r.verdict)).toEqual(["too-short"]);
  });

  it("stays fast on long or hostile input (each scan bounded)", () => {
    const hostile = [
      "de ".repeat(2000),
      "a".repeat(5000),
      `« ${"la sécurité ".repeat(300)} »`,
      "« ".repeat(3000),
      `${"[…] ".repeat(500)}Faciliter les contacts`,
      `« ${"et […] ".repeat(150)}Faciliter les contacts entre l’OTSC et l’OTAN »`,
      `${"« Faciliter les contacts entre l’OTSC » et la mesure 3 dit ".repeat(60)}`,
      `« ${"Фaciliter ".repeat(100)} »`,
    ];
    for (const text of hostile) {
      expect(bestTime(() => checkText(text), 300)).toBeLessThan(300);
    }
  });

  it("takes time in proportion to the input (4n takes well under 16 times n)", () => {
    // One quotation, near but not exact (the approximate search and the piece search both run),
    // from a quarter of the longest read up to all of it.
    const phrase = "Faciliter les rencontres entre l’OTSC et l’OTAN ";
    const quote = (n: number) => checkText(`« ${phrase.repeat(n).slice(0, 1000)} »`);
    // Fifteen tries each: the suite's end-to-end files load both CPUs while this runs.
    expect(growth(quote, 5, 15)).toBeLessThan(6);
    // Many quotations framed and measured: everyday short ones next to references.
    const many = (n: number) => checkText("la mesure 3 dit « ok » ".repeat(n));
    expect(growth(many, 150, 15)).toBeLessThan(6);
    // Two words a clause holds the other way round, again and again: each pair is a swap to try.
    const swaps = (n: number) =>
      checkText(`« ${"États les tous pour ".repeat(n).slice(0, 1000)} »`);
    expect(growth(swaps, 12, 15)).toBeLessThan(6);
  });
});

/**
 * The invariant behind "misattributed": a verbatim or near quotation is called misattributed
 * exactly when the words around it credit it, by number or by name, to clauses it is not in. A
 * cue ("the text says"), a lead-in to the text itself ("d'après le texte") and names used as
 * ordinary nouns ("en conclusion", "l'appel de 9 h", "the signatories wrote") credit nothing.
 */
describe("misattribution invariant", () => {
  type Frame = (q: string) => string;
  const NEUTRAL: Frame[] = [
    (q) => q,
    (q) => `la déclaration dit « ${q} »`,
    (q) => `D'après le texte, « ${q} »`,
    (q) => `according to the statement, "${q}"`,
    (q) => `согласно тексту, «${q}»`,
    (q) => `Quelle est la conclusion ? Le texte dit « ${q} »`,
    (q) => `En conclusion, la déclaration dit « ${q} »`,
    (q) => `In conclusion, the text says "${q}"`,
    (q) => `В заключение, в заявлении сказано: «${q}»`,
    (q) => `Ma conclusion : « ${q} »`,
    (q) => `J’ai raté l’appel de 9 h. Le texte dit « ${q} »`,
    (q) => `Ils lancent un appel : « ${q} »`,
    (q) => `the appeal of the protesters was loud, but the text says "${q}"`,
    (q) => `Les signataires écrivent « ${q} »`,
    (q) => `The signatories wrote "${q}"`,
    (q) => `Подписанты написали: «${q}»`,
    (q) => `a preamble is usually dull, but the text says "${q}"`,
    (q) => `I said the preamble is dull. The text says "${q}"`,
    (q) => `l’appel des syndicats dit « ${q} »`,
    (q) => `« ${q} », dit le texte.`,
    (q) => `"${q}" — that is what they wrote.`,
  ];
  const measures = [1, 2, 3, 4, 5, 6];
  const recitals = [1, 2, 3, 4];
  // Many readers count the opening line in the preamble; "the recitals" are the four only.
  const preamble: ClauseId[] = ["opening", "P1", "P2", "P3", "P4"];
  const recitalsOnly: ClauseId[] = ["P1", "P2", "P3", "P4"];
  const CREDITS: { ids: ClauseId[]; frame: Frame }[] = [
    ...measures.flatMap((n) => {
      const ids = [`M${n}` as ClauseId];
      return [
        { ids, frame: (q: string) => `D'après la mesure ${n}, « ${q} »` },
        { ids, frame: (q: string) => `selon le point ${n} : « ${q} »` },
        { ids, frame: (q: string) => `according to measure ${n}, "${q}"` },
        { ids, frame: (q: string) => `согласно пункту ${n}, «${q}»` },
        { ids, frame: (q: string) => `la mesure ${n} dit « ${q} »` },
        { ids, frame: (q: string) => `"${q}" (measure ${n})` },
        ...(n > 1
          ? [{ ids, frame: (q: string) => `après la mesure ${n - 1} vient « ${q} »` }]
          : []),
        ...(n > 1 ? [{ ids, frame: (q: string) => `after measure ${n - 1} comes "${q}"` }] : []),
      ];
    }),
    ...recitals.flatMap((n) => {
      const ids = [`P${n}` as ClauseId];
      return [
        { ids, frame: (q: string) => `Selon le considérant ${n}, « ${q} »` },
        { ids, frame: (q: string) => `as stated in recital ${n}, "${q}"` },
        { ids, frame: (q: string) => `как сказано в абзаце ${n} преамбулы: «${q}»` },
      ];
    }),
    { ids: preamble, frame: (q) => `le préambule dit « ${q} »` },
    { ids: preamble, frame: (q) => `According to the preamble, "${q}"` },
    { ids: preamble, frame: (q) => `В преамбуле говорится: «${q}»` },
    { ids: recitalsOnly, frame: (q) => `les considérants disent « ${q} »` },
    { ids: recitalsOnly, frame: (q) => `in the recitals: "${q}"` },
    { ids: ["closing"], frame: (q) => `la conclusion dit « ${q} »` },
    { ids: ["closing"], frame: (q) => `as the conclusion puts it, "${q}"` },
    { ids: ["closing"], frame: (q) => `В заключении сказано: «${q}»` },
    { ids: ["closing"], frame: (q) => `"${q}" (the conclusion)` },
    { ids: ["closing"], frame: (q) => `le dernier paragraphe dit « ${q} »` },
    { ids: ["appeal"], frame: (q) => `l’appel dit « ${q} »` },
    { ids: ["appeal"], frame: (q) => `the appeal says "${q}"` },
    { ids: ["appeal"], frame: (q) => `в призыве сказано: «${q}»` },
    { ids: ["opening"], frame: (q) => `L’ouverture dit « ${q} »` },
    { ids: ["opening"], frame: (q) => `the opening line reads "${q}"` },
    { ids: ["opening"], frame: (q) => `В первой строке сказано: «${q}»` },
    { ids: ["opening", ...preamble, "appeal"], frame: (q) => `Во вступлении сказано: «${q}»` },
    { ids: ["signatories"], frame: (q) => `the signatories paragraph says "${q}"` },
    { ids: ["signatories"], frame: (q) => `le paragraphe des signataires : « ${q} »` },
    { ids: ["signatories"], frame: (q) => `список подписантов гласит: «${q}»` },
  ];
  const FRAMES = [...NEUTRAL.map((frame) => ({ ids: [] as ClauseId[], frame })), ...CREDITS];

  /** Each clause in each language, whole (without its measure's number), and one word short. */
  const QUOTES = loadDeclaration().flatMap((c) =>
    LANGS.flatMap((lang) => {
      const exact = c.text[lang].replace(/^\d\.\s/u, "").replace(/[,:.]$/u, "");
      const words = exact.split(" ");
      const middle = Math.floor(words.length / 2);
      const near = [...words.slice(0, middle), ...words.slice(middle + 1)].join(" ");
      return [
        { id: c.id, lang, quote: exact, kind: "exact" },
        { id: c.id, lang, quote: near, kind: "near" },
      ];
    }),
  );

  it("holds for every clause in every language, exact or near, whatever frames it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QUOTES),
        fc.constantFrom(...FRAMES),
        ({ id, quote, kind }, { ids, frame }) => {
          const [r] = checkText(frame(quote));
          expect(r?.clause).toBe(id);
          const wrong = ids.length > 0 && !ids.includes(id);
          const fair = kind === "exact" ? "verbatim" : "near";
          expect(r?.verdict).toBe(wrong ? "misattributed" : fair);
        },
      ),
      { numRuns: 600 },
    );
  });

  it("never credits through a number written inside the quotation: a wrong one is a changed number", () => {
    const numbers = [1, 2, 3, 4, 5, 6, 7, 9];
    fc.assert(
      fc.property(
        fc.constantFrom(...QUOTES.filter((q) => q.kind === "exact")),
        fc.constantFrom(...numbers),
        fc.constantFrom(...NEUTRAL),
        ({ id, quote }, n, frame) => {
          const [r] = checkText(frame(`${n}. ${quote}`));
          // Only a measure's text starts with its number; a recital's number is not in its text.
          const clause = loadDeclaration().find((c) => c.id === id);
          const own = clause?.kind === "measure" && clause.number === n;
          expect([r?.verdict, r?.clause], frame(`${n}. ${quote}`)).toEqual([
            own ? "verbatim" : "near",
            id,
          ]);
          if (!own) expect(r?.flags).toContain("number");
        },
      ),
      { numRuns: 400 },
    );
  });

  it("credits nothing through a cue or a name used as an ordinary noun, for any clause", () => {
    for (const { id, quote } of QUOTES.filter((q) => q.kind === "exact")) {
      for (const frame of NEUTRAL) {
        const [r] = checkText(frame(quote));
        expect([r?.verdict, r?.clause], frame(quote)).toEqual(["verbatim", id]);
      }
    }
  });
});
