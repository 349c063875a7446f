/**
 * The storefront's words as the server reads them for shopper pages: parsed once, read again as soon as a file
 * changes (an edited translation shows on the next page, as in the admin's notice preview).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shopperLocale, shopperWords, STOREFRONT_LOCALES_DIR } from '../../server/i18n/shopper-words.ts';
import { cachedStorefrontLocales } from '../../server/i18n/storefront-locales.ts';
import { tempDir } from '../support/temp.ts';

describe('storefront words on the server', () => {
  it('parses the files once, and again when one changes', () => {
    const dir = join(tempDir(), 'locales');
    cpSync(STOREFRONT_LOCALES_DIR, dir, { recursive: true });
    const first = cachedStorefrontLocales(dir);
    expect(cachedStorefrontLocales(dir)).toBe(first);
    const file = join(dir, 'es.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"No es para mí"', '"No va conmigo"'));
    expect(shopperWords('es', dir)('tacto.terms.not_for_me')).toBe('No va conmigo');
    expect(cachedStorefrontLocales(dir)).not.toBe(first);
  });

  it('falls back to English for a key a language lacks, and refuses a key no file has', () => {
    const dir = join(tempDir(), 'locales');
    cpSync(STOREFRONT_LOCALES_DIR, dir, { recursive: true });
    const file = join(dir, 'pt-BR.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"not_for_me": "[^"]*",/, ''));
    expect(shopperWords('pt-BR', dir)('tacto.terms.not_for_me')).toBe('Not for me');
    expect(() => shopperWords('es', dir)('tacto.terms.nothing')).toThrow(/tacto\.terms\.nothing/);
  });

  it('takes the link\'s locale, then the browser\'s languages in order, then English', () => {
    const req = (...languages: string[]) => ({ acceptsLanguages: () => languages }) as never;
    expect(shopperLocale(req('es'), 'pt_BR')).toBe('pt-BR');
    expect(shopperLocale(req('fr', 'es-AR', 'pt'), undefined)).toBe('es');
    expect(shopperLocale(req('*'), 'de')).toBe('en');
  });
});
