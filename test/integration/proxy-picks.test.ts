/**
 * The storefront's /apps/tacto/picks, called as Shopify's app proxy calls it (signed query), on the installed
 * demo store: same shape for everyone, personal answers never cached, nothing a shopper bought in the body, and
 * nothing recorded by serving them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
const products = () => [...env.sandbox.store.products.values()];
const idOf = (handle: string) => products().find((p) => p.handle === handle)!.id;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!.id;

const picksUrl = (params: Record<string, string>, customerId: number | null = null, now?: Date) => signedProxyUrl(env, '/proxy/picks', customerId, params, now);

async function picks(params: Record<string, string>, customerId: number | null = null) {
  const response = await fetch(picksUrl(params, customerId));
  return { status: response.status, cache: response.headers.get('cache-control'), text: await response.text() };
}

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env.close());

describe('/apps/tacto/picks', () => {
  it('answers a visitor on a product page with complements, cacheable, in the shape tacto.js renders', async () => {
    const result = await picks({ template: 'product', product_id: String(idOf('wool-overcoat')), limit: '4' });
    expect(result.status).toBe(200);
    expect(result.cache).toBe('public, max-age=300');
    const body = JSON.parse(result.text) as { items: { kind: string; title: string; url: string }[] };
    const page = { kind: 'product' as const, productId: idOf('wool-overcoat') };
    const { blockSize } = await env.app.recommendations.inclusion({ shop: env.sandbox.shop.myshopifyDomain, surface: page, customerId: null, limit: 4, consentAllowsPersonalization: true });
    expect(blockSize).toBeGreaterThan(0);
    expect(body.items).toHaveLength(blockSize);
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual(expect.arrayContaining(['kind', 'title', 'url']));
      expect(item.url).toMatch(/^\/products\/[a-z0-9-]+$/);
      expect(item.url).not.toMatch(/coat|parka|puffer/);
    }
  });

  it('answers a logged-in shopper privately, in the same shape, with nothing they bought in the body', async () => {
    const collections = [...env.sandbox.store.collections.values()].map((c) => String(c.id));
    for (const email of [PERSONAS.COAT_BUYER, PERSONAS.PREGNANCY_TEST_BUYER, PERSONAS.STROLLER_BUYER, PERSONAS.PET_OWNER]) {
      const customerId = customerOf(email);
      const orders = [...env.sandbox.store.orders.values()].filter((o) => o.customerId === customerId);
      // Everything they ever bought, consumables due for reorder included (the pet owner's cat treats, bought
      // 95 days ago, reorder every 21 days): a block never brings back a purchase, so nobody at the screen learns it.
      const boughtIds = new Set(orders.flatMap((o) => o.lineItems.flatMap((l) => (l.productId === null ? [] : [l.productId]))));
      const bought = products().filter((p) => boughtIds.has(p.id));
      const notBought = products().filter((p) => !boughtIds.has(p.id) && p.status === 'ACTIVE');
      const pages: Record<string, string>[] = [
        { template: 'index' },
        ...collections.map((collection_id) => ({ template: 'collection', collection_id })),
        { template: 'cart', cart: notBought.slice(0, 2).map((p) => p.id).join(',') },
        { template: 'product', product_id: String(notBought[5]!.id) },
      ];
      for (const page of pages) {
        const result = await picks({ ...page, limit: '8' }, customerId);
        expect(result.status).toBe(200);
        expect(result.cache).toBe('private, no-store');
        expect(Object.keys(JSON.parse(result.text))).toEqual(['items', 'experiment']);
        for (const product of bought) {
          expect(result.text).not.toContain(String(product.id));
          expect(result.text).not.toContain(product.handle);
          expect(result.text).not.toContain(product.title);
        }
        expect(result.text).not.toMatch(/history|reorder|declared|because|reason|score|popular|context/i);
      }
    }
  });

  it('records nothing, however often a logged-in shopper loads picks: only cards reported in view count (/apps/tacto/seen)', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const pages: Record<string, string>[] = [{ template: 'index' }, { template: 'product', product_id: String(idOf('wool-overcoat')) }, { template: 'cart', cart: String(idOf('merino-scarf')) }];
    for (let k = 0; k < 10; k++) {
      for (const page of pages) expect(JSON.parse((await picks({ ...page, limit: '4' }, olivia)).text).items.length).toBeGreaterThan(0);
    }
    expect(queryDb(env.app.databasePath, 'select * from recommendation_impressions')).toEqual([]);
  });

  it('gives a shopper whose storefront consent forbids it exactly the visitor answer', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const visitor = await picks({ template: 'index', limit: '8' });
    const denied = await picks({ template: 'index', limit: '8', personalization: '0' }, olivia);
    expect(denied.text).toBe(visitor.text);
    expect(denied.cache).toBe('private, no-store');
  });

  it('answers an unknown product with an empty block, never the store\'s best-sellers', async () => {
    const result = await picks({ template: 'product', product_id: '999999999', limit: '4' });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toEqual({ items: [], experiment: null });
  });

  it('refuses garbage and oversized parameters with a clear 400', async () => {
    const garbage: Record<string, string>[] = [
      { limit: 'lots' },
      { limit: '500' },
      { product_id: '-3', template: 'product' },
      { locale: 'x'.repeat(200) },
      { cart: '1,2,<script>' },
    ];
    for (const params of garbage) {
      const result = await picks(params);
      expect(result.status, JSON.stringify(params)).toBe(400);
      expect(JSON.parse(result.text)).toMatchObject({ error: 'invalid_request', message: expect.any(String) });
    }
  });

  it('rejects missing, wrong, stale and duplicated signatures before doing anything', async () => {
    const good = picksUrl({ template: 'index' });
    const missing = new URL(good);
    missing.searchParams.delete('signature');
    const wrong = new URL(good);
    wrong.searchParams.set('signature', '0'.repeat(64));
    const stale = picksUrl({ template: 'index' }, null, new Date(Date.now() - 10 * 60_000));
    const duplicated = new URL(good);
    duplicated.searchParams.append('logged_in_customer_id', '12345');
    for (const url of [missing, wrong, stale, duplicated]) {
      const response = await fetch(url);
      expect(response.status, url.search).toBe(401);
      expect((await response.json()).error).toBe('invalid_signature');
    }
  });

  it("serves a visitor's page from memory, yet shows a product change in the very next answer", async () => {
    const page = { template: 'product', product_id: String(idOf('wool-overcoat')), limit: '4' };
    const first = JSON.parse((await picks(page)).text) as { items: { title: string; url: string }[] };
    expect((await picks(page)).text).toBe(JSON.stringify(first));
    const pick = products().find((p) => first.items[0]!.url === `/products/${p.handle}`)!;
    const title = pick.title;
    env.sandbox.store.updateProduct(pick.id, { title: `${title} (new season)` });
    await env.sandbox.webhooks.idle();
    await env.app.webhookWorker.idle();
    const after = JSON.parse((await picks(page)).text) as { items: { title: string; url: string }[] };
    expect(after.items.map((i) => i.title)).toContain(`${title} (new season)`);
    env.sandbox.store.updateProduct(pick.id, { title });
  });
});
