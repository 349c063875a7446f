/**
 * The privacy report's words (server/privacy/report/words/<locale>.json) in every language Tacto speaks: the same
 * texts as English, each plural in every form the language has, the same {{values}} filled in — and every table the
 * report and the Privacy page list has its words (app/locales/<locale>/privacy.json, kept aligned by
 * test/i18n/admin-translations.test.ts).
 */
import { describe, expect, it } from 'vitest';
import enPrivacy from '../../app/locales/en/privacy.json' with { type: 'json' };
import { LOCALES } from '../../server/i18n/locales.ts';
import { REPORT_WORDS } from '../../server/privacy/report/report-words.ts';
import { STORED_TABLES, type Retention } from '../../server/privacy/stored-tables.ts';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) for (const [path, text] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
  } else out.set(prefix, tree);
  return out;
}
const base = (key: string) => key.replace(PLURAL_SUFFIX, '');
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!))].sort();

describe('the privacy report\'s words', () => {
  const english = leaves(REPORT_WORDS.en);

  for (const locale of LOCALES) {
    const texts = leaves(REPORT_WORDS[locale]);
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

    it(`${locale}: the same texts as English, plurals in every form, none empty`, () => {
      const wanted = new Set<string>();
      for (const key of english.keys()) {
        if (PLURAL_SUFFIX.test(key)) for (const category of categories) wanted.add(`${base(key)}_${category}`);
        else wanted.add(key);
      }
      const have = new Set(texts.keys());
      expect({ missing: [...wanted].filter((key) => !have.has(key)), extra: [...have].filter((key) => !wanted.has(key)) }).toEqual({ missing: [], extra: [] });
      expect([...texts].filter(([, text]) => typeof text !== 'string' || !text.trim()).map(([key]) => key)).toEqual([]);
    });

    it(`${locale}: each text fills in the same values as English`, () => {
      const differing = [...texts]
        .filter(([key, text]) => {
          const englishText = english.get(key) ?? english.get(`${base(key)}_other`);
          const drop = (names: string[]) => (PLURAL_SUFFIX.test(key) ? names.filter((name) => name !== 'count') : names);
          return JSON.stringify(drop(placeholders(String(text)))) !== JSON.stringify(drop(placeholders(String(englishText))));
        })
        .map(([key]) => key);
      expect(differing).toEqual([]);
    });
  }

  it('has words for every table and every retention code', () => {
    const tables = enPrivacy.tables as Record<string, { holds?: string; why?: string }>;
    expect(Object.keys(STORED_TABLES).filter((table) => !tables[table]?.holds || !tables[table]?.why)).toEqual([]);
    expect(tables.unknown).toBeDefined();
    const codes = new Set<Retention['code']>(Object.values(STORED_TABLES).map((table) => table.kept.code));
    const retention = enPrivacy.retention as Record<string, string>;
    expect([...codes].filter((code) => !retention[code] && !retention[`${code}_other`])).toEqual([]);
  });
});
