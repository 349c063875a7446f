import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  blockSchema,
  EXTENSION_DIR,
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

/**
 * The app's own shopper pages read the same files (server/i18n/shopper-words.ts): the data page's Liquid with `| t`,
 * the unsubscribe page with `t('…')`.
 */
const SERVER_PAGES = ['server/proxy/my-data/page.liquid', 'server/followups/unsubscribe-routes.ts'].map((path) =>
  readFileSync(resolve(import.meta.dirname, '../..', path), 'utf8'),
);
const serverKeys = () => SERVER_PAGES.flatMap((source) => [...translationKeys(source), ...[...source.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]!)]);
/** Keys a block or page builds from a value (`'tacto.terms.topics.' | append: topic`): a family, not one key. */
const BUILT_FAMILIES = ['tacto.terms.topics.', 'tacto.terms.reasons.'];

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

  it('every key the data page and the unsubscribe page read exists in the three files', () => {
    const used = serverKeys();
    expect(used).toContain('tacto.my_data.title');
    expect(used).toContain('tacto.unsubscribe.done');
    for (const locale of LOCALES) {
      const file = readJson(`locales/${locale}.json`);
      expect(used.filter((key) => typeof lookup(file, key) !== 'string'), `missing from locales/${locale}.json`).toEqual([]);
    }
  });

  it('keeps no word nobody reads: each key is used by a block, a server page or a family built from a value', () => {
    const used = new Set([...[...liquidFiles().values()].flatMap(translationKeys), ...serverKeys()]);
    const unused = leafKeys(readJson('locales/en.default.json')).filter((key) => !used.has(key) && !BUILT_FAMILIES.some((family) => key.startsWith(family)));
    expect(unused).toEqual([]);
  });

  it('stays within Shopify\'s 15 KB for a theme app extension locale file', () => {
    for (const locale of LOCALES) for (const kind of ['', '.schema']) expect(statSync(join(EXTENSION_DIR, `locales/${locale}${kind}.json`)).size).toBeLessThanOrEqual(15_000);
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
