import { spawn, spawnSync } from "node:child_process";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { environmentLang, runConsole } from "../../src/console/console.ts";
import { runCommand } from "../../src/console/interpreter.ts";
import { CLAUSE_COUNTS } from "../../src/core/declaration.ts";
import { getEngine } from "../../src/core/engine.ts";
import { paginate } from "../../src/core/overview.ts";
import { CLAUSE_IDS, LANGS, type Lang } from "../../src/core/types.ts";
import { COMMAND_DEFINITIONS } from "../../src/discord/commands/index.ts";
import { NO_TOKEN_LINE } from "../../src/runtime/process.ts";
import { textsFor } from "../../src/text/index.ts";
import { ROOT, runTs } from "./run.ts";

const banner = (lang: Lang) => textsFor(lang).console.banner;

/** /measure's refusal of `shown`, as the catalogue words it. */
const malformed = (shown: string, lang: Lang) =>
  textsFor(lang).errors.measureMalformed({ shown, max: CLAUSE_COUNTS.measure });

async function chat(input: string, lang: Lang = "fr"): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = "";
  stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  stdin.end(input);
  await runConsole(stdin, stdout, lang);
  return out;
}

describe("the local console", () => {
  it("starts by saying it is the local console and how to reach Discord, in the session's language", async () => {
    expect((await chat("/help\n", "en")).split("\n")[0]).toBe(banner("en"));
    expect(banner("en")).toMatch(/local console/);
    expect((await chat("/help\n", "fr")).split("\n")[0]).toBe(banner("fr"));
    expect(banner("fr")).toMatch(/console locale/);
    for (const lang of LANGS) expect(banner(lang)).toMatch(/DISCORD_TOKEN/);
  });

  it("on piped input, prints nothing until a line comes, and counts the lines it read", async () => {
    const stdout = new PassThrough();
    let out = "";
    stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const empty = new PassThrough();
    empty.end("\n  \n");
    expect(await runConsole(empty, stdout, "en")).toBe(0);
    expect(out).toBe("");
    const two = new PassThrough();
    two.end("/measure 3\n\nqui a signé ?\n");
    expect(await runConsole(two, stdout, "en")).toBe(2);
    expect(out.split("\n")[0]).toBe(banner("en"));
  });

  it("takes the session's first language from the environment's locale, English otherwise", () => {
    expect(environmentLang({ LANG: "fr_FR.UTF-8" })).toBe("fr");
    expect(environmentLang({ LANG: "ru_RU.UTF-8" })).toBe("ru");
    expect(environmentLang({ LANG: "en_GB.UTF-8" })).toBe("en");
    expect(environmentLang({ LANG: "de_DE.UTF-8" })).toBe("en");
    expect(environmentLang({ LANG: "C.UTF-8" })).toBe("en");
    expect(environmentLang({})).toBe("en");
    expect(environmentLang({ LANG: "en_US.UTF-8", LC_ALL: "fr_FR.UTF-8" })).toBe("fr");
  });

  it("speaks one language: help, refusals and quotes follow the session's language", async () => {
    const fr = await chat("/help\n/quote xyzzy\n/quote M4\n");
    expect(fr).toContain("Commandes :");
    expect(fr).toContain("Clause introuvable");
    expect(fr).not.toContain("No such clause");
    expect(fr).not.toContain("Unofficial");
    const en = await chat(
      "/help\n/quote xyzzy\n/quote M4\nquelle est la couleur du ciel ?\n",
      "en",
    );
    expect(en).toContain("Commands:");
    expect(en).toContain("No such clause");
    expect(en).toContain("Unofficial working translation");
    expect(en).not.toContain("Commandes");
    // Hints show commands as they are typed here, not with Discord's code backticks.
    expect(en).toContain("Try /declaration");
    expect(en).not.toContain("`");
  });

  it("asks which clause for a bare /quote, and explains a clause beyond the text", async () => {
    const out = await chat("/quote\n/quote 9\n/quote mesure 9\n/quote xyzzy\n");
    expect(out).toContain("Quelle clause ?");
    expect(out.match(/il n’y a pas de mesure 9/g)).toHaveLength(2);
    expect(out).toContain("Clause introuvable");
  });

  it("says what /lang changed", async () => {
    const out = await chat("/lang en\n/lang xx\n");
    expect(out).toContain("Language: English");
    expect(out).toContain("/lang fr | en | ru: the session's language (now: English)");
  });

  it("answers /measure, plain questions and references in a sentence", async () => {
    const out = await chat(
      "/measure 3\nqui a signé la déclaration ?\ncomme le dit la mesure 4, c'est important\n",
    );
    expect(out).toContain("Mesure 3");
    expect(out).toContain("3. Faciliter les contacts entre l’OTSC et l’OTAN");
    expect(out).toMatch(/Signé\s*:\s*Les ministres/);
    expect(out).toContain("4. Organiser régulièrement des briefings");
    expect(out.indexOf("Mesure 3")).toBeLessThan(out.search(/Signé\s*:/));
  });

  it("offers the overview with the hedge Discord shows when a question only resembles those about the whole text", async () => {
    const out = await chat("explique le bazar à un vieux loup de mer qui y connaît rien\n");
    expect(out).toContain(textsFor("fr").answers.closestOverview);
    expect(out).toMatch(/Signé\s*:\s*Les ministres/);
  });

  it("explains bad commands and out-of-range numbers instead of failing", async () => {
    const out = await chat("/measure 9\n/measure abc\n/frobnicate\n/ask\n");
    expect(out).toContain("mesure 9");
    expect(out).toContain(`${CLAUSE_COUNTS.measure} mesures`);
    expect(out).toContain(malformed("abc", "fr"));
    expect(out).toContain("Commande inconnue");
    expect(out).toContain("/ask suivi de votre question");
  });

  it("reads /measure numbers as words too, through the reference layer's number table", async () => {
    const out = await chat(
      "/measure trois\n/measure three\n/measure четыре\n/measure IV\n/measure\n",
    );
    expect(out.match(/3\. Faciliter les contacts/g)).toHaveLength(2);
    expect(out.match(/4\. Organiser régulièrement/g)).toHaveLength(2);
    expect(out).toContain(`Indiquez un numéro de mesure, de 1 à ${CLAUSE_COUNTS.measure}`);
    expect(out).not.toContain("mesure ?");
  });

  it("switches the translation language with /lang and quotes with /quote", async () => {
    const out = await chat("/lang en\n/quote P2\n/help\n");
    expect(out).toContain("Recital 2");
    expect(out).toContain("Unofficial working translation");
    expect(out).toContain("Commands:");
  });

  it("checks quotations with /verify, and asks for one when none is given", async () => {
    const out = await chat(
      '/verify la mesure 4 dit « Faciliter les contacts entre l’OTSC et l’OTAN »\n/verify\n/lang en\n/verify "Establish direct contacts between the Secretaries General of the three organizations"\n',
    );
    expect(out).toContain("Citation mal attribuée");
    expect(out).toContain("Il manque la citation");
    expect(out).toContain("Near quote: words have changed");
    expect(out).toContain('"two" → "three"');
  });

  it("stops at /quit", async () => {
    const out = await chat("/quit\n/measure 1\n");
    expect(out).not.toContain("Mesure 1");
  });

  it("runs as npm start does without a token, reading piped stdin until its end", async () => {
    const r = await runTs("src/main.ts", [], {
      input: "/measure 3\nqui a signé la déclaration ?\n",
      env: { DISCORD_TOKEN: "", LANG: "fr_FR.UTF-8", LC_ALL: "", LC_MESSAGES: "" },
    });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(banner("fr"));
    expect(r.stdout).toContain("3. Faciliter les contacts");
    expect(r.stdout).toMatch(/Signé\s*:\s*Les ministres/);
  });

  it("without a token and without a terminal, an empty stdin is one line on stderr and exit code 78", async () => {
    // What a supervisor gives a misconfigured bot: no DISCORD_TOKEN, stdin /dev/null or an empty pipe.
    const env = { DISCORD_TOKEN: "", LANG: "en_US.UTF-8", LC_ALL: "", LC_MESSAGES: "" };
    for (const input of ["", "\n\n"]) {
      const r = await runTs("src/main.ts", [], { input, env });
      expect(r.code).toBe(78);
      expect(r.stdout).toBe("");
      expect(r.stderr.split("\n")).toEqual([NO_TOKEN_LINE, ""]);
      expect(NO_TOKEN_LINE).toMatch(/^DISCORD_TOKEN is not set/);
    }
    // /dev/null itself, as systemd gives it.
    const devNull = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(devNull.status).toBe(78);
    expect(devNull.stdout).toBe("");
    expect(devNull.stderr).toBe(`${NO_TOKEN_LINE}\n`);
  }, 60_000);

  it("runs through npm start itself: compiled to dist/, then the console", () => {
    const r = spawnSync("npm", ["start", "--silent"], {
      cwd: ROOT,
      input: "/measure 3\nqui a signé la déclaration ?\n",
      env: { ...process.env, DISCORD_TOKEN: "", LANG: "en_US.UTF-8", LC_ALL: "", LC_MESSAGES: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(banner("en"));
    expect(r.stdout).toContain("3. Faciliter les contacts");
    expect(r.stdout).toMatch(/Signé\s*:\s*Les ministres/);
  }, 60_000);

  it("echoes what is typed in a terminal and does not pile up prompts (a pseudo-terminal via script)", async () => {
    // `script` gives the console a real terminal, as a person running `npm start` has.
    const child = spawn(
      "script",
      ["-qec", `${process.execPath} --import tsx src/main.ts`, "/dev/null"],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DISCORD_TOKEN: "",
          LANG: "fr_FR.UTF-8",
          LC_ALL: "",
          LC_MESSAGES: "",
        },
        stdio: ["pipe", "pipe", "pipe"],
      },
    );
    let out = "";
    const seen = (pattern: RegExp) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (pattern.test(out)) {
            child.stdout.off("data", check);
            resolve();
          }
        };
        child.stdout.on("data", check);
        check();
      });
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    await seen(/> /);
    child.stdin.write("qui a signe ?\r");
    await seen(/Signataires/);
    child.stdin.write("\r\r\r/quit\r");
    expect(await exited).toBe(0);
    // What was typed is on screen (echoed by readline), before the answer.
    expect(out.indexOf("qui a signe ?")).toBeGreaterThan(-1);
    expect(out.indexOf("qui a signe ?")).toBeLessThan(out.indexOf("Signataires"));
    // Empty lines redraw the prompt in place: never "> > >" on one line.
    for (const line of out.split(/\r?\n/)) expect(line).not.toMatch(/> *> *>/);
  }, 60_000);
});

