import { describe, expect, it } from "vitest";
import { CLAUSE_COUNTS } from "../../src/core/declaration.ts";
import { Engine, getEngine, MAX_QUESTION_CHARS } from "../../src/core/engine.ts";
import type { Answer } from "../../src/core/types.ts";
import { bestTime, growth } from "../support/timing.ts";

const engine = getEngine();
const answered = (a: Answer) => (a.kind === "clause" ? a.clause.id : a.kind);

describe("lookup", () => {
  it("returns a measure by number and nothing outside the measures", () => {
    expect(engine.measure(3)?.id).toBe("M3");
    expect(engine.measure(0)).toBeUndefined();
    expect(engine.measure(CLAUSE_COUNTS.measure)).toBeDefined();
    expect(engine.measure(CLAUSE_COUNTS.measure + 1)).toBeUndefined();
    expect(engine.measure(2.5)).toBeUndefined();
  });

  it("returns a clause by id, whatever the case", () => {
    expect(engine.clause("m4")?.id).toBe("M4");
    expect(engine.clause("Signatories")?.id).toBe("signatories");
    expect(engine.clause("nope")).toBeUndefined();
  });

  it("knows each clause's neighbours in reading order", () => {
    expect(engine.neighbours("appeal")).toMatchObject({
      previous: { id: "P4" },
      next: { id: "M1" },
    });
    expect(engine.neighbours("opening").previous).toBeUndefined();
    expect(engine.neighbours("signatories").next).toBeUndefined();
  });

  it("resolves /quote arguments: ids, bare numbers, labels and phrases", () => {
    expect(engine.resolve("M3")?.id).toBe("M3");
    expect(engine.resolve("5")?.id).toBe("M5");
    expect(engine.resolve("Considérant 2")?.id).toBe("P2");
    expect(engine.resolve("recital 4")?.id).toBe("P4");
    expect(engine.resolve("signataires")?.id).toBe("signatories");
    expect(engine.resolve("9")).toBeUndefined();
    expect(engine.resolve("")).toBeUndefined();
  });

  it("suggests clauses for autocomplete, all of them for empty input", () => {
    expect(engine.suggest("", { lang: "fr" })).toHaveLength(engine.clauses.length);
    expect(engine.suggest("drog", { lang: "fr" })[0]?.id).toBe("M6");
    expect(engine.suggest("Mesure 4", { lang: "fr" })[0]?.id).toBe("M4");
    expect(engine.suggest("observ", { lang: "en", limit: 2 }).length).toBeLessThanOrEqual(2);
  });
});

