/**
 * Product translations in storage (migration 0010), on a real SQLite file: a card in the page's language with the
 * default where a product has none, translated handles that name the same product (the frequency cap and
 * dismissals hold in every language), and nothing kept for a product that is gone or a shop that is erased.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '../../server/db/sqlite/storage.ts';
import type { Storage } from '../../server/db/storage.ts';
import { emptyBatch, type ProductRecord } from '../../server/ingest/records.ts';
import { createLogger } from '../../server/logger.ts';
import { ProductCards } from '../../server/proxy/product-cards.ts';
import { ShopModels } from '../../server/recommendations/model-cache.ts';
import { TEST_STORAGE_KEYS } from '../support/db.ts';
import { tempDir } from '../support/temp.ts';

const SHOP = 'lenguas.myshopify.com';
const OTHER = 'vecino.myshopify.com';
const AT = '2026-11-01T10:00:00.000Z';

const product = (id: number, title: string, handle: string): ProductRecord => ({
  id,
  title,
  handle,
  productType: 'Coat',
  categoryId: null,
  categoryName: null,
  tags: [],
  imageUrl: null,
  price: '120.00',
  available: true,
  status: 'ACTIVE',
  updatedAt: AT,
});

let storage: Storage;

beforeEach(async () => {
  storage = createSqliteStorage(join(tempDir(), 'tacto.sqlite'), TEST_STORAGE_KEYS);
  await storage.ingest.applyBatch(SHOP, { ...emptyBatch(), products: [product(1, 'Wool overcoat', 'wool-overcoat'), product(2, 'Rain boots', 'rain-boots')] });
  await storage.ingest.applyBatch(OTHER, { ...emptyBatch(), products: [product(1, 'Cat food', 'cat-food')] });
  await storage.translations.replaceAll(SHOP, [
    { productId: 1, locale: 'es', title: 'Abrigo de lana', handle: 'abrigo-de-lana' },
    { productId: 1, locale: 'pt-BR', title: 'Sobretudo de lã', handle: 'sobretudo-de-la' },
    // A translation of a product Tacto does not hold names nothing a pick can show: not kept.
    { productId: 99, locale: 'es', title: 'Fantasma', handle: 'fantasma' },
  ]);
});
afterEach(() => storage.close());

const cards = (locale: string | null, shop = SHOP) => storage.recommendations.productCards(shop, [1, 2], locale);
const rows = (shop = SHOP) => storage.privacy.tableCounts(shop).then((counts) => counts.find((c) => c.table === 'product_translations')?.rows);

describe('a card in the page language', () => {
  it('has the translated title and handle, the default ones where the product has no translation, and the default with no language', async () => {
    expect((await cards('es')).map((c) => [c.title, c.handle])).toEqual([
      ['Abrigo de lana', 'abrigo-de-lana'],
      ['Rain boots', 'rain-boots'],
    ]);
    expect((await cards('pt-BR')).map((c) => c.title)).toEqual(['Sobretudo de lã', 'Rain boots']);
    expect((await cards(null)).map((c) => c.title)).toEqual(['Wool overcoat', 'Rain boots']);
    expect((await cards('en')).map((c) => c.title)).toEqual(['Wool overcoat', 'Rain boots']);
    expect((await storage.recommendations.productCards(OTHER, [1], 'es')).map((c) => c.title)).toEqual(['Cat food']);
    expect(await rows()).toBe(2);
  });

  it('keeps the default title where only the handle is translated, and the reverse', async () => {
    await storage.translations.replaceProduct(SHOP, 2, [{ productId: 2, locale: 'es', title: null, handle: 'botas-de-lluvia' }]);
    await storage.translations.replaceProduct(SHOP, 1, [{ productId: 1, locale: 'es', title: 'Abrigo', handle: null }]);
    expect((await cards('es')).map((c) => [c.title, c.handle])).toEqual([
      ['Abrigo', 'wool-overcoat'],
      ['Rain boots', 'botas-de-lluvia'],
    ]);
    // replaceProduct dropped product 1's Portuguese: its default shows again.
    expect((await cards('pt-BR')).map((c) => c.title)).toEqual(['Wool overcoat', 'Rain boots']);
  });

  it('is remembered per language by the storefront cards, and a new read of the translations shows at once', async () => {
    const models = new ShopModels({ storage, logger: createLogger({ level: 'silent' }) });
    const productCards = new ProductCards({ storage, models });
    expect((await productCards.of(SHOP, [1], 'es')).map((c) => c.title)).toEqual(['Abrigo de lana']);
    expect((await productCards.of(SHOP, [1], null)).map((c) => c.title)).toEqual(['Wool overcoat']);
    await storage.translations.replaceAll(SHOP, [{ productId: 1, locale: 'es', title: 'Abrigo largo', handle: 'abrigo-largo' }]);
    models.translationsChanged(SHOP);
    expect((await productCards.of(SHOP, [1], 'es')).map((c) => c.title)).toEqual(['Abrigo largo']);
  });
});

describe('a translated handle', () => {
  it('names the same product as the default one, for the seen beacon and for feedback', async () => {
    expect(await storage.recommendations.productIdsByHandle(SHOP, ['abrigo-de-lana', 'sobretudo-de-la', 'wool-overcoat', 'rain-boots', 'fantasma'])).toEqual([1, 1, 1, 2]);
    expect(await storage.recommendations.productIdByHandle(SHOP, 'sobretudo-de-la')).toBe(1);
    expect(await storage.recommendations.productIdByHandle(OTHER, 'abrigo-de-lana')).toBeNull();
  });

  it("counts a feedback answer under its product's type", async () => {
    await storage.analytics.countFeedback(SHOP, '2026-11-01', 'not-relevant', 'abrigo-de-lana');
    expect(await storage.analytics.feedbackCounts(SHOP, '2026-11-01', '2026-11-01')).toEqual([
      { day: '2026-11-01', reason: 'not-relevant', productType: 'Coat', count: 1 },
    ]);
  });
});

describe('translations are forgotten', () => {
  it('with their product, and with the shop (shop/redact)', async () => {
    await storage.ingest.applyBatch(SHOP, { ...emptyBatch(), deletedProductIds: [1] });
    expect(await rows()).toBe(0);
    expect(await storage.recommendations.productIdByHandle(SHOP, 'abrigo-de-lana')).toBeNull();
    await storage.ingest.applyBatch(SHOP, { ...emptyBatch(), products: [product(1, 'Wool overcoat', 'wool-overcoat')] });
    await storage.translations.replaceAll(SHOP, [{ productId: 1, locale: 'es', title: 'Abrigo de lana', handle: 'abrigo-de-lana' }]);
    expect(await rows()).toBe(1);
    await storage.privacy.eraseShop(SHOP);
    expect(await rows()).toBe(0);
  });
});
