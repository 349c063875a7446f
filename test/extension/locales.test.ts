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

/** The names of a translation's `{{ name }}` placeholders, each once, sorted (a language may repeat one or not). */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)].map((match) => match[1]!))].sort();

/** Each `'key' | t: name: value, …` of a Liquid source, with the names it passes (none for a plain `| t`). */
function translationCalls(source: string): { key: string; names: string[] }[] {
  return [...source.matchAll(/(['"])([\w.-]+)\1\s*\|\s*(?:t|translate)\b(?:\s*:([^|}]*))?/g)].map((match) => ({
    key: match[2]!,
    names: [...(match[3] ?? '').matchAll(/([\w-]+)\s*:/g)].map((name) => name[1]!).sort(),
  }));
}

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

  it('every translation has the same placeholders in the three languages, and the Liquid passes each of them', () => {
    const reference = readJson('locales/en.default.json');
    for (const locale of LOCALES) {
      const file = readJson(`locales/${locale}.json`);
      for (const key of leafKeys(reference)) {
        expect(placeholders(lookup(file, key) as string), `${locale}: ${key}`).toEqual(placeholders(lookup(reference, key) as string));
      }
    }
    const calls = [...liquidFiles().values()].flatMap(translationCalls);
    // The notice's numbers come from the app: the bound r and both retention periods.
    expect(calls.find((call) => call.key === 'tacto.notice.bound')?.names).toEqual(['ratio']);
    expect(calls.find((call) => call.key === 'tacto.notice.retention')?.names).toEqual(['days', 'impression_days']);
    for (const call of calls) expect(call.names, call.key).toEqual(placeholders(lookup(reference, call.key) as string));
    // Those two are templates in an HTML attribute, escaped on the way in: nothing an escape would change.
    for (const locale of LOCALES) {
      for (const key of ['tacto.notice.bound', 'tacto.notice.retention']) expect(lookup(readJson(`locales/${locale}.json`), key)).not.toMatch(/[&<>"']/);
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
