import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAMESPACES } from '../../app/i18n/namespaces.ts';
import { LOCALES } from '../../server/i18n/locales.ts';

const LOCALES_DIR = join(import.meta.dirname, '../../app/locales');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a translation file as `a.b.c` → text. */
function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) {
      for (const [path, text] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
    }
  } else out.set(prefix, tree);
  return out;
}

function read(locale: string, namespace: string): Map<string, unknown> {
  return leaves(JSON.parse(readFileSync(join(LOCALES_DIR, locale, `${namespace}.json`), 'utf8')));
}

/** A key without its plural suffix: `days_one` and `days_other` are both `days`. */
const base = (key: string) => key.replace(PLURAL_SUFFIX, '');
/** What a text fills in and marks up: `{{count}}`, `<1>…</1>` — the same in every language, or a value goes missing. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|<\/?(\d+)>/g)].map((m) => m[1] ?? `<${m[2]}>`).sort();

describe('admin translations', () => {
  it('has a file for every namespace in every language, and nothing else', () => {
    for (const locale of LOCALES) {
      expect(readdirSync(join(LOCALES_DIR, locale)).sort()).toEqual(NAMESPACES.map((namespace) => `${namespace}.json`).sort());
    }
  });

  for (const namespace of NAMESPACES) {
    describe(namespace, () => {
      const english = read('en', namespace);

      for (const locale of LOCALES) {
        const texts = read(locale, namespace);
        const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

        it(`${locale}: every text is a non-empty string`, () => {
          const bad = [...texts].filter(([, text]) => typeof text !== 'string' || !text.trim()).map(([key]) => key);
          expect(bad).toEqual([]);
        });

        it(`${locale}: the same keys as English (plurals in every form ${locale} has)`, () => {
          const wanted = new Set<string>();
          for (const key of english.keys()) {
            if (PLURAL_SUFFIX.test(key)) for (const category of categories) wanted.add(`${base(key)}_${category}`);
            else wanted.add(key);
          }
          const have = new Set(texts.keys());
          expect({ missing: [...wanted].filter((key) => !have.has(key)), extra: [...have].filter((key) => !wanted.has(key)) }).toEqual({ missing: [], extra: [] });
        });

        it(`${locale}: each text fills in the same values and tags as English`, () => {
          const differing: string[] = [];
          for (const [key, text] of texts) {
            if (typeof text !== 'string') continue;
            const plural = PLURAL_SUFFIX.test(key);
            const englishText = english.get(key) ?? english.get(`${base(key)}_other`);
            if (typeof englishText !== 'string') continue;
            // A plural's singular may say "one" instead of {{count}}.
            const mine = placeholders(text).filter((name) => !(plural && name === 'count'));
            const theirs = placeholders(englishText).filter((name) => !(plural && name === 'count'));
            if (JSON.stringify([...new Set(mine)]) !== JSON.stringify([...new Set(theirs)])) differing.push(`${key}: ${mine.join(',')} ≠ ${theirs.join(',')}`);
          }
          expect(differing).toEqual([]);
        });
      }
    });
  }
});
