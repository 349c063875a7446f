/**
 * The checks every translation file of Tacto's passes (the admin's, the privacy report's): the same keys as English,
 * each plural in every form the language has (Intl.PluralRules: es and pt-BR have `many`), no empty text, and the
 * same `{{values}}` and `<1>` tags filled in — else a value or a link silently goes missing in one language.
 */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a translation tree as `a.b.c` → text. */
export function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) for (const [path, text] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
  } else out.set(prefix, tree);
  return out;
}

/** A key without its plural suffix: `days_one` and `days_other` are both `days`. */
const base = (key: string) => key.replace(PLURAL_SUFFIX, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|<\/?(\d+)>/g)].map((m) => m[1] ?? `<${m[2]}>`).sort();

/** The keys `texts` (in `locale`) lacks or has beyond English's, plural forms counted by the language's rules. */
export function keyDifferences(english: Map<string, unknown>, texts: Map<string, unknown>, locale: string): { missing: string[]; extra: string[] } {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const wanted = new Set<string>();
  for (const key of english.keys()) {
    if (PLURAL_SUFFIX.test(key)) for (const category of categories) wanted.add(`${base(key)}_${category}`);
    else wanted.add(key);
  }
  const have = new Set(texts.keys());
  return { missing: [...wanted].filter((key) => !have.has(key)), extra: [...have].filter((key) => !wanted.has(key)) };
}

/** The keys whose text is not a non-empty string. */
export const emptyTexts = (texts: Map<string, unknown>) => [...texts].filter(([, text]) => typeof text !== 'string' || !text.trim()).map(([key]) => key);

/** `key: mine ≠ English's` for each text filling in other values or tags than English (a plural's `count` aside). */
export function placeholderDifferences(english: Map<string, unknown>, texts: Map<string, unknown>): string[] {
  const differing: string[] = [];
  for (const [key, text] of texts) {
    const englishText = english.get(key) ?? english.get(`${base(key)}_other`);
    if (typeof text !== 'string' || typeof englishText !== 'string') continue;
    // A plural's singular may say "one" instead of {{count}}.
    const names = (source: string) => [...new Set(placeholders(source).filter((name) => !(PLURAL_SUFFIX.test(key) && name === 'count')))];
    const mine = names(text);
    const theirs = names(englishText);
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) differing.push(`${key}: ${mine.join(',')} ≠ ${theirs.join(',')}`);
  }
  return differing;
}
