/**
 * The pure choices behind picks in the shopper's language: which of the shop's languages are read, what of a
 * Shopify translation is kept, and which language a storefront page asks for.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '@shopify/shopify-api';
import { picksQuery } from '../../server/proxy/picks-query.ts';
import { grantsTranslations } from '../../server/translations/read-translations.ts';
import { translationLocales } from '../../server/translations/translation-locales.ts';
import { translationOf } from '../../server/translations/translation-rows.ts';

const published = (locale: string, primary = false) => ({ locale, primary, published: true });

describe('the languages whose translations are read', () => {
  it("are the shop's published ones besides the primary, that Tacto speaks, under Tacto's tags", () => {
    expect(translationLocales([published('en', true), published('es'), published('pt-BR')])).toEqual([
      { shopify: 'es', locale: 'es' },
      { shopify: 'pt-BR', locale: 'pt-BR' },
    ]);
    // French is published, but the block around the picks is not written in French: its titles stay the default.
    expect(translationLocales([published('en', true), published('fr'), published('es-MX')])).toEqual([{ shopify: 'es-MX', locale: 'es' }]);
  });

  it('leave out unpublished languages and the primary one, and read English for a shop written in Spanish', () => {
    expect(translationLocales([published('es', true), { locale: 'pt-BR', primary: false, published: false }, published('en')])).toEqual([
      { shopify: 'en', locale: 'en' },
    ]);
    expect(translationLocales([published('es', true), published('es-AR')])).toEqual([]);
    expect(translationLocales([])).toEqual([]);
  });

  it('take the exact tag before another of the same language (pt-BR before pt-PT)', () => {
    expect(translationLocales([published('en', true), published('pt-PT'), published('pt-BR')])).toEqual([{ shopify: 'pt-BR', locale: 'pt-BR' }]);
    expect(translationLocales([published('en', true), published('pt-PT')])).toEqual([{ shopify: 'pt-PT', locale: 'pt-BR' }]);
  });
});

describe("what is kept of a product's translation", () => {
  const resource = (translations: { key: string; value: string | null }[]) => ({ resourceId: 'gid://shopify/Product/42', translations });

  it('is its title and handle, nothing else', () => {
    expect(
      translationOf(
        resource([
          { key: 'title', value: 'Abrigo de lana' },
          { key: 'handle', value: 'abrigo-de-lana' },
          { key: 'body_html', value: '<p>Cálido.</p>' },
          { key: 'meta_title', value: 'Abrigo' },
        ]),
        'es',
      ),
    ).toEqual({ productId: 42, locale: 'es', title: 'Abrigo de lana', handle: 'abrigo-de-lana' });
  });

  it('keeps the default where a key is missing, empty or a handle no link could carry, and nothing when neither is left', () => {
    expect(translationOf(resource([{ key: 'title', value: 'Casaco de lã' }]), 'pt-BR')).toEqual({ productId: 42, locale: 'pt-BR', title: 'Casaco de lã', handle: null });
    expect(translationOf(resource([{ key: 'title', value: '  ' }, { key: 'handle', value: 'casaco' }]), 'pt-BR')).toEqual({
      productId: 42,
      locale: 'pt-BR',
      title: null,
      handle: 'casaco',
    });
    expect(translationOf(resource([{ key: 'title', value: 'Casaco' }, { key: 'handle', value: 'casaco de lã' }]), 'pt-BR')?.handle).toBeNull();
    expect(translationOf(resource([{ key: 'title', value: null }, { key: 'body_html', value: '<p>x</p>' }]), 'es')).toBeNull();
    expect(translationOf(resource([]), 'es')).toBeNull();
  });
});

describe("a storefront page's language", () => {
  const localeOf = (locale: string) => picksQuery.parse({ locale }).locale;

  it("is one of Tacto's, by the convention of server/i18n/locales.ts; none (the default titles) otherwise", () => {
    expect(localeOf('es')).toBe('es');
    expect(localeOf('es-AR')).toBe('es');
    expect(localeOf('pt-BR')).toBe('pt-BR');
    expect(localeOf('pt-PT')).toBe('pt-BR');
    expect(localeOf('en')).toBe('en');
    expect(localeOf('fr')).toBeNull();
    expect(localeOf('')).toBeNull();
    expect(picksQuery.parse({}).locale).toBeNull();
  });
});

describe('a shop installed before Tacto asked for read_locales and read_translations', () => {
  const session = (scope: string) => new Session({ id: 'offline_a.myshopify.com', shop: 'a.myshopify.com', state: '', isOnline: false, scope, accessToken: 'x' });

  it('is not read (its picks keep their default titles) until both are granted', () => {
    expect(grantsTranslations(session('read_products,read_orders'))).toBe(false);
    expect(grantsTranslations(session('read_products,read_locales'))).toBe(false);
    expect(grantsTranslations(session('read_products,read_locales,read_translations'))).toBe(true);
  });
});