describe("answer by reference", () => {
  it("answers a question that names a clause by lookup, not search", () => {
    const a = engine.answer("que dit la mesure 4 ?");
    expect(a).toMatchObject({ kind: "clause", via: "reference", clause: { id: "M4" } });
  });

  it("says how many measures there are when the number is out of range", () => {
    expect(engine.answer("measure 9")).toMatchObject({
      kind: "out-of-range",
      requested: 9,
      available: 6,
    });
    expect(engine.answer("le 5e considérant")).toMatchObject({
      kind: "out-of-range",
      available: 4,
    });
  });

  it("answers a bare clause name", () => {
    expect(answered(engine.answer("signataires ?"))).toBe("signatories");
    expect(answered(engine.answer("the conclusion"))).toBe("closing");
  });

  it.each([
    ['the intro, the "we" part', "opening"],
    ["la partie conclusion", "closing"],
    ["the appeal bit", "appeal"],
    ["абзац вступления", "opening"],
  ])("answers a clause name among words for a part of a text: %j", (q, id) => {
    expect(engine.answer(q)).toMatchObject({ kind: "clause", via: "reference", clause: { id } });
  });

  it.each([
    // the signatures say nothing: "elle dit quoi" of the last sentence is the closing
    ["la dernière phrase elle dit quoi", "closing"],
    ["la dernière phrase, ça engage à quoi concrètement ?", "closing"],
    ["the last line, what does it mean?", "closing"],
    ["последняя фраза, к чему она обязывает?", "closing"],
    ["the last part, what do they say?", "closing"],
    // the signatures named as such are the signatures, whatever is asked of them
    ["les signatures, ça veut dire quoi ?", "signatories"],
    // a range and the start of the list
    ["que disent les mesures 3 à 5 ?", "M3"],
    ["что в самом начале списка?", "M1"],
    // chat numbers the list with "#"
    ["what does #5 say?", "M5"],
    ["c'est quoi le #2 de la liste ?", "M2"],
    ["explain #3", "M3"],
    // an ordinal before a word for the list's being proposed
    ["What does the first proposed step involve, institutionally speaking?", "M1"],
    ["первая предложенная мера", "M1"],
  ])("answers %j by its reference", (q, id) => {
    expect(engine.answer(q)).toMatchObject({ kind: "clause", via: "reference", clause: { id } });
  });

  it("reads an apology as no topic: the question after it is answered", () => {
    expect(engine.answer("sorry, which measure is about drugs?")).toMatchObject({
      kind: "clause",
      clause: { id: "M6" },
    });
  });

  it("reads no measure in a rank of another thing", () => {
    for (const q of [
      "the #1 priority for NATO?",
      "my #1 fan",
      "Post #2 says what?",
      "we're #1!",
      "vote for #2!",
    ]) {
      expect(engine.answer(q), q).not.toMatchObject({ via: "reference" });
    }
  });

  it("reads no name in words for a part alone", () => {
    for (const q of ["the part", "le passage", "абзац"]) {
      expect(engine.answer(q), q).not.toMatchObject({ via: "reference" });
    }
  });
});

