/**
 * The sandbox storefront's cart, through Shopify's Ajax Cart API (`/cart.js`, `/cart/add.js`, `/cart/update.js`,
 * `/cart/change.js`, `/cart/clear.js`), the theme's form posts and `/products/<handle>.js`, over real HTTP: what a
 * theme script, Tacto's quick add and the traffic simulator rely on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CART_LIMITS } from '../../../sandbox/storefront/cart.ts';
import { cartObject } from '../../../sandbox/storefront/cart-json.ts';
import { createShopifyLiquid } from '../../../sandbox/storefront/liquid-engine.ts';
import { smallStore, startStorefront, type RunningStorefront } from './storefront-fixture.ts';

let storefront: RunningStorefront;

beforeAll(async () => {
  storefront = await startStorefront();
});
afterAll(async () => {
  await storefront?.close();
});

const product = (handle: string) => [...storefront.store.products.values()].find((p) => p.handle === handle)!;
const coatM = () => product('wool-overcoat').variants[0]!.id;
const coatL = () => product('wool-overcoat').variants[1]!.id;
const gloves = () => product('merino-gloves').variants[0]!.id;

/** One shopper's browser: it keeps the cookies the storefront sets, as a browser's cookie jar does. */
function shopper() {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((attribute) => /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
      if (expired || value === '') jar.delete(name.trim());
      else jar.set(name.trim(), value.trim());
    }
    return response;
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  return {
    jar,
    async json(path: string, body?: unknown) {
      const response = remember(
        await fetch(new URL(path, storefront.url), {
          method: body === undefined ? 'GET' : 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', Cookie: cookie() },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
      // any: Shopify's JSON, asserted field by field in each test
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    },
    async send(path: string, body: BodyInit, headers: Record<string, string> = {}) {
      return remember(await fetch(new URL(path, storefront.url), { method: 'POST', headers: { Cookie: cookie(), ...headers }, body, redirect: 'manual' }));
    },
    page: async (path: string) => (await fetch(new URL(path, storefront.url), { headers: { Cookie: cookie() } })).text(),
  };
}

describe('the cart Ajax API', () => {
  it('adds the same variant with other properties as its own line, and the same properties to the same line', async () => {
    const browser = shopper();
    const added = await browser.json('/cart/add.js', { items: [{ id: coatM(), quantity: 1, properties: { _tacto: 'product-page' } }] });
    expect(added.status).toBe(200);
    expect(added.body.items).toEqual([
      expect.objectContaining({ id: coatM(), variant_id: coatM(), quantity: 1, properties: { _tacto: 'product-page' }, price: 23900, line_price: 23900 }),
    ]);
    await browser.json('/cart/add.js', { id: coatM(), quantity: 2 });
    const again = await browser.json('/cart/add.js', { items: [{ id: coatM(), quantity: 1, properties: { _tacto: 'product-page' } }] });
    expect(again.body.items[0]).toMatchObject({ quantity: 2, properties: { _tacto: 'product-page' } });

    const { body: cart } = await browser.json('/cart.js');
    expect(cart.items.map((item: { quantity: number; properties: object }) => [item.quantity, item.properties])).toEqual([
      [2, {}],
      [2, { _tacto: 'product-page' }],
    ]);
    expect(new Set(cart.items.map((item: { key: string }) => item.key)).size).toBe(2);
    expect(cart).toMatchObject({ item_count: 4, total_price: 4 * 23900, currency: 'EUR', attributes: {}, token: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(cart.items[0]).toMatchObject({
      product_id: product('wool-overcoat').id,
      title: 'Charcoal Wool Overcoat - M',
      handle: 'wool-overcoat',
      url: `/products/wool-overcoat?variant=${coatM()}`,
      line_price: 2 * 23900,
    });
  });

  it('takes a single item as JSON, a form post and FormData, properties included; a blank property is left out', async () => {
    const browser = shopper();
    const single = await browser.json('/cart/add.js', { id: gloves(), quantity: 1, properties: { Engraving: 'A.B.', Gift: '' } });
    expect(single.body).toMatchObject({ id: gloves(), quantity: 1, properties: { Engraving: 'A.B.' } });

    const form = await browser.send(
      '/cart/add.js',
      new URLSearchParams({ id: String(gloves()), quantity: '2', 'properties[_tacto]': 'cart' }),
      { 'Content-Type': 'application/x-www-form-urlencoded' },
    );
    expect(await form.json()).toMatchObject({ quantity: 2, properties: { _tacto: 'cart' } });

    const data = new FormData();
    data.set('id', String(coatL()));
    data.set('properties[_tacto]', 'home');
    const multipart = await browser.send('/cart/add.js', data);
    expect(await multipart.json()).toMatchObject({ id: coatL(), quantity: 1, properties: { _tacto: 'home' } });

    const { body: cart } = await browser.json('/cart.js');
    expect(cart.items.map((item: { properties: object }) => item.properties)).toEqual([{ _tacto: 'home' }, { _tacto: 'cart' }, { Engraving: 'A.B.' }]);
  });

  it('keeps cart attributes on an empty cart, merges them, removes one set blank, and keeps them through clear.js', async () => {
    const browser = shopper();
    const set = await browser.json('/cart/update.js', { attributes: { _tacto_exp: '3.h.20261203', gift: 'yes' } });
    expect(set.body).toMatchObject({ item_count: 0, attributes: { _tacto_exp: '3.h.20261203', gift: 'yes' } });
    expect((await browser.json('/cart.js')).body.attributes).toEqual({ _tacto_exp: '3.h.20261203', gift: 'yes' });

    await browser.json('/cart/update.js', { attributes: { gift: '', _tacto_exp: '4.t.20261204' } });
    await browser.json('/cart/add.js', { items: [{ id: gloves(), quantity: 1 }] });
    const cleared = await browser.json('/cart/clear.js', {});
    expect(cleared.body).toMatchObject({ item_count: 0, items: [], attributes: { _tacto_exp: '4.t.20261204' } });
  });

  it('sets quantities by variant (update.js) and by line or key (change.js); 0 removes the line', async () => {
    const browser = shopper();
    await browser.json('/cart/add.js', { items: [{ id: gloves(), quantity: 1 }, { id: coatM(), quantity: 1, properties: { _tacto: 'cart' } }] });
    const updated = await browser.json('/cart/update.js', { updates: { [gloves()]: 3, [coatL()]: 1 } });
    expect(updated.body.items.map((item: { id: number; quantity: number }) => [item.id, item.quantity])).toEqual([
      [coatL(), 1],
      [coatM(), 1],
      [gloves(), 3],
    ]);
    const byLine = await browser.json('/cart/change.js', { line: 1, quantity: 0 });
    expect(byLine.body.items.map((item: { id: number }) => item.id)).toEqual([coatM(), gloves()]);
    const key = byLine.body.items[0].key as string;
    const byKey = await browser.json('/cart/change.js', { id: key, quantity: 5 });
    expect(byKey.body.items[0]).toMatchObject({ id: coatM(), quantity: 5, properties: { _tacto: 'cart' } });
    const byVariant = await browser.json('/cart/change.js', { id: gloves(), quantity: 0 });
    expect(byVariant.body).toMatchObject({ item_count: 5 });
    expect((await browser.json('/cart/change.js', { line: 9, quantity: 1 })).status).toBe(400);
  });

  it('refuses an unknown or sold-out variant with Shopify\'s 422 and leaves the cart as it was', async () => {
    const browser = shopper();
    await browser.json('/cart/add.js', { id: gloves(), quantity: 1 });
    const unknown = await browser.json('/cart/add.js', { items: [{ id: gloves(), quantity: 1 }, { id: 999, quantity: 1 }] });
    expect(unknown).toEqual({ status: 422, body: { status: 422, message: 'Cart Error', description: 'Cannot find variant' } });

    // The fixture has no sold-out variant: sell out one for this test.
    const variant = product('wool-overcoat').variants[1]!;
    variant.inventoryQuantity = 0;
    try {
      const refused = await browser.json('/cart/add.js', { id: variant.id, quantity: 1 });
      expect(refused.status).toBe(422);
      expect(refused.body.description).toMatch(/sold out/);
    } finally {
      variant.inventoryQuantity = 7;
    }
    expect((await browser.json('/cart.js')).body).toMatchObject({ item_count: 1 });
  });

  it('bounds lines, properties and attributes, refusing the excess with 422 and nothing changed', async () => {
    const browser = shopper();
    const many = (count: number, length = 1) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`p${i}`.padEnd(length, 'x'), 'v']));
    const refusals = [
      await browser.json('/cart/add.js', { id: gloves(), properties: many(CART_LIMITS.entries + 1) }),
      await browser.json('/cart/add.js', { id: gloves(), properties: many(1, CART_LIMITS.nameLength + 1) }),
      await browser.json('/cart/add.js', { id: gloves(), properties: { note: 'x'.repeat(CART_LIMITS.valueLength + 1) } }),
      await browser.json('/cart/add.js', { id: gloves(), properties: { nested: { deep: 1 } } }),
      await browser.json('/cart/add.js', { id: gloves(), quantity: 0 }),
      await browser.json('/cart/update.js', { attributes: many(CART_LIMITS.entries + 1) }),
    ];
    expect(refusals.map((refusal) => [refusal.status, refusal.body.status, refusal.body.message])).toEqual(refusals.map(() => [422, 422, 'Cart Error']));

    // The most a shopper may keep: exactly at the bounds is accepted.
    const full = await browser.json('/cart/add.js', { id: gloves(), properties: { [`n`.repeat(CART_LIMITS.nameLength)]: 'v'.repeat(CART_LIMITS.valueLength) } });
    expect(full.status).toBe(200);
    await browser.json('/cart/update.js', { attributes: many(CART_LIMITS.entries) });
    expect((await browser.json('/cart/update.js', { attributes: { one_more: 'x' } })).status).toBe(422);

    const lines = Array.from({ length: CART_LIMITS.lines - 1 }, (_, i) => ({ id: gloves(), properties: { n: String(i) } }));
    expect((await browser.json('/cart/add.js', { items: lines })).status).toBe(200);
    expect((await browser.json('/cart.js')).body.items).toHaveLength(CART_LIMITS.lines);
    const over = await browser.json('/cart/add.js', { id: gloves(), properties: { n: 'one too many' } });
    expect(over.status).toBe(422);
    expect(over.body.description).toMatch(/at most 50 lines/);
    const cart = (await browser.json('/cart.js')).body;
    expect(cart.items).toHaveLength(CART_LIMITS.lines);
    expect(Object.keys(cart.attributes)).toHaveLength(CART_LIMITS.entries);

    // However full the cart, the cookie is only its token.
    expect([...browser.jar.values()].join('').length).toBeLessThan(64);
  });

  it('refuses a body over 16 KB or not JSON with Shopify\'s error shape', async () => {
    const browser = shopper();
    const big = await browser.send('/cart/update.js', JSON.stringify({ attributes: { a: 'x'.repeat(17_000) } }), { 'Content-Type': 'application/json' });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ status: 413, message: 'Cart Error' });
    const broken = await browser.send('/cart/add.js', '{"id":', { 'Content-Type': 'application/json' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ status: 400, message: 'Cart Error' });
  });
});

