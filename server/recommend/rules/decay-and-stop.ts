import { DAY_MS, type RecommendPolicy } from '../policy.ts';
import type { Catalog } from '../catalog.ts';
import type { Purchase } from '../types.ts';

/** What the shopper bought within the history window: per product, the last time and how many orders. */
export type Ownership = Map<number, { last: number; orders: number }>;

/** Purchases within the history window, per product: what the shopper may still own (rule 1 excludes it). */
export function ownedInWindow(purchases: readonly Purchase[], now: number, policy: RecommendPolicy): Ownership {
  const since = now - policy.historyWindowDays * DAY_MS;
  const owned: Ownership = new Map();
  for (const p of purchases) {
    if (p.orderedAt <= since || p.orderedAt > now) continue;
    const seen = owned.get(p.productId);
    if (seen) {
      seen.orders += 1;
      seen.last = Math.max(seen.last, p.orderedAt);
    } else owned.set(p.productId, { last: p.orderedAt, orders: 1 });
  }
  return owned;
}

/**
 * Rule 4, decay and stop: the purchases that may still influence what is suggested. Anything older than the
 * window is already gone from `owned`; purchases in a stop-at-purchase category (wedding dresses) or with a
 * stop tag influence nothing from the day they are made — a bride does not need more bridal wear suggested.
 */
export function influencingPurchases(owned: Ownership, catalog: Catalog, policy: RecommendPolicy): Ownership {
  const stopTags = new Set(policy.stopAtPurchaseTags.map((t) => t.toLowerCase()));
  const influencing: Ownership = new Map();
  for (const [productId, seen] of owned) if (!stopsAtPurchase(catalog, productId, policy, stopTags)) influencing.set(productId, seen);
  return influencing;
}

function stopsAtPurchase(catalog: Catalog, productId: number, policy: RecommendPolicy, stopTags: ReadonlySet<string>): boolean {
  const product = catalog.get(productId)?.product;
  if (!product) return false;
  const category = product.categoryId;
  if (category && policy.stopAtPurchaseCategories.some((root) => category === root || category.startsWith(`${root}-`))) {
    return true;
  }
  return product.tags.some((t) => stopTags.has(t.trim().toLowerCase()));
}

/** The most recently bought `limit` products: what the shopper's recent interests are. */
export function mostRecent(owned: Ownership, limit: number): number[] {
  const ids = [...owned.keys()];
  if (ids.length <= limit) return ids;
  return ids.sort((a, b) => owned.get(b)!.last - owned.get(a)!.last || a - b).slice(0, limit);
}
