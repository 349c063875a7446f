/**
 * Turns a template field into words a phrase can be matched against, keeping where each word sits in the text
 * the merchant typed so a finding can point at it. Words are lower-cased with accents removed ("Extrañamos"
 * reads "extranamos"), split on anything that is not a letter or a digit ("we’ve" reads "we", "ve"), the same
 * folding the sensitive-keyword lists are written in.
 */

export interface Word {
  /** Folded: lower-case, no accents. */
  text: string;
  /** UTF-16 offsets into the original field. */
  start: number;
  end: number;
  /**
   * A sentence or paragraph ends between this word and the one before it, so a phrase cannot run across
   * ("…we love. You can…" is not "we love you"). Liquid tags are not counted: only text the reader sees.
   */
  breakBefore: boolean;
}

/** Liquid output `{{ … }}` and tags `{% … %}`; an unclosed one is left as text. */
export const LIQUID_TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

// Letters with their combining accents (text pasted in decomposed form), and digits.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const SENTENCE_END = /[.!?;…]|\n\s*\n/;

/** Lower-case with accents removed: "Você" → "voce", "Pañal" → "panal". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** True when the text carries an accent or tilde, in composed or decomposed form. */
export function hasAccent(text: string): boolean {
  return /\p{M}/u.test(text.normalize('NFD'));
}

/** Spans of the Liquid tags in a field, in order. */
export function liquidTags(text: string): { source: string; start: number; end: number }[] {
  return [...text.matchAll(LIQUID_TAG)].map((m) => ({ source: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * The words a reader sees, in order. Liquid tags are skipped, so a variable never adds words ("product",
 * "title") and a tag inside a phrase ("we noticed, {{ customer.first_name }}, that you…") does not hide it.
 */
export function wordsOfField(text: string): Word[] {
  const words: Word[] = [];
  let visibleGap = '';
  let cursor = 0;
  const scan = (from: number, to: number) => {
    const chunk = text.slice(from, to);
    let last = 0;
    for (const m of chunk.matchAll(WORD)) {
      visibleGap += chunk.slice(last, m.index);
      const folded = fold(m[0]);
      if (folded !== '') {
        words.push({ text: folded, start: from + m.index, end: from + m.index + m[0].length, breakBefore: SENTENCE_END.test(visibleGap) });
        visibleGap = '';
      }
      last = m.index + m[0].length;
    }
    visibleGap += chunk.slice(last);
  };
  for (const tag of liquidTags(text)) {
    scan(cursor, tag.start);
    cursor = tag.end;
  }
  scan(cursor, text.length);
  return words;
}

/** A phrase as a list of folded words, for building the phrase lists: "We’ve noticed" → ["we", "ve", "noticed"]. */
export function phraseWords(phrase: string): string[] {
  return wordsOfField(phrase).map((word) => word.text);
}
