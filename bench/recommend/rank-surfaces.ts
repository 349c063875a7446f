/**
 * Rank time per surface (issue "Picks that stay relevant", benchmark (e)): each Online Retail hold-out asked as a
 * product page, a cart, the home page, a collection page and a follow-up, by its customer and by a visitor.
 * Online Retail has no collections: for the collection page each product is put in the collection of its coarse
 * category (bench/recommend/coarse-categories.ts), on a copy of the model, so the other surfaces are timed on
 * the model as it is.
 */
import type { ShopModel } from '../../server/recommend/model/shop-model.ts';
import type { Purchase, Surface } from '../../server/recommend/types.ts';
import { percentile } from '../stats.ts';
import { COARSE_CATEGORIES, coarseCategoryOf } from './coarse-categories.ts';
import { drawBlock, type SeededRequest } from './journey-engine.ts';
import type { HoldOut, OnlineRetailSplit } from './online-retail-split.ts';
import { buildModel, catalogOf } from './tacto-ranker.ts';

export const RANK_SURFACES = ['product', 'cart', 'home', 'collection', 'email'] as const;
export type RankSurface = (typeof RANK_SURFACES)[number];

export interface SurfaceTiming {
  surface: RankSurface;
  audience: 'logged-in' | 'visitor';
  /** Timed requests (three passes over the hold-outs). */
  requests: number;
  p50Ms: number;
  p99Ms: number;
  /** Per request the best of its three runs: the cost without garbage-collection pauses. */
  p99BestOfThreeMs: number;
}

/** The hold-out as a request on `kind`: its first remaining item's page, its basket, its order, its collection. */
export function surfaceOf(kind: RankSurface, holdOut: HoldOut, collectionOf: (productId: number) => number): Surface {
  switch (kind) {
    case 'product':
      return { kind: 'product', productId: holdOut.given[0]! };
    case 'cart':
      return { kind: 'cart', productIds: holdOut.given };
    case 'home':
      return { kind: 'home' };
    case 'collection':
      return { kind: 'collection', collectionId: collectionOf(holdOut.given[0]!) };
    case 'email':
      return { kind: 'email', orderProductIds: holdOut.basket.items };
  }
}

/** Every purchase of any age, one entry per product (its last time, its number of orders), as storage folds them. */
export function foldedPurchases(purchases: readonly Purchase[]): Purchase[] {
  const folded = new Map<number, Purchase>();
  for (const p of purchases) {
    const seen = folded.get(p.productId);
    const orders = (seen?.orders ?? 0) + (p.orders ?? 1);
    folded.set(p.productId, { productId: p.productId, orderedAt: Math.max(seen?.orderedAt ?? -Infinity, p.orderedAt), orders });
  }
  return [...folded.values()];
}

/** Collection ids for the coarse categories: 1, 2, … in COARSE_CATEGORIES order. */
export function categoryCollectionOf(description: string): number {
  return COARSE_CATEGORIES.indexOf(coarseCategoryOf(description)) + 1;
}

/** A model of the same orders whose catalog puts each product in its coarse category's collection. */
export function withCategoryCollections(split: OnlineRetailSplit, trained: ShopModel): { model: ShopModel; collectionOf(productId: number): number } {
  const collections = split.descriptions.map(categoryCollectionOf);
  const model = buildModel(split, split.train, trained.policy);
  model.replaceCatalog(catalogOf(split).map((p) => ({ ...p, collectionIds: [collections[p.id]!] })));
  return { model, collectionOf: (productId) => collections[productId] ?? 0 };
}

/** A warm-up pass, then three timed passes over the requests. */
export function timeRequests(model: ShopModel, requests: readonly SeededRequest[]): Omit<SurfaceTiming, 'surface' | 'audience'> {
  for (const request of requests) drawBlock(model, request);
  const times: number[] = [];
  const best = new Float64Array(requests.length).fill(Infinity);
  for (let pass = 0; pass < 3; pass++) {
    requests.forEach((request, k) => {
      const started = performance.now();
      drawBlock(model, request);
      const ms = performance.now() - started;
      times.push(ms);
      best[k] = Math.min(best[k]!, ms);
    });
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    requests: times.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    p99BestOfThreeMs: percentile([...best].sort((a, b) => a - b), 99),
  };
}
