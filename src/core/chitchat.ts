/**
 * Chit-chat (data/chitchat.json): "merci", "lol", "who made you?", a lone emoji. Such a message
 * is never a clause, however much it resembles a question some clause answered: it gets a short
 * friendly line that says what the bot does. A message is chit-chat only when every one of its
 * words belongs to a chit-chat phrase or a filler, so "merci, et la mesure 3 ?" stays a question.
 *
 * Messages longer than MAX_WORDS are questions, never chit-chat.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fillCounts } from "../text/format.ts";
import { coverWords, PhraseCover } from "./phrase-cover.ts";
import { RecentMemo } from "./recent-memo.ts";
import { LANGS, type Lang, type Localized } from "./types.ts";

const CHITCHAT_FILE = fileURLToPath(new URL("../../data/chitchat.json", import.meta.url));

export interface ChitchatIntentData {
  id: string;
  phrases: Localized<string[]>;
  /** Patterns one whole word must match (laughter: "hahaha"). */
  tokens?: Partial<Localized<string[]>>;
  reply: Localized;
}

export interface ChitchatData {
  intents: ChitchatIntentData[];
  fillers: Localized<string[]>;
  about: Localized;
  examples: Localized<string[]>;
  fires: { text: string; intent: string; lang?: Lang }[];
  spares: string[];
}

export interface Chitchat {
  intent: string;
  /** The language of the phrases the message used, when they tell it. */
  lang: Lang | null;
}

/** No chit-chat message runs this long; a longer one is a question or a discussion. */
const MAX_WORDS = 16;
/** The intent of a message with no letter or digit but an emoji or an emoticon. */
export const REACTION = "reaction";

export function readChitchatData(file = CHITCHAT_FILE): ChitchatData {
  return JSON.parse(readFileSync(file, "utf8")) as ChitchatData;
}

interface Entry {
  intent: string | null;
  lang: Lang;
  rank: number;
}

class ChitchatMatcher {
  private readonly phrases = new PhraseCover<Entry>();

  constructor(data: ChitchatData) {
    data.intents.forEach((intent, rank) => {
      for (const lang of LANGS) {
        for (const p of intent.phrases[lang])
          this.phrases.add(p, { intent: intent.id, lang, rank });
        for (const t of intent.tokens?.[lang] ?? []) {
          this.phrases.add(t, { intent: intent.id, lang, rank }, { pattern: true });
        }
      }
    });
    for (const lang of LANGS) {
      for (const f of data.fillers[lang])
        this.phrases.add(f, { intent: null, lang, rank: Infinity });
    }
  }

  match(text: string): Chitchat | null {
    const words = coverWords(text);
    if (words.length === 0) return hasReaction(text) ? { intent: REACTION, lang: null } : null;
    if (words.length > MAX_WORDS) return null;
    const found = this.phrases.cover(words);
    if (!found) return null;
    const best = found.reduce<Entry | null>(
      (b, e) => (e.intent === null || (b && b.rank <= e.rank) ? b : e),
      null,
    );
    if (!best?.intent) return null;
    return { intent: best.intent, lang: languageOf(found) };
  }
}

/** The language most of the message's phrases are listed under, when one leads. */
function languageOf(entries: readonly Entry[]): Lang | null {
  const votes = new Map<Lang, number>();
  for (const e of entries) votes.set(e.lang, (votes.get(e.lang) ?? 0) + 1);
  const sorted = [...votes].sort((a, b) => b[1] - a[1]);
  const [first, second] = sorted;
  return first && (!second || first[1] > second[1]) ? first[0] : null;
}

/** An emoji, a Discord custom emoji or an emoticon such as ":)", "^^", "<3". */
function hasReaction(text: string): boolean {
  return /\p{Extended_Pictographic}|<a?:\w+:\d+>|[:;=]-?[()DPp3*]|\^\^|<3/u.test(text);
}

const data = readChitchatData();
const matcher = new ChitchatMatcher(data);

/** What chit-chat the message is, or null when it says or asks anything else. */
export function chitchat(text: string): Chitchat | null {
  return RECENT.get(text, (t) => matcher.match(t));
}

// The language guess and the answer both ask of the same message.
const RECENT = new RecentMemo<Chitchat | null>(4);

/** A small stable hash, so that one message always gets the same example question. */
function pick<T>(items: readonly T[], seed: string): T | undefined {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) >>> 0;
  return items[h % Math.max(1, items.length)];
}

/** The one-line answer to chit-chat: a friendly word, what the bot does, a question to try. */
export function chitchatReply(intent: string, lang: Lang, seed = ""): string {
  const reply = data.intents.find((i) => i.id === intent)?.reply[lang] ?? "";
  const example = pick(data.examples[lang], seed) ?? "";
  const about = fillCounts(data.about[lang], lang).replace("{example}", example);
  return reply ? `${reply} ${about}` : about;
}
