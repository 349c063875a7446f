/**
 * Storefront cards remembered per shop model version (server/proxy/product-cards.ts), on a real SQLite file: a
 * logged-in answer reads no card from storage twice, yet a catalog change shows in the very next answer, and a
 * shop's erasure leaves none of its cards in memory.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSqliteStorage } from '../../server/db/sqlite/storage.ts';
import type { Storage } from '../../server/db/storage.ts';
import { emptyBatch, type ProductRecord } from '../../server/ingest/records.ts';
import { createLogger } from '../../server/logger.ts';
import { ProductCards } from '../../server/proxy/product-cards.ts';
import { ShopModels } from '../../server/recommendations/model-cache.ts';
import { TEST_STORAGE_KEYS } from '../support/db.ts';
import { tempDir } from '../support/temp.ts';

const SHOP = 'cards.myshopify.com';
const OTHER = 'neighbour.myshopify.com';
const AT = '2026-11-01T10:00:00.000Z';

const product = (id: number, title: string): ProductRecord => ({
  id,
  title,
  handle: `product-${id}`,
  productType: 'Scarf',
  categoryId: null,
  categoryName: null,
  tags: [],
  imageUrl: null,
  price: '45.00',
  available: true,
  status: 'ACTIVE',
  updatedAt: AT,
});

let storage: Storage;
let models: ShopModels;

beforeEach(async () => {
  storage = createSqliteStorage(join(tempDir(), 'tacto.sqlite'), TEST_STORAGE_KEYS);
  models = new ShopModels({ storage, logger: createLogger({ level: 'silent' }) });
  await storage.ingest.applyBatch(SHOP, { ...emptyBatch(), products: [product(1, 'Merino scarf'), product(2, 'Leather gloves'), product(3, 'Winter beanie')] });
  await storage.ingest.applyBatch(OTHER, { ...emptyBatch(), products: [product(1, 'Cat food')] });
});
afterEach(() => storage.close());

const titles = async (cards: ProductCards, shop: string, ids: number[]) => (await cards.of(shop, ids)).map((c) => c.title);

describe('storefront cards', () => {
  it('come in the order asked, unknown products left out, each shop its own', async () => {
    const cards = new ProductCards({ storage, models });
    expect(await titles(cards, SHOP, [3, 999, 1])).toEqual(['Winter beanie', 'Merino scarf']);
    expect(await titles(cards, OTHER, [1, 3])).toEqual(['Cat food']);
    expect(await titles(cards, SHOP, [1, 3, 999])).toEqual(['Merino scarf', 'Winter beanie']);
  });

  it('are read from storage once per version, only those not yet known', async () => {
    const cards = new ProductCards({ storage, models });
    const reads = vi.spyOn(storage.recommendations, 'productCards');
    await cards.of(SHOP, [1, 2]);
    await cards.of(SHOP, [2, 1]);
    await cards.of(SHOP, [1, 2, 3]);
    expect(reads.mock.calls.map(([, ids]) => ids)).toEqual([[1, 2], [3]]);
  });

  it('show a catalog change in the very next answer once the model hears of it', async () => {
    const cards = new ProductCards({ storage, models });
    expect(await titles(cards, SHOP, [1])).toEqual(['Merino scarf']);
    await storage.ingest.applyBatch(SHOP, { ...emptyBatch(), products: [{ ...product(1, 'Merino scarf (new season)'), updatedAt: '2026-11-02T10:00:00.000Z' }] });
    models.catalogChanged(SHOP);
    expect(await titles(cards, SHOP, [1])).toEqual(['Merino scarf (new season)']);
  });

  it('are kept a limited time, whatever the version', async () => {
    let now = 0;
    const cards = new ProductCards({ storage, models }, { ttlMs: 60_000, maxEntries: 100, clock: () => now });
    const reads = vi.spyOn(storage.recommendations, 'productCards');
    await cards.of(SHOP, [1]);
    now = 59_999;
    await cards.of(SHOP, [1]);
    now = 60_000;
    await cards.of(SHOP, [1]);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('of an erased shop are all dropped, and no other shop’s', async () => {
    const cards = new ProductCards({ storage, models });
    await cards.of(SHOP, [1]);
    await cards.of(OTHER, [1]);
    const reads = vi.spyOn(storage.recommendations, 'productCards');
    models.forget(SHOP);
    await cards.of(SHOP, [1]);
    await cards.of(OTHER, [1]);
    expect(reads.mock.calls.map(([shop]) => shop)).toEqual([SHOP]);
  });
});
