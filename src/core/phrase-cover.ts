/**
 * Whether a short message is made only of known phrases: "merci beaucoup le bot" (chit-chat),
 * "c'est quoi exactement" around a term's name (term notes). Words are compared accent-folded and
 * lower-cased, each run of one repeated letter read once ("merciii", "cooool"). At each place the
 * longest phrase is tried first, so a scan costs at most `longest phrase` lookups per word.
 */
import { fold, squeezeLetters, straightenApostrophes } from "./analysis.ts";

const MAX_WORD_CHARS = 40;

/** The words phrases are compared on. */
export function coverWords(text: string): string[] {
  return coverTokens(text).map(squeezeLetters);
}

/** The words as coverWords splits them, repeated letters kept: what dictionaries are asked. */
export function coverTokens(text: string): string[] {
  const words = straightenApostrophes(fold(text)).match(/[\p{L}\p{N}+]+/gu) ?? [];
  return words.map((w) => w.slice(0, MAX_WORD_CHARS));
}

export class PhraseCover<T> {
  private readonly phrases = new Map<string, T[]>();
  private readonly patterns: { re: RegExp; tag: T }[] = [];
  private longest = 1;

  /** `toWords` splits phrases into the words they are compared on (coverWords unless told). */
  constructor(private readonly toWords: (text: string) => string[] = coverWords) {}

  /** Adds a phrase, or with `pattern`, a pattern one whole word must match. */
  add(phrase: string, tag: T, { pattern = false }: { pattern?: boolean } = {}): void {
    if (pattern) {
      this.patterns.push({ re: new RegExp(phrase, "u"), tag });
      return;
    }
    const words = this.toWords(phrase);
    if (words.length === 0) return;
    this.longest = Math.max(this.longest, words.length);
    const key = words.join(" ");
    this.phrases.set(key, [...(this.phrases.get(key) ?? []), tag]);
  }

  /** The tags of the phrases that cover every word, in order; null when some word is not covered. */
  cover(words: readonly string[]): T[] | null {
    const found: T[] = [];
    let i = 0;
    while (i < words.length) {
      const step = this.longestAt(words, i, found);
      if (step === 0) return null;
      i += step;
    }
    return found;
  }

  /**
   * Like `cover`, but up to `maxGaps` words may be left uncovered: their places in `words` are
   * returned for the caller to judge. null when more are.
   */
  coverWithGaps(words: readonly string[], maxGaps: number): { tags: T[]; gaps: number[] } | null {
    const tags: T[] = [];
    const gaps: number[] = [];
    let i = 0;
    while (i < words.length) {
      const step = this.longestAt(words, i, tags);
      if (step > 0) {
        i += step;
        continue;
      }
      gaps.push(i);
      if (gaps.length > maxGaps) return null;
      i++;
    }
    return { tags, gaps };
  }

  /** The words left once every phrase is taken out wherever it stands ("what even is" → "what is"). */
  without(words: readonly string[]): string[] {
    const left: string[] = [];
    let i = 0;
    while (i < words.length) {
      const step = this.longestAt(words, i, []);
      if (step === 0) left.push(words[i] ?? "");
      i += Math.max(step, 1);
    }
    return left;
  }

  private longestAt(words: readonly string[], i: number, found: T[]): number {
    for (let n = Math.min(this.longest, words.length - i); n > 0; n--) {
      const tags = this.phrases.get(words.slice(i, i + n).join(" "));
      if (tags) {
        found.push(...tags);
        return n;
      }
    }
    const word = words[i] ?? "";
    const matched = this.patterns.filter((p) => p.re.test(word)).map((p) => p.tag);
    found.push(...matched);
    return matched.length > 0 ? 1 : 0;
  }
}
