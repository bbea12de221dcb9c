/**
 * Quotations credited to a clause by its name ("la conclusion dit « … »", "selon le préambule"),
 * beside the references that credit them ("la mesure 3 dit"): creditsIn reads both, and a name
 * only where it credits (a name is an ordinary noun). Names and labels come from
 * data/references.json and data/clauses.json.
 */
import { withBetweenCredits } from "./between-credits.ts";
import { clauseOwnNames } from "./declaration.ts";
import { withEllipticCredits } from "./elliptic-credits.ts";
import { creditReadingsOf } from "./reference-readings.ts";
import {
  REFERENCE_DATA as data,
  MAX_FOUND,
  type NameRule,
  nthOfKind,
  type ReferenceTarget,
  scanReferences as scan,
  referenceWords as table,
} from "./references.ts";
import { topicNamesIn } from "./topic-credits.ts";
import type { ClauseId, Lang } from "./types.ts";
import { alternatives, WORD_END, WORD_START, wordListSource } from "./word-patterns.ts";

/** A clause, or a group of clauses a name covers together ("the preamble": P1–P4). */
export type CreditTarget = ReferenceTarget | { kind: "group"; id: string; clauses: ClauseId[] };

/** Which side of a quotation a window of text stands on. */
export type Side = "before" | "after";

/** Words that credit a quotation to clauses: a reference, or a name where it credits. */
export interface Credit {
  start: number;
  end: number;
  targets: CreditTarget[];
  /** What credits: a reference's lead-in ("according-fr", "next"…) or "reference"; "name:<id>". */
  via: string;
}

/**
 * Right before a name: a lead-in, a place word or a verb of saying in the present ("selon",
 * "dans", "dit la conclusion"); a past one reads as someone's talk ("I said the preamble is dull").
 */
const CREDITING = [...data.leadIns.map(wordListSource), table("leadPlace"), table("saysBefore")];
const CREDIT_BEFORE = new RegExp(`${WORD_START}(?:${CREDITING.join("|")})\\s$`, "u");
/**
 * ", toute en pudeur,", ", tenez-vous bien,": a short aside between two commas after a name (a
 * hyphen inside a word is no dash); the second comma is what
 * tells it from a new clause ("I skipped the preamble, but the text says"), and a word of
 * contrast or sequence ("mais", "puis", "but", "then", "а") or a dash makes it one
 * ("Pas le préambule, mais la conclusion, dit").
 */
const ASIDE_WORDS = `(?![^,]{0,40}${WORD_START}${table("asideBreaks")}${WORD_END})(?:[^,.;:!?«»"“”—–-]|(?<=\\p{L})-(?=\\p{L})){1,40}`;
const ASIDE = `,\\s${ASIDE_WORDS},`;
/**
 * After a name, a verb of saying at most three words on ("the preamble clearly says", "l'appel se
 * termine sur", "the closing line's all about"), or a comma and a word of quoting ("le préambule,
 * je cite :"); not a comma and a new clause ("I skipped the preamble, but the text says").
 */
const SAYS = `(?:${table("says")}|${table("beginsWith")}|${table("endsWith")})`;
const SAYS_AFTER = new RegExp(
  `^(?:'s(?=\\s(?:all\\s)?about))?(?:(?:\\s[\\p{L}'-]{1,20}){0,3}\\s${SAYS}|,\\s(?:${table("quoting")}|${SAYS})${WORD_END}|${ASIDE}\\s${SAYS})`,
  "u",
);
/** "La conclusion, elle dit « … »": the pronoun and its verb of saying touch the quotation. */
const RESUMED_AFTER = new RegExp(
  `^,\\s${table("resumingPronouns")}\\s${SAYS}${WORD_END}\\s?[:,]?\\s?$`,
  "u",
);
/**
 * After a headless topic, the quotation: right after its colon, or after a comma, a verb of saying
 * that touches the quotation, the text or "they" as its subject ("Sur la drogue, ils écrivent
 * juste « … »"), or an impersonal one ("Там, где про наркотики, сказано так светло: « … »"), with
 * at most a word of manner on either side; never someone else's words ("Sur la drogue, mon prof
 * dit « … »", "Про терроризм, говорят, « … »"), a denial ("the text never says") or what they
 * might have said ("ils auraient écrit").
 */
