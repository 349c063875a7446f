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
import { emptyTexts, keyDifferences, leaves, placeholderDifferences } from '../support/translation-parity.ts';

describe('the privacy report\'s words', () => {
  const english = leaves(REPORT_WORDS.en);

  for (const locale of LOCALES) {
    const texts = leaves(REPORT_WORDS[locale]);

    it(`${locale}: the same texts as English, plurals in every form, none empty`, () => {
      expect(keyDifferences(english, texts, locale)).toEqual({ missing: [], extra: [] });
      expect(emptyTexts(texts)).toEqual([]);
    });

    it(`${locale}: each text fills in the same values as English`, () => expect(placeholderDifferences(english, texts)).toEqual([]));
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
