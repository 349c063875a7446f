/**
 * What the analytics and privacy browser tests look for in a page read in Spanish or Portuguese: English left from
 * the translation files, and English function words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../server/i18n/locales.ts';
import { ADMIN_LOCALES_DIR as LOCALES_DIR } from '../support/admin-words.ts';

export { adminI18n } from '../support/admin-words.ts';

/** Every text of a translation file by key, `a.b.c` → text. */
function leaves(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (tree && typeof tree === 'object') {
    for (const [key, value] of Object.entries(tree)) for (const [path, text] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
  } else if (typeof tree === 'string') out.set(prefix, tree);
  return out;
}

/**
 * The English of `namespaces` that shows in `text`, a page read in `locale`: every run of words of 12 characters or
 * more between an English text's placeholders, unless the language's own text says the same (a code, a brand).
 */
export function englishLeftIn(text: string, locale: Locale, namespaces: readonly string[]): string[] {
  const found = new Set<string>();
  for (const namespace of namespaces) {
    const read = (code: Locale) => leaves(JSON.parse(readFileSync(join(LOCALES_DIR, code, `${namespace}.json`), 'utf8')));
    const english = read('en');
    const local = [...read(locale).values()].join('\n');
    for (const [key, sentence] of english) {
      for (const fragment of sentence.split(/\{\{[^}]*\}\}/)) {
        const words = fragment.trim();
        if (words.length >= 12 && !local.includes(words) && text.includes(words)) found.add(`${namespace}:${key} "${words}"`);
      }
    }
  }
  return [...found];
}

/**
 * English function words: in a Spanish or Portuguese page they come only from an English sentence. Word edges by
 * letter class, not \b (for \b, "í" in "período" ends the word "per").
 */
export const ENGLISH_WORDS = /(?<!\p{L})(the|and|with|your|of|not|shown|from|per|days?)(?!\p{L})/iu;