describe("search", () => {
  // Paraphrases written for these tests (not taken from the development set).
  it.each([
    ["ils parlent des bombes nucléaires ?", "P1"],
    ["лучше ли бороться с терроризмом вместе?", "P1"],
    ["la sécurité de chaque pays ne doit pas se faire au détriment des autres ?", "P2"],
    ["do they want to calm the confrontation", "P3"],
    ["quel rôle pour la Plateforme de sécurité coopérative ?", "P4"],
    ["une rencontre entre les deux secrétaires généraux ?", "M1"],
    ["какие консультации между секретариатами?", "M2"],
    ["is there a hotline to avoid accidents between the militaries?", "M3"],
    ["will they inform each other about war games", "M4"],
    ["могут ли наблюдатели присутствовать на учениях?", "M5"],
    ["heroin and cocaine smuggling", "M6"],
    ["готовы ли они сотрудничать в областях взаимного интереса?", "closing"],
    ["la Russie a-t-elle signé ?", "signatories"],
  ])("%s → %s", (question, id) => {
    expect(answered(engine.answer(question))).toBe(id);
  });

  it("tolerates typos and missing accents", () => {
    expect(answered(engine.answer("trafik de stupefiants"))).toBe("M6");
    expect(answered(engine.answer("observateurs exercises militaires"))).toBe("M5");
  });

  it("reports the words that matched and ranks hits best first", () => {
    const hits = engine.search("briefings sur les exercices");
    expect(hits[0]?.clause.id).toBe("M4");
    expect(hits[0]?.matched).toEqual(expect.arrayContaining(["briefings", "exercices"]));
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("offers close runners-up as see also", () => {
    const a = engine.answer("exercices militaires");
    expect(a.kind).toBe("clause");
    if (a.kind !== "clause") return;
    expect(["M4", "M5"]).toContain(a.clause.id);
    expect(a.seeAlso.map((c) => c.id)).toContain(a.clause.id === "M4" ? "M5" : "M4");
  });
});

describe("abstention", () => {
  it.each([
    "",
    "   ",
    "le la les de",
    "the of and",
    "asdkjh qwpoeiru zzxv",
    "Quelle est la capitale de l'Australie ?",
    "When did the ministers meet?",
    "What is NATO's budget?",
    "Did NATO respond to the proposals?",
  ])("finds nothing relevant for %j", (question) => {
    expect(engine.search(question)).toEqual([]);
    expect(engine.answer(question).kind).toBe("none");
  });

  it.each([
    "Who is the president of Russia right now?",
    "Is Armenia still a member of the CSTO?",
    "Do they talk about quantum computing?",
  ])("offers %j at most the closest passage, never a public answer", (question) => {
    const a = engine.answer(question);
    expect(a.kind === "clause" ? a.confidence : a.kind).not.toBe("answer");
  });

  it("lets a rule that fires outweigh a question the text answers by its shape", () => {
    // "already sent observers" is a question measure 6 answers; "après ça" asks what came later.
    const later = engine.answer("l'OTAN a déjà envoyé des observateurs à l'OTSC après ça ?");
    expect(later.kind === "clause" ? later.confidence : later.kind).not.toBe("answer");
    expect(
      engine.answer("le texte dit-il que l'OTAN a déjà envoyé des observateurs ?"),
    ).toMatchObject({ kind: "clause", clause: { id: "M6" }, confidence: "answer" });
  });

  it.each([
    ["« guidés par la Plateforme de l'OSCE »… depuis quand ? c'est dans quel considérant ?", "P4"],
    ["Диалог советов, ага, раньше не было и сейчас не будет. где это предлагается?", "M1"],
    ["почему к министрам стран, а не к самому блоку? где это", "appeal"],
  ])("reads %j as its where-question, the other sentence an aside: %s", (question, id) => {
    expect(engine.answer(question)).toMatchObject({ kind: "clause", clause: { id } });
  });

  it("keeps the rule when the where-question itself asks what the text never states", () => {
    expect(engine.answer("où est la date ?")).toMatchObject({ kind: "none", rule: "date" });
  });

  it("names the abstention rule behind a refusal", () => {
    expect(engine.answer("When did the ministers meet?")).toMatchObject({
      kind: "none",
      rule: "time",
    });
  });
});

describe("known misses (kept so that a fix shows)", () => {
  // "sent" meets off-topic examples about troops sent somewhere; once the "none" pool let go of
  // the words a single off-topic question held, the appeal is the closest passage again.
  it("who are the proposals sent to? → appeal", () => {
    expect(engine.answer("who are the proposals sent to?")).toMatchObject({
      clause: { id: "appeal" },
    });
  });

  // "belong" was in one example question only, a term question about the OSCE ("who belongs to
  // it?", recital 4), and that one rare word carried the vote; the corpus batches of the twelfth
  // session brought questions about the speakers' body, and the opening leads again.
  it("Which body do the ministers belong to? → opening", () => {
    expect(engine.search("Which body do the ministers belong to?")[0]?.clause.id).toBe("opening");
  });
});

describe("never a public clause for what is not about the text", () => {
  // "climate" shares its stem with "climat de confiance" (recital 3); "change" is foreign to the text.
  it("a question about climate change is not answered publicly", () => {
    const a = engine.answer("What does the declaration say about climate change?");
    expect(a.kind === "clause" ? a.confidence : a.kind).not.toBe("answer");
  });

  it.each([
    ["🚀🚀🚀", "reaction"],
    ["tell me a joke", "joke"],
    ["merci beaucoup !", "thanks"],
    ["привет", "greeting"],
    ["lol", "laughter"],
  ])("%j is chit-chat (%s), never a clause", (question, intent) => {
    expect(engine.answer(question)).toMatchObject({ kind: "chitchat", intent });
  });

  it.each([
    "j'ai perdu tous mes contacts sur mon tel, comment récupérer ?",
    "how to prevent incidents between a new puppy and a toddler",
    "как стать наблюдателем на шахматном турнире?",
  ])("%j shares a word with the text but is not about it: never public", (question) => {
    const a = engine.answer(question);
    expect(a.kind === "clause" ? a.confidence : a.kind).not.toBe("answer");
  });

  it.each([
    "Is the CSTO's Article 4 the same as NATO's Article 5?",
    "что говорит статья 5 Вашингтонского договора?",
    "article 4 du traité de l'OTSC ?",
  ])("%j cites another document's article: not this text's measure", (question) => {
    expect(engine.answer(question)).toMatchObject({ kind: "none", rule: "other-document" });
  });

  it.each([
    "the Washington Treaty, what does its article 5 say?",
    "UN resolution 1373, operative para 2?",
    "le premier article de la Charte de Paris, il dit quoi ?",
    "has article 5 ever been invoked?",
  ])("%j names another document's part before or after it: not this text's", (question) => {
    expect(engine.answer(question)).toMatchObject({ kind: "none", rule: "other-document" });
  });

  it.each([
    ["la déclaration, son point 2 dit quoi ?", "M2"],
    ["in this declaration, measure 4", "M4"],
    ["в заявлении пункт 3 про что?", "M3"],
    ["l'article 5 de l'OTAN ressemble à la mesure 5 de la déclaration ?", "M5"],
  ])("%j still names this text's clause (%s)", (question, id) => {
    expect(engine.answer(question)).toMatchObject({ kind: "clause", clause: { id } });
  });

  it("answers a question on the whole text from the parsed text", () => {
    expect(engine.answer("combien de mesures ?")).toMatchObject({
      kind: "overview",
      facet: "structure",
      states: 6,
    });
    expect(engine.answer("what is this declaration about?")).toMatchObject({
      kind: "overview",
      facet: "summary",
    });
  });

  it.each(["how many signatories", "combien de pays ont signé ?", "сколько государств подписали?"])(
    "%j counts the signatories: the whole text's count, before the paragraph's name",
    (question) => {
      expect(engine.answer(question)).toMatchObject({
        kind: "overview",
        facet: "signatories",
        states: 6,
      });
    },
  );

  it.each([
    "how many countries are in NATO now?",
    "combien de pays ont signé le traité de Washington ?",
  ])("%j counts something else: no overview, and no public answer", (question) => {
    const answer = engine.answer(question);
    expect(answer.kind).not.toBe("overview");
    expect(answer.kind === "clause" && answer.confidence === "answer").toBe(false);
  });

  it("gives a note, with the clause that names it, for a term the text does not explain", () => {
    expect(engine.answer("c'est quoi l'OSCE ?")).toMatchObject({
      kind: "note",
      note: { id: "osce" },
      clause: { id: "P4" },
    });
  });

  it("gives the note when the term is asked for in Latin letters, with asides", () => {
    expect(engine.answer("chto takoe ODKB voobshche, obyasnite")).toMatchObject({
      kind: "note",
      note: { id: "csto" },
    });
  });

  it("reads Russian typed in Latin letters", () => {
    expect(engine.answer("kto podpisal?")).toMatchObject({ clause: { id: "signatories" } });
    expect(engine.detectLanguage("chto oni hotyat ot NATO?")).toBe("ru");
  });
});

describe("confidence tiers", () => {
  it("answers clear questions and references publicly", () => {
    expect(engine.answer("what do they propose about drug trafficking?")).toMatchObject({
      clause: { id: "M6" },
      confidence: "answer",
    });
    expect(engine.answer("mesure 2")).toMatchObject({ via: "reference", confidence: "answer" });
  });

  it("is unsure of a question with a word it has never seen or foreign to the text", () => {
    const tier = (q: string) => {
      const a = engine.answer(q);
      return a.kind === "clause" ? `${a.clause.id} ${a.confidence}` : a.kind;
    };
    expect(tier("anything on cooperation?")).toBe("P4 answer");
    expect(tier("anything on cooperation with zyxwvut?")).toBe("P4 closest");
    // One content word in four foreign to the text is enough to withhold a public answer.
    expect(tier("do they want observers at each other's zyxwvut exercises?")).toBe("M5 closest");
  });

  it("never answers publicly a message whose words are only typos of the text's", () => {
    // "steups" (a sigh) is one letter from "stups" (drugs-squad slang, a search aid of measure 6).
    const a = engine.answer("steups");
    expect(a.kind === "clause" ? a.confidence : a.kind).not.toBe("answer");
    expect(engine.answer("stups")).toMatchObject({ clause: { id: "M6" }, confidence: "answer" });
  });

  it("answers a 20,000-letter word or 100,000 characters quickly, without throwing", () => {
    for (const q of ["a".repeat(20_000), "з".repeat(100_000), `${"1".repeat(50_000)}x`]) {
      expect(engine.answer(q).kind).toBe("none");
      expect(bestTime(() => engine.answer(q), 500)).toBeLessThan(500);
    }
  });

  it.each([
    "charte ",
    "resolution 1373 ",
    "the Washington treaty, ",
    "статья 5 договора ",
    "le considérant qui commence par « ",
    "combien de mesures ",
  ])(
    "takes time in proportion to a run of hyphenated, quoted or repeated words after %j",
    (prefix) => {
      // Runs of short words joined by the separators the rule tables read ("a-a-a", "a, a, a",
      // "a : a"): a pattern that could split them several ways would take exponential time.
      // From 24 units on: up to twelve, "combien de mesures a, a, …?" is still a question about
      // the text's structure, answered from its parts, and four times as many are ranked, so the
      // ratio measured two code paths rather than how one grows.
      for (const unit of ["a-", "a, ", "a : ", "« a » ", "mesure 1 "]) {
        const ask = (n: number) => engine.answer(`${prefix}${unit.repeat(n)}?`);
        expect(growth(ask, 24)).toBeLessThan(6);
      }
    },
  );

  it("bounds the cost of a question of made-up words (a search per unknown word, capped)", () => {
    let seed = 7;
    const letter = () => {
      seed = (seed * 48271) % 2147483647;
      return String.fromCharCode(97 + (seed % 26));
    };
    const made = () => Array.from({ length: 6 }, letter).join("");
    engine.answer(Array.from({ length: 150 }, made).join(" ")); // warm-up
    const question = Array.from({ length: 150 }, made).join(" ");
    // About 10 ms on a quiet 2-core machine; uncapped, several times that.
    expect(bestTime(() => engine.answer(question), 150)).toBeLessThan(150);
  });

  it("reads no further than MAX_QUESTION_CHARS, whatever the caller passes", () => {
    // Filler up to the cap, then the words that would decide: past the cap, they are not read.
    const filler = "bla ".repeat(MAX_QUESTION_CHARS / 4);
    expect(engine.answer(`trafic de drogue ${filler}`)).toMatchObject({ clause: { id: "M6" } });
    expect(engine.answer(`${filler}trafic de drogue`)).toEqual(engine.answer(filler));
  });
});

describe("language", () => {
  it("prefers the Discord locale, else reads the text", () => {
    expect(engine.detectLanguage("qui a signé ?", "en-US")).toBe("en");
    expect(engine.detectLanguage("who signed the declaration?")).toBe("en");
    expect(engine.detectLanguage("qui a signé la déclaration ?")).toBe("fr");
    expect(engine.detectLanguage("кто подписал?")).toBe("ru");
    expect(engine.detectLanguage("mesure 4")).toBe("fr");
  });
});

describe("Engine", () => {
  it("builds an independent index from given clauses", () => {
    const small = new Engine({ clauses: getEngine().clauses.filter((c) => c.kind === "measure") });
    expect(small.clauses).toHaveLength(6);
    expect(small.search("drogue")[0]?.clause.id).toBe("M6");
  });
});
