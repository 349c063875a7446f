/**
 * The sandbox admin's Catalog page: a person adds a product and makes, fills, empties and deletes collections, as in
 * Shopify admin, and each change is announced as Shopify's webhook would be (`npm start`, then Catalog, then the
 * storefront preview to watch a new product become a pick).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import type { StoreChange } from '../../sandbox/store/store.ts';
import { tempDir } from '../support/temp.ts';

let sandbox: Sandbox;
const changes: StoreChange['topic'][] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ appUrl: new URL('http://127.0.0.1:9'), port: 0, smtpPort: null, dataDir: tempDir() });
  sandbox.store.onChange((change) => changes.push(change.topic));
});
afterAll(() => sandbox?.close());

const post = (path: string, form: Record<string, string>) =>
  fetch(new URL(path, sandbox.url), { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
const page = async () => (await fetch(new URL('/admin/catalog', sandbox.url))).text();

describe('sandbox admin catalog', () => {
  it('adds a product into a collection, then moves it out and deletes the collection, announcing each change', async () => {
    changes.length = 0;
    expect((await post('/admin/catalog/collections', { title: 'Alpine <Gear>' })).status).toBe(303);
    const alpine = [...sandbox.store.collections.values()].at(-1)!;
    expect(alpine).toMatchObject({ title: 'Alpine <Gear>', handle: 'alpine-gear', ruleSet: null });

    expect((await post('/admin/catalog/products', { title: 'Trail Gloves', product_type: 'Gloves', tags: 'alpine, winter', price: '39.5', collection_id: String(alpine.id) })).status).toBe(303);
    const gloves = [...sandbox.store.products.values()].at(-1)!;
    expect(gloves).toMatchObject({ title: 'Trail Gloves', handle: 'trail-gloves', productType: 'Gloves', tags: ['alpine', 'winter'], collectionIds: [alpine.id], status: 'ACTIVE' });
    expect(gloves.variants[0]).toMatchObject({ price: '39.50', availableForSale: true });
    const html = await page();
    expect(html).toContain('Alpine &#60;Gear&#62;');
    expect(html).not.toContain('Alpine <Gear>');

    expect((await post(`/admin/catalog/collections/${alpine.id}/remove`, { product_id: String(gloves.id) })).status).toBe(303);
    expect(gloves.collectionIds).toEqual([]);
    expect((await post(`/admin/catalog/collections/${alpine.id}/add`, { product_id: String(gloves.id) })).status).toBe(303);
    expect(gloves.collectionIds).toEqual([alpine.id]);
    expect((await post(`/admin/catalog/collections/${alpine.id}/delete`, {})).status).toBe(303);
    expect(sandbox.store.collections.has(alpine.id)).toBe(false);
    expect(gloves.collectionIds).toEqual([]);
    expect(changes).toEqual(['collections/create', 'products/create', 'collections/update', 'collections/update', 'collections/delete']);
  });

  it('makes a smart collection of every product with a tag, which takes no product by hand', async () => {
    expect((await post('/admin/catalog/collections', { title: 'Winter picks', tag: 'winter' })).status).toBe(303);
    const smart = [...sandbox.store.collections.values()].at(-1)!;
    const tagged = [...sandbox.store.products.values()].filter((p) => p.tags.some((t) => t.toLowerCase() === 'winter'));
    expect(tagged.length).toBeGreaterThan(0);
    for (const product of sandbox.store.products.values()) expect(product.collectionIds.includes(smart.id)).toBe(tagged.includes(product));
    const untagged = [...sandbox.store.products.values()].find((p) => !tagged.includes(p))!;
    expect((await post(`/admin/catalog/collections/${smart.id}/add`, { product_id: String(untagged.id) })).status).toBe(422);
    expect(untagged.collectionIds).not.toContain(smart.id);
  });

  it('refuses a blank title, a bad price or an unknown collection with a clear message, and changes nothing', async () => {
    const before = { products: sandbox.store.products.size, collections: sandbox.store.collections.size };
    changes.length = 0;
    for (const [path, form] of [
      ['/admin/catalog/products', { title: ' ', price: '10' }],
      ['/admin/catalog/products', { title: 'Cap', price: '-1' }],
      ['/admin/catalog/products', { title: 'Cap', price: '5', collection_id: '404' }],
      ['/admin/catalog/collections', { title: '' }],
      ['/admin/catalog/collections/404/delete', {}],
    ] as const) {
      const response = await post(path, form);
      expect(response.status, path).toBe(422);
      expect(await response.text()).toMatch(/title|collection/i);
    }
    expect({ products: sandbox.store.products.size, collections: sandbox.store.collections.size }).toEqual(before);
    expect(changes).toEqual([]);
  });
});