/** One line through the interpreter, as the console runs it; its printed answer. */
const engine = getEngine();
const say = (line: string, lang: Lang = "fr") => runCommand(engine, line, lang).output;

/**
 * A sample argument per command Discord shows, by its registered (English) name, for checking that
 * every name of a command answers alike. A command missing here is still checked with no argument.
 */
const SAMPLES: Record<string, string> = {
  measure: "3",
  ask: "qui a signé ?",
  quote: "M4",
  verify: "la mesure 4 dit « Faciliter les contacts entre l’OTSC et l’OTAN »",
  declaration: "2",
};

/** Every slash command of the registry, with each name Discord shows for it in any language. */
const SLASH = COMMAND_DEFINITIONS.filter((c) => (c.type ?? 1) === 1).map((c) => ({
  name: c.name,
  names: [...new Set([c.name, ...Object.values(c.name_localizations ?? {})])] as string[],
  options: ("options" in c ? (c.options ?? []) : []) as {
    name: string;
    name_localizations?: Record<string, string>;
  }[],
}));

describe("the console knows every command name Discord shows, in every language", () => {
  it("has names to check, French and Russian ones among them", () => {
    const all = SLASH.flatMap((c) => c.names);
    expect(all).toEqual(expect.arrayContaining(["aide", "citer", "mesure", "пункт", "помощь"]));
  });

  for (const lang of LANGS) {
    it(`answers each of them (${lang} session) as it answers the English name`, () => {
      for (const command of SLASH) {
        const sample = SAMPLES[command.name] ?? "";
        const english = say(`/${command.name} ${sample}`, lang);
        expect(english, `/${command.name}`).not.toBe(textsFor(lang).console.unknown);
        for (const name of command.names) {
          expect(say(`/${name} ${sample}`, lang), `/${name}`).toBe(english);
        }
      }
    });
  }

  it("takes options written as Discord shows them, under any of their names", () => {
    for (const command of SLASH) {
      const sample = SAMPLES[command.name];
      const [option] = command.options;
      if (!sample || !option) continue;
      const plain = say(`/${command.name} ${sample}`);
      const names = [option.name, ...Object.values(option.name_localizations ?? {})];
      for (const name of names) {
        expect(say(`/${command.name} ${name}:${sample}`), `${command.name} ${name}:`).toBe(plain);
        expect(say(`/${command.name} ${name}: ${sample}`)).toBe(plain);
      }
    }
    expect(say("/mesure numéro:2")).toContain("2. Créer un mécanisme");
    expect(say("/пункт номер: три", "ru")).toContain("3. Faciliter les contacts");
  });

  it("matches names without their accents, as a terminal user may type them", () => {
    expect(say("/declaration")).toBe(say("/déclaration"));
    expect(say("/verifier la mesure 4 dit « Faciliter les contacts »")).toBe(
      say("/vérifier la mesure 4 dit « Faciliter les contacts »"),
    );
  });

  it("says what the Discord-only commands are for instead of calling them unknown", () => {
    expect(say("/paramètres")).toContain("serveur Discord");
    expect(say("/settings show", "en")).toContain("Discord server");
    expect(say("/конфиденциальность", "ru")).toContain("Discord");
    expect(say("/privacy forget", "en")).toContain("keeps nothing");
  });
});