const HEADLESS_MANNER = `${wordListSource(data.topics.headlessManner)}\\s\\p{L}{2,20}`;
const HEADLESS_VERB = `(?:${wordListSource(data.topics.headlessSubjects)}\\s(?:${HEADLESS_MANNER}\\s)?(?:${SAYS}|${wordListSource(data.topics.headlessVerbs)})|(?:${HEADLESS_MANNER}\\s)?${wordListSource(data.topics.headlessImpersonal)})`;
const HEADLESS_THEN = new RegExp(
  `^\\s?(?::|,?\\s${HEADLESS_VERB}(?:\\s${HEADLESS_MANNER})?(?:\\s(?:de|d'|juste|simplement|just|simply|просто|только))?)\\s?[:,]?\\s?$`,
  "u",
);
/**
 * After a name, a verb that takes an ordinary object elsewhere, touching the quotation ("L'ouverture
 * énumère « … »", "the appeal paragraph lists « … »").
 */
const SAYS_TOUCHING = new RegExp(
  `^\\s${table("saysTouching")}(?:\\s(?:de|d'|to))?\\s?:?\\s?$`,
  "u",
);
/**
 * After a name, a word that sums it up, then a colon touching the quotation ("the closing line
 * basically: « … »").
 */
const SUMMED_UP = new RegExp(`^,?\\s${table("summingUp")},?\\s?:\\s?$`, "u");
/** After a name, a verb of containing right before the quotation ("the preamble has « … »"). */
const HOLDS_QUOTE = new RegExp(`^(?:\\s|(?='s))${table("holds")}\\s?[:,—–-]?\\s?$`, "u");
/**
 * "The signatories paragraph, oddly enough, contains « … »": after a name that opens its
 * sentence, a short aside, then a verb of containing with no subject of its own touching the
 * quotation; an aside with a possessive names someone else's part ("La conclusion, celle de mon
 * mémoire, contient").
 */
const HOLDS_AFTER_ASIDE = new RegExp(
  `^,\\s(?![^,]{0,40}${WORD_START}${table("notBeforeName")}\\s)${ASIDE_WORDS},\\s${table("holdsAfterAside")}\\s?[:,—–-]?\\s?$`,
  "u",
);
/**
 * "The appeal paragraph — the one addressed to NATO — contains « … »": an aside between two
 * dashes, then a verb of saying or containing right before the quotation. The verb must touch the
 * quotation, or only an adverb of saying stand between ("— a mild thing — actually says"): an
 * aside this long may hold a clause of its own ("— whatever — my prof says"); one with a
 * possessive names someone else's part ("La conclusion — celle de mon mémoire — dit").
 */
const DASH_ASIDE = `[—–]\\s(?:${table("asideArticles")}\\s)?(?![^—–]*${WORD_START}${table("notBeforeName")}\\s)`;
const DASH_ASIDE_THEN_SAYS = new RegExp(
  `^\\s${DASH_ASIDE}[^—–«»"“”]{1,60}\\s[—–]\\s(?:${table("sayingAdverbs")}\\s)?(?:${SAYS}|${table("holds")})\\s?[:,—–-]?\\s?$`,
  "u",
);
/** An aside after a name, then a colon or a dash right before the quotation. */
const ASIDE_THEN_QUOTE = new RegExp(`^,\\s${ASIDE_WORDS}\\s?[:—–-]\\s?$`, "u");
/** "the closing's « … »": the name's possessive touching the quotation. */
const POSSESSIVE_THEN_QUOTE = /^'s\s?$/u;
/** "c'est" after a name that opens the sentence, or after its emphasis ("l'appel lui-même, c'est"). */
const ITSELF_IS = new RegExp(
  `^,?\\s${table("copula")}(?:\\s${table("copulaAdverbs")})?\\s?[:,—–-]?\\s?$`,
  "u",
);
/**
 * After a name, "of …" something other than this text ("l'appel des syndicats"); the elided "d'"
 * only before an article ("l'introduction d'un nouveau mécanisme"): a bare "d'" in the table would
 * also take "la conclusion d'ailleurs dit" for another text's conclusion.
 */
