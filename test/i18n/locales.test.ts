import { describe, expect, it } from 'vitest';
import { chooseLocale, matchLocale } from '../../server/i18n/locales.ts';

describe('matchLocale: one convention for every language tag', () => {
  it.each([
    ['es', 'es'],
    ['es-AR', 'es'],
    ['ES_mx', 'es'],
    ['pt', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['en-GB', 'en'],
    ['EN', 'en'],
  ])('%s → %s', (tag, locale) => {
    expect(matchLocale(tag)).toBe(locale);
  });

  it.each([['fr'], ['de-DE'], [''], ['  '], [null], [undefined], ['x'.repeat(40)]])('%s is not spoken', (tag) => {
    expect(matchLocale(tag)).toBeNull();
  });
});

describe('chooseLocale', () => {
  it('takes the first candidate Tacto speaks', () => {
    expect(chooseLocale([null, 'fr-FR', 'pt-BR', 'es'])).toBe('pt-BR');
  });
  it('falls back when none is spoken', () => {
    expect(chooseLocale(['fr', undefined])).toBe('en');
    expect(chooseLocale([], 'es')).toBe('es');
  });
});
