/**
 * Membership read whole from Shopify replaces what Tacto stored: a product that left a collection leaves it in
 * Tacto too, a deleted collection leaves nothing behind, and ids of products Tacto does not hold are not kept.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importJsonl } from '../../server/backfill/import-jsonl.ts';
import { collectionChange, productChange } from '../../server/ingest/catalog-changes.ts';
import { createSqliteStorage } from '../../server/db/sqlite/storage.ts';
import type { Storage } from '../../server/db/storage.ts';
import { emptyBatch, type ProductRecord } from '../../server/ingest/records.ts';
import { queryDb, TEST_STORAGE_KEYS } from '../support/db.ts';
import { tempDir } from '../support/temp.ts';

const SHOP = 'members.myshopify.com';
const OTHER = 'other.myshopify.com';
let storage: Storage;
let file: string;

const product = (id: number, updatedAt = '2026-01-01T00:00:00.000Z'): ProductRecord => ({
  id,
  title: `Product ${id}`,
  handle: `product-${id}`,
  productType: 'Gear',
  categoryId: null,
  categoryName: null,
  tags: [],
  imageUrl: null,
  price: '10.00',
  available: true,
  status: 'ACTIVE',
  updatedAt,
});
const rows = (shop = SHOP) =>
  queryDb<{ p: number; c: number }>(file, 'select product_id as p, collection_id as c from product_collections where shop = ? order by p, c', shop).map(
    ({ p, c }) => [p, c],
  );

beforeEach(async () => {
  file = join(tempDir(), 'members.sqlite');
  storage = createSqliteStorage(file, TEST_STORAGE_KEYS);
  // As the backfill leaves it: products 1–3, collections 10 (1, 2) and 20 (2, 3), in two shops alike.
  for (const shop of [SHOP, OTHER]) {
    await storage.ingest.applyBatch(shop, {
      ...emptyBatch(),
      products: [product(1), product(2), product(3)],
      productCollections: [
        { productId: 1, collectionId: 10 },
        { productId: 2, collectionId: 10 },
        { productId: 2, collectionId: 20 },
        { productId: 3, collectionId: 20 },
      ],
    });
  }
});
afterEach(() => storage.close());

describe('a products/* webhook with the collections read from Shopify', () => {
  it('replaces the product’s collections: left ones dropped, joined ones added, other products untouched', async () => {
    await storage.ingest.applyBatch(SHOP, productChange(product(2, '2026-02-01T00:00:00.000Z'), [20, 30]));
    expect(rows()).toEqual([[1, 10], [2, 20], [2, 30], [3, 20]]);
    expect(rows(OTHER)).toEqual([[1, 10], [2, 10], [2, 20], [3, 20]]);
  });

  it('replaces them even when the payload is older than the stored product (membership is read now, not from the payload)', async () => {
    await storage.ingest.applyBatch(SHOP, productChange(product(1, '2026-02-01T00:00:00.000Z'), [10]));
    await storage.ingest.applyBatch(SHOP, productChange(product(1, '2025-12-01T00:00:00.000Z'), []));
    expect(rows().filter(([p]) => p === 1)).toEqual([]);
    expect(queryDb<{ u: string }>(file, 'select updated_at as u from products where shop = ? and id = 1', SHOP)).toEqual([{ u: '2026-02-01T00:00:00.000Z' }]);
  });

  it('deletes a product Shopify no longer has, with its memberships', async () => {
    await storage.ingest.applyBatch(SHOP, productChange(product(3), null));
    expect(queryDb(file, 'select id from products where shop = ? and id = 3', SHOP)).toEqual([]);
    expect(rows()).toEqual([[1, 10], [2, 10], [2, 20]]);
  });
});

describe('a collections/* webhook with the members read from Shopify', () => {
  it('replaces the collection’s members, keeping only products the shop’s catalog holds', async () => {
    await storage.ingest.applyBatch(SHOP, collectionChange(10, [2, 3, 404]));
    expect(rows()).toEqual([[2, 10], [2, 20], [3, 10], [3, 20]]);
    expect(rows(OTHER)).toEqual([[1, 10], [2, 10], [2, 20], [3, 20]]);
  });

  it('a deleted (or vanished) collection leaves every product it had; the products stay', async () => {
    await storage.ingest.applyBatch(SHOP, collectionChange(20, null));
    expect(rows()).toEqual([[1, 10], [2, 10]]);
    expect(queryDb(file, 'select id from products where shop = ? order by id', SHOP)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('the engine’s catalog lists each product’s collections as they now are', async () => {
    await storage.ingest.applyBatch(SHOP, collectionChange(10, [3]));
    const catalog = await storage.recommendations.catalog(SHOP);
    const collectionsOf = (id: number) => [...(catalog.find((p) => p.id === id)?.collectionIds ?? [])].sort();
    expect([collectionsOf(1), collectionsOf(2), collectionsOf(3)]).toEqual([[], [20], [10, 20]]);
  });
});

describe('a re-import (backfill)', () => {
  const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;
  const productLine = (id: number) =>
    JSON.stringify({ id: gid('Product', id), title: `Product ${id}`, handle: `product-${id}`, productType: 'Gear', tags: [], status: 'ACTIVE', updatedAt: '2026-03-01T00:00:00Z' });
  const collectionLine = (productId: number, collectionId: number) => JSON.stringify({ id: gid('Collection', collectionId), __parentId: gid('Product', productId) });

  async function* lines(all: string[]) {
    yield* all;
  }

  it('leaves each product in exactly the collections of its bulk lines, even when they span two batches', async () => {
    // Product 2 left collection 10 and joined 30 while no webhook reached Tacto; product 3 left 20. One record per
    // transaction: every product's collection lines land in later batches than the product.
    const jsonl = [productLine(1), collectionLine(1, 10), productLine(2), collectionLine(2, 20), collectionLine(2, 30), productLine(3)];
    await importJsonl(storage.ingest, SHOP, 'products', lines(jsonl), { batchRecords: 1 });
    expect(rows()).toEqual([[1, 10], [2, 20], [2, 30]]);
  });
});
