/**
 * Finds listed phrases in a field's words: whole words only ("love" is not in "glove"), never across the end
 * of a sentence, and where phrases overlap the longest one wins, as in the sensitive-keyword matcher.
 */
import { phraseWords, type Word } from './normalize.ts';

export interface Match<T> {
  /** Indexes of the first and last matched word. */
  first: number;
  last: number;
  value: T;
}

interface Node<T> {
  next: Map<string, Node<T>>;
  values: T[];
}

/** A word tree of phrases, each carrying a value (its rule, its topic…). */
export class PhraseSet<T> {
  private readonly root: Node<T> = { next: new Map(), values: [] };

  add(phrase: readonly string[] | string, value: T): this {
    const words = typeof phrase === 'string' ? phraseWords(phrase) : phrase;
    if (words.length === 0) return this;
    let node = this.root;
    for (const word of words) {
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: new Map(), values: [] }));
      node = child;
    }
    node.values.push(value);
    return this;
  }

  /** Every occurrence of every phrase, overlapping ones included. */
  findAll(words: readonly Word[]): Match<T>[] {
    const found: Match<T>[] = [];
    for (let first = 0; first < words.length; first++) {
      let node: Node<T> | undefined = this.root;
      for (let last = first; last < words.length; last++) {
        const word: Word = words[last]!;
        if (last > first && word.breakBefore) break;
        node = node.next.get(word.text);
        if (!node) break;
        for (const value of node.values) found.push({ first, last, value });
      }
    }
    return found;
  }
}

/** Keeps the longest of overlapping matches (the earlier on a tie), returned in reading order. */
export function longestFirst<T>(matches: readonly Match<T>[]): Match<T>[] {
  const bySize = [...matches].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const taken = new Set<number>();
  const kept: Match<T>[] = [];
  for (const match of bySize) {
    const span = Array.from({ length: match.last - match.first + 1 }, (_, k) => match.first + k);
    if (span.some((i) => taken.has(i))) continue;
    for (const i of span) taken.add(i);
    kept.push(match);
  }
  return kept.sort((a, b) => a.first - b.first);
}

/** Joins matches that share a word into one, so "we miss you" and "miss you already" read as one phrase. */
export function joinOverlapping<T>(matches: readonly Match<T>[]): Match<T>[] {
  const joined: Match<T>[] = [];
  for (const match of [...matches].sort((a, b) => a.first - b.first || b.last - a.last)) {
    const previous = joined.at(-1);
    if (previous && match.first <= previous.last) previous.last = Math.max(previous.last, match.last);
    else joined.push({ ...match });
  }
  return joined;
}

/**
 * Writes many variants of a phrase at once: "[a|b|]" is one of a, b or nothing.
 * "we [saw|noticed] [that|] you" → "we saw that you", "we saw you", "we noticed that you", "we noticed you".
 */
export function expand(pattern: string): string[] {
  const parts = pattern.split(/\[([^\]]*)\]/);
  let variants = [''];
  parts.forEach((part, k) => {
    const options = k % 2 === 1 ? part.split('|') : [part];
    variants = variants.flatMap((head) => options.map((option) => `${head} ${option}`));
  });
  return variants.map((variant) => variant.replace(/\s+/g, ' ').trim()).filter((variant) => variant !== '');
}