const OF_OTHER = new RegExp(
  `^\\s(?:${table("ofOther")}\\s?|d'(?=une?(?![\\p{L}])))(?!${table("ofThisText")})`,
  "u",
);
/**
 * After a name, "of this text" still names our clause ("l'ouverture du texte :", "the opening of
 * the text says", "вступление текста гласит"): read on past it.
 */
const OF_WHOLE_TEXT = new RegExp(`^\\s${table("ofWholeText")}`, "u");
const ITSELF = new RegExp(`^\\s${table("itself")}${WORD_END}`, "u");
/**
 * Right after a quotation, "— c'est …", "that's …", "это из …", "comes from …", "… c'est …" (an ellipsis for a
 * pause): what follows names its source.
 */
const COPULA_AFTER = new RegExp(
  `^[\\s:,.;()[\\]—–…-]*(?:${table("copula")}|${table("sourceAfter")})\\s?$`,
  "u",
);

/** Whether `between` (after a quotation, up to a credit) is only marks and a copula: "». C'est la". */
export function onlyACopula(between: string): boolean {
  return COPULA_AFTER.test(between.replace(TRAILING_ARTICLE, " "));
}

const TRAILING_ARTICLE = /\s(?:la|le|les|the)\s?$/u;
/** The sentence ends on a question mark: "c'est le préambule ou la conclusion ?". */
const ASKS = /^[^.!?]*\?/u;
/** Between a name and the quotation: punctuation and spaces only. */
const ONLY_MARKS = /^[\s:,.;()[\]—–-]*$/u;
const NEXT_TO_QUOTE = 4;
/**
 * A label stands alone: at the start, or after a sentence ends ("Conclusion : « … »"), its article
 * before it or not ("Les signataires : « … »").
 */
