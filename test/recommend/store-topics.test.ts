/**
 * The preference block offers what the store sells: sensitive topics only where the catalog has a product for
 * sale in them, and the store's own collections as interests — but never a broad one, nor one holding anything
 * sensitive.
 */
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../server/recommend/catalog.ts';
import { DEFAULT_POLICY } from '../../server/recommend/policy.ts';
import { collectionInterest, collectionOfInterest, isDeclaredTopic, storeTopics } from '../../server/recommend/store-topics.ts';
import type { CatalogProduct } from '../../server/recommend/types.ts';
import { CATALOG, WINTER } from './world.ts';

let nextId = 1;
function product(title: string, categoryId: string | null, collectionIds: number[] = [], extra: Partial<CatalogProduct> = {}): CatalogProduct {
  return { id: nextId++, title, productType: '', categoryId, tags: [], collectionIds, available: true, ...extra };
}

const OUTERWEAR = 11;
const CAMERAS = 12;
const ALL = 13;
const GIFTS = 14;

/** A store of coats and cameras, with an "All products" collection and a small "Gifts" one. */
function coatsAndCameras(): CatalogProduct[] {
  return [
    product('Wool overcoat', 'aa-1-10-2-5', [OUTERWEAR, ALL]),
    product('Expedition parka', 'aa-1-10-2-6', [OUTERWEAR, ALL]),
    product('Leather gloves', 'aa-2-13', [ALL, GIFTS]),
    product('Mirrorless camera', 'el-5-3-4', [CAMERAS, ALL]),
    product('50mm lens', 'el-5-4-1', [CAMERAS, ALL]),
    product('Camera strap', 'el-5-2', [CAMERAS, ALL, GIFTS]),
  ];
}

const topicsOf = (products: CatalogProduct[]) => storeTopics(new Catalog(products), DEFAULT_POLICY);

describe('sensitive topics the catalog holds', () => {
  it('a store of coats and cameras offers none', () => {
    expect(topicsOf(coatsAndCameras()).sensitive).toEqual([]);
  });

  it('baby products offer "baby", and nothing else they do not touch', () => {
    const store = [...coatsAndCameras(), product('City stroller', 'bt-6-3-3'), product('Muslin swaddle for newborns', null)];
    expect(topicsOf(store).sensitive).toEqual(['baby']);
  });

  it('follows the engine\'s own classification: taxonomy, keywords in es/pt and merchant tags', () => {
    const store = [
      product('Memorial urn', 'rc-1-1'),
      product('Rosario de madera', null),
      product('Teste de gravidez', null),
      product('Gift box', null, [], { tags: ['tacto:sensitive:finance-debt'] }),
    ];
    expect(topicsOf(store).sensitive).toEqual(['pregnancy-fertility', 'finance-debt', 'funeral-grief', 'religion']);
  });

  it('counts only products for sale, and never offers the merchant\'s catch-all flag', () => {
    const store = [product('Prayer mat', null, [], { available: false }), product('Secret thing', null, [], { tags: ['tacto:sensitive'] })];
    expect(topicsOf(store).sensitive).toEqual([]);
  });
});

describe('interest topics from collections', () => {
  it('offers the telling collections and leaves out the one holding most of the catalog', () => {
    expect(topicsOf(coatsAndCameras()).collections).toEqual([OUTERWEAR, CAMERAS, GIFTS]);
  });

  it('leaves out a collection holding any sensitive product, however ordinary the rest', () => {
    const store = [...coatsAndCameras(), product('Baby mittens', 'aa-2-2', [GIFTS])];
    expect(topicsOf(store).collections).toEqual([OUTERWEAR, CAMERAS]);
  });

  it('leaves out a collection with nothing for sale', () => {
    const store = coatsAndCameras().map((p) => (p.collectionIds.includes(OUTERWEAR) ? { ...p, available: false } : p));
    expect(topicsOf(store).collections).toEqual([CAMERAS, GIFTS]);
  });

  it('in the engine tests\' store, Winter is an interest, and the list depends on nothing but the catalog', () => {
    const topics = topicsOf(CATALOG);
    expect(topics.collections).toEqual([WINTER]);
    // Its "prenatal vitamins" sit under Incontinence Aids in the taxonomy, so medical is there too.
    expect(topics.sensitive).toEqual(['pregnancy-fertility', 'baby', 'medical']);
    expect(topicsOf([...CATALOG].reverse())).toEqual(topics);
  });
});

describe('declared topic values', () => {
  it('a collection interest reads back as its collection; anything else is not one', () => {
    expect(collectionOfInterest(collectionInterest(451))).toBe(451);
    for (const value of ['collection:', 'collection:0', 'collection:-3', 'collection:1e3', 'Collection:4', 'baby']) {
      expect(collectionOfInterest(value)).toBeNull();
    }
    expect(isDeclaredTopic('baby')).toBe(true);
    expect(isDeclaredTopic('collection:7')).toBe(true);
    expect(isDeclaredTopic('astrology')).toBe(false);
  });
});