describe('product JSON', () => {
  it('answers /products/<handle>.js with variants priced in cents and their availability, in the page language', async () => {
    const browser = shopper();
    const { status, body } = await browser.json('/products/wool-overcoat.js');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: product('wool-overcoat').id, title: 'Charcoal Wool Overcoat', handle: 'wool-overcoat', price: 23900, available: true, url: '/products/wool-overcoat' });
    expect(body.variants).toEqual([
      expect.objectContaining({ id: coatM(), title: 'M', price: 23900, available: true }),
      expect.objectContaining({ id: coatL(), title: 'L', price: 23900, available: true }),
    ]);
    expect((await browser.json('/products/wool-overcoat.js?locale=es')).body.title).toBe('Abrigo de lana gris marengo');
    const missing = await browser.json('/products/no-such-thing.js');
    expect(missing.status).toBe(404);
  });
});

describe('the theme form and Liquid', () => {
  it('keeps the product page\'s form a plain /cart/add form with name="id", whose properties[...] fields reach the line', async () => {
    const browser = shopper();
    const html = await browser.page('/products/wool-overcoat');
    expect(html).toMatch(/<form method="post" action="\/cart\/add"[^>]*>/);
    expect(html).toMatch(/<select id="product-variant" name="id">/);
    const posted = await browser.send(
      '/cart/add',
      new URLSearchParams({ id: String(coatM()), quantity: '1', 'properties[_tacto]': 'product-page', 'properties[Monogram]': 'JB' }),
      { 'Content-Type': 'application/x-www-form-urlencoded' },
    );
    expect(posted.status).toBe(303);
    expect((await browser.json('/cart.js')).body.items[0].properties).toEqual({ _tacto: 'product-page', Monogram: 'JB' });
    const cartPage = await browser.page('/cart');
    expect(cartPage).toContain('<dt>Monogram</dt><dd>JB</dd>');
    expect(cartPage).not.toContain('_tacto');
    expect(cartPage).toMatch(/<form method="post" action="\/checkout">[\s\S]*?Check out/);
  });

  it('still reads a cart from the old cookie, then moves it behind a token', async () => {
    const browser = shopper();
    browser.jar.set('sandbox_cart', encodeURIComponent(JSON.stringify([[gloves(), 2]])));
    expect((await browser.json('/cart.js')).body).toMatchObject({ item_count: 2, token: null });
    await browser.json('/cart/update.js', { attributes: { a: '1' } });
    expect(browser.jar.has('sandbox_cart')).toBe(false);
    expect((await browser.json('/cart.js')).body).toMatchObject({ item_count: 2, attributes: { a: '1' } });
  });

  it('gives templates cart.attributes and item.properties', async () => {
    const store = smallStore();
    const variantId = [...store.products.values()][1]!.variants[0]!.id;
    const cart = cartObject(store, { lines: [{ variantId, quantity: 1, properties: { _tacto: 'cart' } }], attributes: { _tacto_exp: '3.h.20261203' } }, 'en');
    const liquid = createShopifyLiquid({ root: '.', partialsDir: '.', translations: () => ({ defaultLocale: 'en', byLocale: new Map() }), assetBase: '/a' });
    const html = await liquid.parseAndRender(
      '{{ cart.attributes._tacto_exp }}|{% for item in cart.items %}{{ item.properties._tacto }}{% for p in item.properties %};{{ p.first }}={{ p.last }}{% endfor %}{% endfor %}',
      { cart, shop: { currency: 'EUR' }, request: { locale: { iso_code: 'en' } } },
    );
    expect(html).toBe('3.h.20261203|cart;_tacto=cart');
  });
});