describe("/measure answers as on Discord", () => {
  it("gives a malformed number the sentence Discord's handler gives", () => {
    for (const raw of ["abc", "2.5", "-1", "1e9"]) {
      expect(say(`/measure ${raw}`), raw).toBe(malformed(raw, "fr"));
      expect(say(`/measure ${raw}`, "en"), raw).toBe(malformed(raw, "en"));
    }
  });

  it("cuts what it quotes back, as Discord does", () => {
    const long = "x".repeat(500);
    const out = say(`/measure ${long}`);
    expect(out).not.toContain(long);
    expect(out).toContain("x".repeat(40));
  });
});

describe("/declaration", () => {
  const { clauses } = engine;

  it("is the overview: what the text is, who signed it, every clause by id, not the whole text", () => {
    for (const lang of LANGS) {
      const out = say("/declaration", lang);
      expect(out.split("\n")[0]).toBe(textsFor(lang).document.name);
      expect(out).toContain("Tadjikistan");
      for (const id of CLAUSE_IDS) expect(out, id).toContain(`[${id}]`);
      const m6 = clauses.find((c) => c.id === "M6");
      expect(out).not.toContain(m6?.text.fr);
      expect(out).toContain(`/declaration ${paginate(clauses).length}`);
    }
    expect(say("/declaration", "en")).toContain(`${CLAUSE_COUNTS.measure} measures`);
  });

  it("reads the whole text page by page, cut where Discord cuts it", () => {
    const pages = paginate(clauses);
    expect(pages.length).toBeGreaterThan(1);
    const texts = pages.map((_, i) => say(`/declaration ${i + 1}`));
    pages.forEach((page, i) => {
      expect(texts[i]).toContain(`Page ${i + 1}/${pages.length}`);
      for (const clause of page) expect(texts[i]).toContain(clause.text.fr);
    });
    for (const clause of clauses) {
      expect(
        texts.filter((t) => t.includes(`[${clause.id}]`)),
        clause.id,
      ).toHaveLength(1);
    }
    expect(texts[0]).toContain("/declaration 2");
    expect(texts.at(-1)).toContain("Fin du texte");
    expect(say("/declaration 1", "en")).toContain("Unofficial working translation");
  });

  it("answers a page beyond the text, or no page at all, with the pages there are", () => {
    const pages = paginate(clauses).length;
    for (const arg of ["0", String(pages + 1), "abc", "1.5"]) {
      expect(say(`/declaration ${arg}`), arg).toContain(`/declaration ${pages}`);
      expect(say(`/declaration ${arg}`), arg).not.toContain("Page ");
    }
  });
});

describe("plain lines, as chat reads a message addressed to the bot", () => {
  it("points out an inexact quotation of the declaration", () => {
    const out = say(
      "la mesure 3 dit « Faciliter les contacts entre l’OTSC et l’OTAN afin de créer des mécanismes visant à empêcher les incidents militaires dangereux »",
    );
    expect(out).toContain("Citation inexacte");
    expect(out).toContain("prevenir");
    expect(out).toContain("empêcher");
  });

  it("says a quotation attributed to the wrong clause is misattributed", () => {
    const out = say(
      "comme le dit la mesure 1, « Organiser régulièrement des briefings sur les exercices les plus importantes de l’OTSC et de l’OTAN »",
    );
    expect(out).toContain("Citation mal attribuée");
  });

  it("still answers questions and quotes cited clauses", () => {
    expect(say("qui a signé la déclaration ?")).toMatch(/Signé\s*:/);
    expect(say("what does measure 4 say?", "en")).toContain("4. Organiser régulièrement");
  });
});
