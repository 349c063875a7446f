/**
 * What the sandbox admin's resource picker lists: the catalog in App Bridge's selection shape, searched and bounded,
 * for the admin page only (the browser side is driven in test/integration/admin-explain-browser.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { tempDir } from '../support/temp.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ appUrl: new URL('http://127.0.0.1:9'), port: 0, smtpPort: null, dataDir: tempDir() });
});
afterAll(() => sandbox?.close());

const ask = (query: string, headers: Record<string, string> = { 'Sec-Fetch-Site': 'same-origin' }) =>
  fetch(new URL(`/admin/api/resource-picker?${query}`, sandbox.url), { headers });

describe('sandbox resource picker', () => {
  it('lists products as App Bridge hands them over: GID, title, handle, images and variants', async () => {
    const response = await ask('type=product&query=merino');
    expect(response.status).toBe(200);
    const { items, more } = await response.json();
    const scarf = [...sandbox.store.products.values()].find((p) => p.handle === 'merino-scarf')!;
    expect(more).toBe(false);
    expect(items.map((i: { title: string }) => i.title)).toEqual(['Merino Wool Scarf']);
    expect(items[0]).toMatchObject({
      id: `gid://shopify/Product/${scarf.id}`,
      title: 'Merino Wool Scarf',
      handle: 'merino-scarf',
      hasOnlyDefaultVariant: false,
    });
    expect(items[0].variants).toEqual(
      scarf.variants.map((v) => ({ id: `gid://shopify/ProductVariant/${v.id}`, title: v.title, sku: v.sku, price: v.price, availableForSale: v.availableForSale })),
    );
    expect(Array.isArray(items[0].images)).toBe(true);
  });

  it('lists collections too, and at most 50 of anything, saying when there are more', async () => {
    const collections = await (await ask('type=collection')).json();
    expect(collections.items.length).toBe(Math.min(50, sandbox.store.collections.size));
    expect(collections.items[0].id).toMatch(/^gid:\/\/shopify\/Collection\/\d+$/);
    const products = await (await ask('type=product')).json();
    const active = [...sandbox.store.products.values()].filter((p) => p.status === 'ACTIVE').length;
    expect(products.items.length).toBe(Math.min(50, active));
    expect(products.more).toBe(active > 50);
  });

  it('refuses other types, long queries and other origins', async () => {
    expect((await ask('type=customer')).status).toBe(400);
    expect((await ask(`type=product&query=${'x'.repeat(101)}`)).status).toBe(400);
    expect((await ask('type=product', { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://elsewhere.example' })).status).toBe(403);
  });
});
