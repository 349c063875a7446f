/**
 * Picks in the shopper's language, on the installed demo store: the install's backfill reads the catalog's Spanish
 * and Portuguese titles and handles through the Admin API (shopLocales, translatableResources), /apps/tacto/picks
 * answers a page in its language (the default titles otherwise), a product's translations are read again on
 * products/update, and translated handles name the same product for the seen beacon and "not for me".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import type { SandboxProduct } from '../../sandbox/store/types.ts';
import { readAllTranslations, readTranslationLocales } from '../../server/translations/read-translations.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;
const store = () => env.sandbox.store;
const active = () => [...store().products.values()].filter((p) => p.status === 'ACTIVE');
const customerOf = (email: string) => [...store().customers.values()].find((c) => c.email === email)!.id;
const byId = (id: number) => store().products.get(id)!;

interface Pick {
  title: string;
  url: string;
}

async function picks(params: Record<string, string>, customerId: number | null = null): Promise<{ text: string; items: Pick[] }> {
  const response = await fetch(signedProxyUrl(env, '/proxy/picks', customerId, params));
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, items: (JSON.parse(text) as { items: Pick[] }).items };
}

/** The product a pick links to, by its handle in `locale` (the default handle where it has no translated one). */
function productOf(pick: Pick, locale: string): SandboxProduct {
  const handle = pick.url.replace('/products/', '');
  const found = active().find((p) => (p.translations[locale]?.handle ?? p.handle) === handle);
  expect(found, `a product at ${pick.url} in ${locale}`).toBeDefined();
  return found!;
}

async function settled() {
  await env.sandbox.webhooks.idle();
  await env.app.webhookWorker.idle();
}

const HOME = { template: 'index', limit: '8' };

/** The app's clock for translation reads: a test moves it past the 6 hours a full read stays fresh. */
let now = Date.now();
/** Admin API queries that read the whole catalog's translations (the full read walks translatableResources). */
let fullReadPages = 0;

beforeAll(async () => {
  const onQuery = (query: { fields: string[] }) => {
    if (query.fields.includes('QueryRoot.translatableResources')) fullReadPages++;
  };
  env = await startInstalledApp({ onQuery }, undefined, { translations: { clock: () => now } });
});
afterAll(() => env?.close());

describe('translations read at install', () => {
  it("hold every active product's Spanish and Portuguese title and handle, and nothing else of them", () => {
    const rows = queryDb<{ locale: string; n: number }>(
      env.app.databasePath,
      'select locale, count(*) as n from product_translations where shop = ? group by locale order by locale',
      shop(),
    );
    const translated = (locale: string) => [...store().products.values()].filter((p) => p.translations[locale]).length;
    expect(rows).toEqual([
      { locale: 'es', n: translated('es') },
      { locale: 'pt-BR', n: translated('pt-BR') },
    ]);
    const columns = queryDb<{ name: string }>(env.app.databasePath, "select name from pragma_table_info('product_translations')").map((c) => c.name);
    expect(columns).toEqual(['shop', 'product_id', 'locale', 'title', 'handle']);
  });
});

describe('/apps/tacto/picks in the page language', () => {
  it('answers a Spanish page with Spanish titles linking to Spanish handles, a Brazilian page in Portuguese, others in English', async () => {
    for (const locale of ['es', 'pt-BR'] as const) {
      const { items } = await picks({ ...HOME, locale });
      expect(items.length).toBeGreaterThan(3);
      for (const pick of items) {
        const product = productOf(pick, locale);
        expect(pick.title).toBe(product.translations[locale]!.title);
        expect(pick.title).not.toBe(product.title);
        expect(pick.url).toBe(`/products/${product.translations[locale]!.handle}`);
      }
    }
    for (const locale of ['en', '', 'fr']) {
      const { items } = await picks({ ...HOME, locale });
      expect(items.length).toBeGreaterThan(3);
      for (const pick of items) expect(pick.title).toBe(productOf(pick, 'en').title);
    }
  });

  it("reads a regional tag as its language (es-AR → es), and remembers each language's answer apart", async () => {
    const spanish = await picks({ ...HOME, locale: 'es' });
    expect((await picks({ ...HOME, locale: 'es-AR' })).text).toBe(spanish.text);
    const english = await picks({ ...HOME, locale: 'en' });
    expect(english.text).not.toBe(spanish.text);
    // Asked again, each answer stays in its language (the visitor answer remembered per page and language).
    expect((await picks({ ...HOME, locale: 'es' })).text).toBe(spanish.text);
    expect((await picks({ ...HOME, locale: 'en' })).text).toBe(english.text);
  });

  it('gives a visitor and a logged-in shopper on the same Spanish page answers of the same shape and length', async () => {
    for (const email of [PERSONAS.COAT_BUYER, PERSONAS.PREGNANCY_TEST_BUYER, PERSONAS.NO_ORDERS]) {
      for (const page of [HOME, { template: 'index', limit: '4' }]) {
        const visitor = await picks({ ...page, locale: 'es' });
        const shopper = await picks({ ...page, locale: 'es' }, customerOf(email));
        expect(Object.keys(JSON.parse(shopper.text))).toEqual(Object.keys(JSON.parse(visitor.text)));
        expect(shopper.items.length).toBe(visitor.items.length);
        for (const pick of shopper.items) expect(Object.keys(pick).sort()).toEqual(Object.keys(visitor.items[0]!).sort());
      }
    }
  });
});

