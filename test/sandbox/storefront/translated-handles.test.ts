/**
 * Products at their translated handles on the sandbox storefront, as Shopify serves `/es/products/<handle>`: the
 * page in that language, the product JSON for the quick add, links and `product.handle` in the page's language,
 * and a translated handle that lost its language (a pick's root-relative link) sent on to the page in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallStore, startStorefront, type RunningStorefront } from './storefront-fixture.ts';

let storefront: RunningStorefront;

beforeAll(async () => {
  const store = smallStore();
  const coat = [...store.products.values()].find((p) => p.handle === 'wool-overcoat')!;
  coat.translations['es']!.handle = 'abrigo-de-lana';
  coat.translations['pt-BR']!.handle = 'sobretudo-de-la';
  storefront = await startStorefront(store);
});
afterAll(async () => {
  await storefront?.close();
});

const get = (path: string) => fetch(new URL(path, storefront.url), { redirect: 'manual' });

describe('a translated handle', () => {
  it('serves the product page in its language, and the default handle still serves it in every language', async () => {
    const spanish = await get('/products/abrigo-de-lana?locale=es');
    expect(spanish.status).toBe(200);
    const html = await spanish.text();
    expect(html).toContain('Abrigo de lana gris marengo');
    expect((await get('/products/wool-overcoat?locale=es')).status).toBe(200);
    expect(await (await get('/products/wool-overcoat?locale=pt-BR')).text()).toContain('Sobretudo de lã grafite');
    // Another language's handle is not this page's: Shopify 404s it under the wrong prefix.
    expect((await get('/products/sobretudo-de-la?locale=es')).status).toBe(404);
  });

  it('without its language, is sent on to the page in it, the link parameters kept', async () => {
    const response = await get('/products/abrigo-de-lana?tacto=home');
    expect(response.status).toBe(302);
    const target = new URL(response.headers.get('location')!, storefront.url);
    expect(target.pathname).toBe('/products/abrigo-de-lana');
    expect(Object.fromEntries(target.searchParams)).toEqual({ tacto: 'home', locale: 'es' });
  });

  it('answers the product JSON the quick add reads', async () => {
    const response = await get('/products/sobretudo-de-la.js?locale=pt-BR');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ handle: 'sobretudo-de-la', title: 'Sobretudo de lã grafite' });
    expect((await get('/products/no-such-thing.js')).status).toBe(404);
  });

  it("is the product's handle and URL in Liquid on a page in that language; the gloves, untranslated there, keep theirs", async () => {
    const home = await (await get('/?locale=es')).text();
    expect(home).toContain('href="/products/abrigo-de-lana?locale=es"');
    expect(home).toContain('href="/products/merino-gloves?locale=es"');
    expect(await (await get('/?locale=en')).text()).toContain('href="/products/wool-overcoat?locale=en"');
  });
});
