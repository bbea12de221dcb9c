/**
 * Whether a short message is made only of known phrases: "merci beaucoup le bot" (chit-chat),
 * "c'est quoi exactement" around a term's name (term notes). Words are compared accent-folded and
 * lower-cased, each run of one repeated letter read once ("merciii", "cooool"). At each place the
 * longest phrase wins; a scan follows the phrases that go on with the next word, so it costs at
 * most `longest phrase` lookups per word.
 */
import { fold, squeezeLetters, straightenApostrophes } from "./analysis.ts";
import { BoundedCache } from "./bounded-cache.ts";
import { RecentMemo } from "./recent-memo.ts";

const MAX_WORD_CHARS = 40;

/** The words phrases are compared on. */
export function coverWords(text: string): readonly string[] {
  return COVER_WORDS.get(text, (t) => coverTokens(t).map(squeezeWord));
}

/** The words as coverWords splits them, repeated letters kept: what dictionaries are asked. */
export function coverTokens(text: string): readonly string[] {
  return COVER_TOKENS.get(text, splitCoverTokens);
}

function splitCoverTokens(text: string): string[] {
  const words = straightenApostrophes(fold(text)).match(/[\p{L}\p{N}+]+/gu) ?? [];
  return words.map((w) => w.slice(0, MAX_WORD_CHARS));
}

// Every reader of a question asks for its words again; people reuse the same few hundred words.
const COVER_WORDS = new RecentMemo<readonly string[]>(4);
const COVER_TOKENS = new RecentMemo<readonly string[]>(4);
const SQUEEZED = new BoundedCache<string, string>(10_000);
const squeezeWord = (word: string) => SQUEEZED.get(word, squeezeLetters);

/** Phrases as a tree of words: a scan follows one word at a time instead of joining candidates. */
interface WordNode<T> {
  next: Map<string, WordNode<T>>;
  /** The tags of the phrase that ends here, if one does. */
  tags: T[] | null;
}

const wordNode = <T>(): WordNode<T> => ({ next: new Map(), tags: null });

export class PhraseCover<T> {
  private readonly root: WordNode<T> = wordNode();
  private readonly patterns: { re: RegExp; tag: T }[] = [];

  /** `toWords` splits phrases into the words they are compared on (coverWords unless told). */
  constructor(private readonly toWords: (text: string) => readonly string[] = coverWords) {}

  /** Adds a phrase, or with `pattern`, a pattern one whole word must match. */
  add(phrase: string, tag: T, { pattern = false }: { pattern?: boolean } = {}): void {
    if (pattern) {
      this.patterns.push({ re: new RegExp(phrase, "u"), tag });
      return;
    }
    const words = this.toWords(phrase);
    if (words.length === 0) return;
    let node = this.root;
    for (const word of words) {
      let child = node.next.get(word);
      if (!child) {
        child = wordNode();
        node.next.set(word, child);
      }
      node = child;
    }
    node.tags = [...(node.tags ?? []), tag];
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
    let node: WordNode<T> | undefined = this.root;
    let longest: { n: number; tags: T[] } | null = null;
    for (let n = 1; i + n <= words.length; n++) {
      node = node.next.get(words[i + n - 1] ?? "");
      if (!node) break;
      if (node.tags) longest = { n, tags: node.tags };
    }
    if (longest) {
      found.push(...longest.tags);
      return longest.n;
    }
    const word = words[i] ?? "";
    const matched = this.patterns.filter((p) => p.re.test(word)).map((p) => p.tag);
    found.push(...matched);
    return matched.length > 0 ? 1 : 0;
  }
}
