import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAMESPACES } from '../../app/i18n/namespaces.ts';
import { LOCALES } from '../../server/i18n/locales.ts';
import { emptyTexts, keyDifferences, leaves, placeholderDifferences } from '../support/translation-parity.ts';

const LOCALES_DIR = join(import.meta.dirname, '../../app/locales');
const read = (locale: string, namespace: string) => leaves(JSON.parse(readFileSync(join(LOCALES_DIR, locale, `${namespace}.json`), 'utf8')));

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
        it(`${locale}: every text is a non-empty string`, () => expect(emptyTexts(texts)).toEqual([]));
        it(`${locale}: the same keys as English (plurals in every form ${locale} has)`, () => {
          expect(keyDifferences(english, texts, locale)).toEqual({ missing: [], extra: [] });
        });
        it(`${locale}: each text fills in the same values and tags as English`, () => expect(placeholderDifferences(english, texts)).toEqual([]));
      }
    });
  }
});
