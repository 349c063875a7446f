import { describe, expect, it } from 'vitest';
import {
  blockSchema,
  leafKeys,
  liquidFiles,
  LOCALES,
  lookup,
  readJson,
  schemaTranslationKeys,
  translationKeys,
} from './extension-files.ts';

const FORBIDDEN = ['because you', 'based on your', 'porque compraste', 'basado en tus', 'porque você comprou', 'com base nas suas'];

describe('extension translations', () => {
  it('every key the Liquid translates exists in the English, Spanish and Portuguese files', () => {
    const used = [...liquidFiles().values()].flatMap(translationKeys);
    expect(used.length).toBeGreaterThan(20);
    for (const locale of LOCALES) {
      const file = readJson(`locales/${locale}.json`);
      const missing = used.filter((key) => typeof lookup(file, key) !== 'string');
      expect(missing, `missing from locales/${locale}.json`).toEqual([]);
    }
  });

  it('every t: label in the block schemas exists in the three schema translation files', () => {
    const blocks = [...liquidFiles()].filter(([path]) => path.startsWith('blocks/'));
    const used = blocks.flatMap(([, source]) => schemaTranslationKeys(blockSchema(source)));
    expect(used).toContain('blocks.picks.settings.heading.default');
    for (const locale of LOCALES) {
      const file = readJson(`locales/${locale}.schema.json`);
      const missing = used.filter((key) => typeof lookup(file, key) !== 'string');
      expect(missing, `missing from locales/${locale}.schema.json`).toEqual([]);
    }
  });

  it('the three languages translate the same keys, so no shopper meets a gap', () => {
    for (const kind of ['', '.schema']) {
      const reference = leafKeys(readJson(`locales/en.default${kind}.json`)).sort();
      for (const locale of LOCALES) expect(leafKeys(readJson(`locales/${locale}${kind}.json`)).sort()).toEqual(reference);
    }
  });

  it('default headings are neutral: they never say what the store knows about the shopper', () => {
    const headings = LOCALES.flatMap((locale) => [
      lookup(readJson(`locales/${locale}.json`), 'tacto.picks.heading'),
      lookup(readJson(`locales/${locale}.schema.json`), 'blocks.picks.settings.heading.default'),
    ]);
    expect(headings).toHaveLength(6);
    for (const heading of headings) {
      expect(typeof heading).toBe('string');
      for (const phrase of FORBIDDEN) expect((heading as string).toLowerCase()).not.toContain(phrase);
    }
  });

  it('the block falls back to those neutral headings', () => {
    const source = liquidFiles().get('blocks/tacto-picks.liquid')!;
    expect(translationKeys(source)).toContain('tacto.picks.heading');
    const settings = (blockSchema(source) as { settings: { id: string; default?: string }[] }).settings;
    expect(settings.find((setting) => setting.id === 'heading')?.default).toBe('t:blocks.picks.settings.heading.default');
  });
});