const LABEL_OPENS = /(?:^\s?|[.!?;)\]]\s?)(?:(?:les|le|la|l'|the)\s?)?$/u;
/** Enough text before a label for an article and the punctuation before it. */
const LABEL_LEAD_CHARS = 8;

/**
 * Whether a name at `start` opens its sentence. The window is wider than the article it may
 * hold, so that "^" in LABEL_OPENS is the message's start, never a cut inside "j'ai lu la".
 */
function opensAsLabel(folded: string, start: number): boolean {
  return LABEL_OPENS.test(folded.slice(Math.max(0, start - LABEL_LEAD_CHARS), start));
}
const LABEL_CLOSES_BEFORE = /^\s?[:—–-]\s?$/u;
/** "preamble says « … »": a bare label opening its sentence, then a verb of saying that touches the quotation. */
const LABEL_SAYS_BEFORE = new RegExp(`^\\s${SAYS}\\s?[:,—–-]?\\s?$`, "u");
const LABEL_OPENS_AFTER = /^[\s,]{0,2}[([—–-]?\s?$/u;
const LABEL_CLOSES_AFTER = /^\s?(?:[)\].,;!?]|$)/u;
/** How far around a name its crediting words are read. */
const CREDIT_WINDOW = 48;
/** Someone else's, or any one: "ma conclusion", "un appel", "my conclusion". */
const NOT_BEFORE_NAME = new RegExp(`${WORD_START}${table("notBeforeName")}\\s$`, "u");
/**
 * "juste après les considérants : « … »", "before the conclusion", "sous la mesure 6 et la
 * conclusion": a place next to the name (or to the two it joins), not the name's clauses. Its neighbour is the relative-position reader's business; here it credits
 * nothing.
 */
const BESIDE_NAME = new RegExp(
  `${WORD_START}(?:${table("next")}|${table("previous")}|${table("besideOnly")})\\s(?:(?:the|la|le|les|l')\\s?)?(?:(?:[\\p{L}\\p{N}'-]{1,20}\\s){1,3}(?:et|and|и)\\s(?:(?:the|la|le|les|l')\\s?)?)?$`,
  "u",
);

/** A place word right before a name, unless it is a lead-in ("d'après la conclusion", "suivant"). */
function besideName(before: string): boolean {
  return BESIDE_NAME.test(before) && !CREDIT_BEFORE.test(before);
}

/** Each name rule's bare labels: its own, and a single clause's labels and names in clauses.json. */
const labelsOf = (r: NameRule): string[] => {
  const only = r.clauses.length === 1 ? r.clauses[0] : undefined;
  return [...(r.labels ?? []), ...(only ? clauseOwnNames(only) : [])];
};

const NAMES = data.names.map((r) => {
  const only = r.clauses.length === 1 ? r.clauses[0] : undefined;
  const labels = labelsOf(r);
  const targets: CreditTarget[] = only
    ? [{ kind: "clause", id: only }]
    : [{ kind: "group", id: r.id, clauses: r.clauses }];
  return {
    via: `name:${r.id}`,
    targets,
    words: new RegExp(`${WORD_START}${wordListSource(r)}`, "gu"),
    labels:
      labels.length > 0
        ? new RegExp(`${WORD_START}(?:${alternatives(labels)})${WORD_END}`, "gu")
        : null,
    idiom: r.idioms?.length ? new RegExp(`(?:${alternatives(r.idioms)})$`, "u") : null,
    creditsAsLabel: (f: string, start: number, end: number, side: Side) =>
      creditsAsLabel(f, start, end, side, r.speakers !== true),
  };
});

/**
 * A name in a sentence credits when a lead-in, a place word or a verb of saying stands next to it
 * ("selon la conclusion", "the appeal says"), or when it stands right next to the quotation ("la
 * conclusion : « … »", "« … », the appeal."). Anywhere else it is a noun like any other ("quelle
 * est la conclusion ?").
 */
function creditsAsWord(folded: string, start: number, end: number, side: Side): boolean {
  const before = folded.slice(Math.max(0, start - CREDIT_WINDOW), start);
  const after = folded.slice(end, end + CREDIT_WINDOW);
  if (NOT_BEFORE_NAME.test(before) || OF_OTHER.test(after)) return false;
  if (CREDIT_BEFORE.test(before)) return true;
  // "right before the closing it says « … »": a place next to the name, whatever follows.
  if (besideName(before)) return false;
  // "L'appel lui-même, sans détour, réclame « … »": the name's emphasis, then its verb.
  if (SAYS_AFTER.test(after) || SAYS_AFTER.test(after.replace(ITSELF, ""))) return true;
  // "La conclusion, elle dit « … »": a pronoun takes up a name that opens its sentence; after
  // "Ma sœur a sauté la conclusion," the pronoun is the sister.
  if (side === "before" && RESUMED_AFTER.test(folded.slice(end)) && opensAsLabel(folded, start)) {
    return true;
  }
  // "« … » — c'est la conclusion." names the source; "c'est l'appel ou la mesure 4 ?" asks.
  if (side === "after" && COPULA_AFTER.test(folded.slice(0, start))) {
    return !ASKS.test(folded.slice(end));
  }
  // "l'appel lui-même : « … »": the name's own emphasis stands between it and the quotation.
  const rest = folded.slice(end).replace(ITSELF, "");
  if (
    side === "before" &&
    (HOLDS_QUOTE.test(rest) || DASH_ASIDE_THEN_SAYS.test(rest) || POSSESSIVE_THEN_QUOTE.test(rest))
  ) {
    return true;
  }
  // "l'appel lui-même, c'est « … »", "La conclusion, c'est « … »": the name is the sentence's
  // subject; never "Mon passage préféré de l'appel, c'est « … »" or "Ce qui précède la conclusion".
  const emphasised = rest.length < folded.length - end;
  const opensSentence = opensAsLabel(folded, start);
  if (side === "before" && (emphasised || opensSentence) && ITSELF_IS.test(rest)) return true;
  // "the closing line basically: « … »", "L'ouverture énumère « … »": the name opens its sentence
  // and the words touch the quotation ("J'ai pas compris la conclusion, bref : « … »" sums up the
  // talk, and "La conclusion veut dire que « … »" takes an object of its own).
  if (
    side === "before" &&
    opensSentence &&
    (SUMMED_UP.test(rest) || SAYS_TOUCHING.test(rest) || HOLDS_AFTER_ASIDE.test(rest))
  ) {
    return true;
  }
  // "Le préambule, dans un élan lyrique : « … »": the sentence's subject, an aside, the quotation.
  if (side === "before" && opensSentence && ASIDE_THEN_QUOTE.test(rest) && !ANY_NAME.test(rest)) {
    return true;
  }
  return side === "before"
    ? rest.length <= NEXT_TO_QUOTE && ONLY_MARKS.test(rest)
    : start <= NEXT_TO_QUOTE &&
        ONLY_MARKS.test(folded.slice(0, start)) &&
        LABEL_CLOSES_AFTER.test(folded.slice(end, end + 2));
}

/**
 * A bare name credits only as a label: alone or after a lead-in or a place word ("v preambule :"),
 * right before or after the quotation; opening its sentence, also before a verb of saying that
 * touches the quotation ("preamble says « … »"), unless the label also names people (`labelSays`
 * false: "les signataires disent « … »" is what the ministers say, not the signatures line).
 */
function creditsAsLabel(
  folded: string,
  start: number,
  end: number,
  side: Side,
  labelSays: boolean,
): boolean {
  if (besideName(folded.slice(Math.max(0, start - CREDIT_WINDOW), start))) return false;
  if (side === "before") {
    const opens = opensAsLabel(folded, start);
    return (
      (opens || CREDIT_BEFORE.test(folded.slice(Math.max(0, start - CREDIT_WINDOW), start))) &&
      ((folded.length - end <= NEXT_TO_QUOTE && LABEL_CLOSES_BEFORE.test(folded.slice(end))) ||
        (labelSays && opens && LABEL_SAYS_BEFORE.test(folded.slice(end))))
    );
  }
  return (
    start <= NEXT_TO_QUOTE &&
    LABEL_OPENS_AFTER.test(folded.slice(0, start)) &&
    LABEL_CLOSES_AFTER.test(folded.slice(end, end + 2))
  );
}

/** Any name or label at all: most windows hold none, and are then read once, not once a rule. */
const ANY_NAME = new RegExp(
  `${WORD_START}(?:${[...data.names.map(wordListSource), alternatives(data.names.flatMap(labelsOf))].join("|")})`,
  "u",
);

/** Where any name stands in `folded`, crediting or not, and its clauses; at most MAX_FOUND. */
function anyNameSpans(folded: string): { start: number; end: number; ids: ClauseId[] }[] {
  const out: { start: number; end: number; ids: ClauseId[] }[] = [];
  if (!ANY_NAME.test(folded)) return out;
  for (const n of NAMES) {
    n.words.lastIndex = 0;
    for (const m of folded.matchAll(n.words)) {
      if (m[0].length === 0 || out.length >= MAX_FOUND) continue;
      out.push({ start: m.index, end: m.index + m[0].length, ids: n.targets.flatMap(creditedIds) });
    }
  }
  return out;
}

/**
 * "En conclusion : « … »", "в заключение: «…»": the idiom alone before a colon and the quotation
 * is a label for the part it names; after a comma ("Mon avis, en conclusion : « … »") or anywhere
 * else it only ends a speaker's own talk.
 */
function idiomAsLabel(folded: string, start: number, end: number, side: Side): boolean {
  const after = folded.slice(end);
  return (
    side === "before" &&
    !AFTER_COMMA.test(folded.slice(Math.max(0, start - IDIOM_LEAD), start)) &&
    (IDIOM_LABEL.test(after) || IDIOM_THEN_THEY.test(after))
  );
}
/** How much before an idiom is read to see whether a comma stands right before it. */
const IDIOM_LEAD = 4;
const AFTER_COMMA = /,\s*$/u;
const IDIOM_LABEL = /^\s?[:—–]\s?$/u;
/**
 * "en conclusion ils écrivent « … »", "En conclusion, ils saluent « … »": the idiom, then "they" and
 * a verb of writing right before the quotation, says where they wrote it; "en conclusion, je
 * dirais" and "In conclusion, they want" do not.
 */
const IDIOM_THEN_THEY = new RegExp(
  `^,?\\s${table("theyPronoun")}(?:\\s[\\p{L}'-]{1,20})?\\s${table("theyWrite")}\\s?[:,—–]?\\s?$`,
  "u",
);

/** Names that credit in `folded`, a window on one side of a quotation; at most MAX_FOUND. */
function namesIn(folded: string, side: Side): Credit[] {
  const out: Credit[] = [];
  if (!ANY_NAME.test(folded)) return out;
  for (const n of NAMES) {
    for (const [re, credits] of [
      [n.words, creditsAsWord],
      [n.labels, n.creditsAsLabel],
    ] as const) {
      if (!re) continue;
      re.lastIndex = 0;
      for (let m = re.exec(folded); m !== null && out.length < MAX_FOUND; m = re.exec(folded)) {
        const start = m.index;
        const end = start + m[0].length;
        if (end === start) {
          re.lastIndex++;
          continue;
        }
        const ofText = OF_WHOLE_TEXT.exec(folded.slice(end, end + CREDIT_WINDOW))?.[0] ?? "";
        // "en conclusion" ends at the name "conclusion": where the idiom starts says what is before it.
        const from = Math.max(0, start - CREDIT_WINDOW);
        const idiom = n.idiom?.exec(folded.slice(from, end));
        if (idiom) {
          if (
            idiomAsLabel(folded, from + idiom.index, end, side) &&
            !out.some((o) => o.start === start)
          )
            out.push({ start, end, targets: n.targets, via: n.via });
        } else if (
          credits(folded, start, end + ofText.length, side) &&
          !out.some((o) => o.start === start)
        )
          out.push({ start, end: end + ofText.length, targets: n.targets, via: n.via });
      }
    }
  }
  // "абзацы преамбулы" names the recitals; the preamble's word inside it names nothing more.
  return out.filter(
    (o) =>
      !out.some((p) => p.start <= o.start && o.end <= p.end && p.end - p.start > o.end - o.start),
  );
}

/**
 * What credits a quotation to clauses in `folded` (a window on one side of it, as
 * normaliseForPatterns gives it), in order: its references, and the names that credit ("la
 * conclusion dit", "selon le préambule", "Préambule : « … »"). A name inside a reference ("le
 * considérant 2 du préambule") or a group holding a clause a reference names gives way to it.
 */
export function creditsIn(folded: string, side: Side): Credit[] {
  const refs = [...scan(folded)].filter((r) => !r.answers);
  const referenced = new Set(
    refs.flatMap((r) => r.targets.flatMap((t) => (t.kind === "clause" ? [t.id] : []))),
  );
  const named = namesIn(folded, side);
  // A name takes its own words, crediting or not: a topic naming other clauses yields to it ("le
  // paragraphe d'ouverture" is the opening; "the signatories paragraph ends" no paragraph on the
  // topic "ends"), and one naming some of its clauses names them all ("the preamble part" is the
  // whole preamble, whatever clause the topic's words find first).
  const nameSpans = anyNameSpans(folded);
  const topics: Credit[] = topicNamesIn(folded).flatMap((t) => {
    // "celle sur la drogue dit « … »" opens the message about the text; elsewhere the pronoun may
    // stand for anything ("deux articles ; celui sur les incidents citait « … »").
    if (t.pronoun && (side !== "before" || folded.slice(0, t.start).trim() !== "")) return [];
    const over = nameSpans.filter((n) => n.start < t.end && t.start < n.end);
    if (over.some((n) => !t.clauses.some((id) => n.ids.includes(id)))) return [];
    // "la phrase de la fin": a topic found wholly inside a name is the name's own words; the name
    // credits them, once.
    if (over.some((n) => n.start <= t.start && t.end <= n.end)) return [];
    // "Sur la drogue, ils écrivent « … »": a headless topic credits only through its own verb.
    const credits = t.headless
      ? side === "before" && HEADLESS_THEN.test(folded.slice(t.end))
      : creditsAsWord(folded, t.start, t.end, side);
    if (!credits) return [];
    const ids = [...new Set([...t.clauses, ...over.flatMap((n) => n.ids)])];
    return [
      {
        start: t.start,
        end: t.end,
        targets: ids.map((id) => ({ kind: "clause", id })),
        via: "topic",
      },
    ];
  });
  const names = [...named, ...topics, ...measuresByNumberAlone(folded, side)].filter(
    (n) =>
      !refs.some((r) => n.start < r.end && r.start < n.end) &&
      !n.targets.some((t) => t.kind === "group" && t.clauses.some((c) => referenced.has(c))),
  );
  const found: Credit[] = refs.map((r) => ({
    start: r.start,
    end: r.end,
    targets: creditReadingsOf(r, folded),
    via: r.leadIn ?? "reference",
  }));
  return withEllipticCredits(
    folded,
    withBetweenCredits(
      folded,
      [...found, ...names].sort((a, b) => a.start - b.start),
    ),
  );
}

/**
 * "la 6 dit « … »", "Dans la 1 : « … »": a measure's number after the article alone, where a
 * name would credit; in a question ("et la 4 ?") the number is a follow-up's business.
 */
const NUMBER_ALONE = new RegExp(
  `${WORD_START}${table("numberAlone")}\\s(\\d{1,2})(?![\\p{L}\\p{N}%°'’.,]\\p{N}|[\\p{L}\\p{N}%°])`,
  "gu",
);

/**
 * "Le 5 : « … »", "le 1 dit « … »": the masculine article may stand for a point or a recital, so
 * the number credits the measure and the recital it may be; only right before a colon or a verb
 * of saying ("le 5 mars ils disent" is a date). A day before a colon ("Lavrov l'a redit le 4 : « … »")
 * still reads as the clause: rarer in talk about the text than "…, le 2 : « … »".
 */
const NUMBER_ALONE_EITHER = new RegExp(
  `${WORD_START}${table("numberAloneEither")}\\s(\\d)(?=\\s?:|\\s${SAYS}${WORD_END})`,
  "gu",
);

function measuresByNumberAlone(folded: string, side: Side): Credit[] {
  const out: Credit[] = [];
  search: for (const [re, kinds] of [
    [NUMBER_ALONE, ["measure"]],
    [NUMBER_ALONE_EITHER, ["measure", "recital"]],
  ] as const) {
    for (const m of folded.matchAll(re)) {
      const targets = kinds
        .map((kind) => nthOfKind(kind, Number(m[1])))
        .filter((t) => t.kind === "clause");
      const end = m.index + m[0].length;
      if (targets.length === 0 || !creditsAsWord(folded, m.index, end, side)) continue;
      out.push({ start: m.index, end, targets, via: "number-alone" });
      if (out.length >= MAX_FOUND) break search;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The clauses credits name, in order, once each. */
export function targetsOf(credits: readonly Credit[]): CreditTarget[] {
  const seen = new Set<string>();
  return credits
    .flatMap((c) => c.targets)
    .filter((t) => {
      const key = targetKey(t);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** One string per target: a clause, a group, or a number beyond the text. */
export function targetKey(t: CreditTarget): string {
  return t.kind === "out-of-range" ? `${t.clauseKind}:${t.requested}` : `${t.kind}:${t.id}`;
}

/** The clause ids a credit covers: a clause, a group's clauses, none beyond the text. */
export function creditedIds(t: CreditTarget): ClauseId[] {
  return t.kind === "clause" ? [t.id] : t.kind === "group" ? t.clauses : [];
}

/** How a reply names a group of clauses ("le préambule (considérants 1 à 4)"). */
export function groupLabel(id: string, lang: Lang): string {
  return data.names.find((r) => r.id === id)?.label?.[lang] ?? id;
}