describe('a translation edited in Shopify', () => {
  it('reaches the picks with the next products/update, and a product without one falls back to its default title', async () => {
    const [first, second] = (await picks({ ...HOME, locale: 'es' })).items.map((pick) => productOf(pick, 'es'));
    const renamed = first!;
    const untranslated = second!;
    const { es: _removed, ...others } = untranslated.translations;
    store().updateProduct(renamed.id, { translations: { ...renamed.translations, es: { title: 'Abrigo del sandbox', handle: 'abrigo-del-sandbox' } } });
    store().updateProduct(untranslated.id, { translations: others });
    await settled();
    const after = (await picks({ ...HOME, locale: 'es' })).items;
    expect(after).toContainEqual(expect.objectContaining({ title: 'Abrigo del sandbox', url: '/products/abrigo-del-sandbox' }));
    expect(after).toContainEqual(expect.objectContaining({ title: byId(untranslated.id).title, url: `/products/${untranslated.handle}` }));
    // Its Portuguese is untouched.
    const portuguese = (await picks({ ...HOME, locale: 'pt-BR' })).items.map((pick) => pick.title);
    expect(portuguese).toContain(untranslated.translations['pt-BR']!.title);
  });
});

describe('a translation edited in Shopify alone (no webhook: Translate & Adapt sends none)', () => {
  it('reaches the picks once the last full read is 6 hours old and a page in another language asks', async () => {
    const [first] = (await picks({ ...HOME, locale: 'pt-BR' })).items.map((pick) => productOf(pick, 'pt-BR'));
    const product = byId(first!.id);
    const edited = { title: 'Título editado no Translate & Adapt', handle: product.translations['pt-BR']!.handle };
    // Edited in place, as the translation app does: the product itself does not change, so no products/update.
    product.translations['pt-BR'] = edited;
    await settled();
    const titles = async () => (await picks({ ...HOME, locale: 'pt-BR' })).items.map((pick) => pick.title);
    expect(await titles()).not.toContain(edited.title);
    await env.app.translations.idle();
    expect(await titles()).not.toContain(edited.title);
    now += 6 * 60 * 60_000 + 1;
    // This request answers with what is stored and starts a full read in the background.
    expect(await titles()).not.toContain(edited.title);
    await env.app.translations.idle();
    expect(await titles()).toContain(edited.title);
  });

  it('is not read again in full after a restart before the 6 hours are up, and is once they are', async () => {
    const page = () => picks({ ...HOME, locale: 'es' });
    await env.app.translations.idle();
    const stored = await env.app.storage.translations.lastFullRead(shop());
    expect(stored?.getTime()).toBe(now);
    await env.restartApp();
    const pagesBefore = fullReadPages;
    now += 5 * 60 * 60_000;
    await page();
    await env.app.translations.idle();
    await page();
    await env.app.translations.idle();
    expect(fullReadPages).toBe(pagesBefore);
    now += 60 * 60_000 + 1;
    await page();
    await env.app.translations.idle();
    expect(fullReadPages).toBeGreaterThan(pagesBefore);
    expect((await env.app.storage.translations.lastFullRead(shop()))?.getTime()).toBe(now);
    // Asked again at once, from this process's memory: no further read.
    const pagesAfter = fullReadPages;
    await page();
    await env.app.translations.idle();
    expect(fullReadPages).toBe(pagesAfter);
  });
});

describe('translated handles on the storefront beacons', () => {
  it('count a Spanish page view against the same products for the frequency cap, and "not for me" dismisses the same product', async () => {
    const daniel = customerOf(PERSONAS.CAMERA_BUYER);
    const shown = (await picks({ template: 'index', limit: '4', locale: 'pt-BR' }, daniel)).items;
    const handles = shown.map((pick) => pick.url.replace('/products/', ''));
    const ids = shown.map((pick) => productOf(pick, 'pt-BR').id);
    const view = 'a'.repeat(32);
    const seen = await fetch(signedProxyUrl(env, '/proxy/seen', daniel), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ view, handles }),
    });
    expect(seen.status).toBe(204);
    const impressions = queryDb<{ product_id: number }>(
      env.app.databasePath,
      'select product_id from recommendation_impressions where shop = ? and customer_id = ? and view_id = ? order by rowid',
      shop(),
      daniel,
      `page:${view}`,
    ).map((row) => row.product_id);
    expect(impressions).toEqual(ids);

    const feedback = await fetch(signedProxyUrl(env, '/proxy/feedback', daniel), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ handle: handles[0], reason: 'not-my-style' }),
    });
    expect(feedback.status).toBe(200);
    const record = await env.app.storage.recommendations.shopper(shop(), daniel, new Date(0).toISOString(), new Date().toISOString());
    expect(record.feedback.map((f) => f.productId)).toEqual([ids[0]]);
    // Dismissed in Portuguese, gone in every language.
    for (const locale of ['pt-BR', 'es', 'en']) {
      const again = (await picks({ template: 'index', limit: '8', locale }, daniel)).items.map((pick) => productOf(pick, locale).id);
      expect(again).not.toContain(ids[0]);
    }
  });
});

describe('the Admin API read', () => {
  it('walks the catalog page by page to the same translations (a page of 25 here, of 250 in the app)', async () => {
    const session = (await env.app.storage.sessions.loadSession(env.app.shopify.api.session.getOfflineId(shop())))!;
    const locales = await readTranslationLocales(env.app.shopify, session);
    expect(locales).toEqual([
      { shopify: 'es', locale: 'es' },
      { shopify: 'pt-BR', locale: 'pt-BR' },
    ]);
    const whole = await readAllTranslations(env.app.shopify, session, locales);
    const paged = await readAllTranslations(env.app.shopify, session, locales, { pageSize: 25 });
    expect(paged).toEqual(whole);
    const coat = active().find((p) => p.handle === 'wool-overcoat')!;
    expect(whole).toContainEqual({ productId: coat.id, locale: 'es', title: coat.translations['es']!.title, handle: coat.translations['es']!.handle });
  });
});
