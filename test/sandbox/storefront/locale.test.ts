import { describe, expect, it } from 'vitest';
import { chooseLocale, STOREFRONT_LOCALES } from '../../../sandbox/storefront/locale.ts';

const choose = (query: unknown, acceptLanguage = '') =>
  chooseLocale({ query, acceptLanguage, available: STOREFRONT_LOCALES, primary: 'en' }).locale;

describe('choosing the storefront language', () => {
  it('takes ?locale= over the browser, whatever its case', () => {
    expect(choose('pt-br', 'es')).toBe('pt-BR');
    expect(chooseLocale({ query: 'es', available: STOREFRONT_LOCALES, primary: 'en' }).fromQuery).toBe(true);
  });

  it('ignores a locale the shop does not publish and falls back to the browser, then the shop', () => {
    expect(choose('fr', 'es-ES,es;q=0.9')).toBe('es');
    expect(choose('fr', 'de-DE')).toBe('en');
    expect(choose(['es', 'pt-BR'])).toBe('en');
  });

  it('serves a regional browser its language, in the order of preference it states', () => {
    expect(choose(undefined, 'es-MX')).toBe('es');
    expect(choose(undefined, 'pt-PT')).toBe('pt-BR');
    expect(choose(undefined, 'de;q=1, es;q=0.4, pt-BR;q=0.8')).toBe('pt-BR');
    expect(choose(undefined, 'es;q=0, pt')).toBe('pt-BR');
  });
});
