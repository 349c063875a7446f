/**
 * A catalog change must reach the very next answer. The proxy remembers a visitor's answer under the models'
 * version, which a change bumps at once; so no request after the bump may be answered from the old catalog, or
 * its stale answer would be remembered under the new version (for a minute, for every visitor of that page).
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '../../server/db/sqlite/storage.ts';
import type { Storage } from '../../server/db/storage.ts';
import { emptyBatch, type ProductRecord } from '../../server/ingest/records.ts';
import { createLogger } from '../../server/logger.ts';
import { ShopModels } from '../../server/recommendations/model-cache.ts';
import { TEST_STORAGE_KEYS } from '../support/db.ts';
import { tempDir } from '../support/temp.ts';

const SHOP = 'catalog.myshopify.com';
let storage: Storage;

const product = (id: number, title: string): ProductRecord => ({
  id,
  title,
  handle: title.toLowerCase().replace(/\s+/g, '-'),
  productType: 'Gear',
  categoryId: null,
  categoryName: null,
  tags: [],
  imageUrl: null,
  price: '10.00',
  available: true,
  status: 'ACTIVE',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const addProduct = (p: ProductRecord) => storage.ingest.applyBatch(SHOP, { ...emptyBatch(), products: [p] });

/**
 * Catalog reads that read the rows at once but answer only when released: what a read looks like when a change is
 * committed while it is under way (a request, or a webhook, runs meanwhile).
 */
function holdCatalogReads(): { release(): void } {
  const read = storage.recommendations.catalog.bind(storage.recommendations);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  storage.recommendations.catalog = async (shop) => {
    const rows = await read(shop);
    await released;
    return rows;
  };
  return { release: () => release() };
}

/** Lets every promise and immediate that can run, run. */
const drain = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(async () => {
  storage = createSqliteStorage(join(tempDir(), 'models.sqlite'), TEST_STORAGE_KEYS);
  await addProduct(product(1, 'Lantern'));
});
afterEach(() => storage.close());

describe('ShopModels after a catalog change', () => {
  it('a request arriving while the catalog is being read again waits for it, rather than answer from the old one', async () => {
    const models = new ShopModels({ storage, logger: createLogger({ level: 'silent' }) });
    await models.get(SHOP);
    const versionBefore = models.version(SHOP);

    await addProduct(product(2, 'Tent'));
    models.catalogChanged(SHOP);
    expect(models.version(SHOP)).toBeGreaterThan(versionBefore);
    const hold = holdCatalogReads();
    const first = models.get(SHOP);
    let secondAnswered = false;
    const second = models.get(SHOP).then((model) => {
      secondAnswered = true;
      return model;
    });
    await drain();
    expect(secondAnswered).toBe(false);
    hold.release();
    for (const model of await Promise.all([first, second])) expect(model.catalog.get(2)?.product.title).toBe('Tent');
  });

  it('a change committed while the first build reads the catalog is seen by that build’s first request', async () => {
    const models = new ShopModels({ storage, logger: createLogger({ level: 'silent' }) });
    const hold = holdCatalogReads();
    const building = models.get(SHOP);
    await drain();
    // The build has read the catalog (without the tent) and not finished; the tent is committed and announced.
    await addProduct(product(2, 'Tent'));
    models.catalogChanged(SHOP);
    hold.release();
    expect((await building).catalog.get(2)?.product.title).toBe('Tent');
    expect((await models.get(SHOP)).catalog.get(2)?.product.title).toBe('Tent');
  });
});
