import { DAY_MS, type RecommendPolicy } from '../policy.ts';
import type { Catalog } from '../catalog.ts';
import type { Purchase } from '../types.ts';

/**
 * What the shopper bought within the history window: per product, the last time and how many orders. Two flat
 * maps rather than one of objects: a wholesaler's window holds thousands of products, per request.
 */
export interface Ownership {
  last: Map<number, number>;
  orders: Map<number, number>;
}

/** Purchases within the history window, per product: what the shopper may still own (rule 1 excludes it). */
export function ownedInWindow(purchases: readonly Purchase[], now: number, policy: RecommendPolicy): Ownership {
  const since = now - policy.historyWindowDays * DAY_MS;
  const last = new Map<number, number>();
  const orders = new Map<number, number>();
  for (const p of purchases) {
    if (p.orderedAt <= since || p.orderedAt > now) continue;
    const previous = last.get(p.productId);
    if (previous === undefined || p.orderedAt > previous) last.set(p.productId, p.orderedAt);
    orders.set(p.productId, (orders.get(p.productId) ?? 0) + (p.orders ?? 1));
  }
  return { last, orders };
}

/**
 * Rule 4, decay and stop: the purchases that may still influence what is suggested. Anything older than the
 * window is already gone from `owned`; purchases in a stop-at-purchase category (wedding dresses) or with a
 * stop tag influence nothing from the day they are made — a bride does not need more bridal wear suggested.
 */
export function influencingPurchases(owned: Ownership, stopsAtPurchase: (productId: number) => boolean): Set<number> {
  const influencing = new Set<number>();
  for (const productId of owned.last.keys()) if (!stopsAtPurchase(productId)) influencing.add(productId);
  return influencing;
}

/** Whether a purchase of this product stops influencing on the day it is made (rule 4's overrides). */
export function stopsAtPurchase(catalog: Catalog, productId: number, policy: RecommendPolicy): boolean {
  const stopTags = policy.stopAtPurchaseTags.map((t) => t.toLowerCase());
  const product = catalog.get(productId)?.product;
  if (!product) return false;
  const category = product.categoryId;
  if (category && policy.stopAtPurchaseCategories.some((root) => category === root || category.startsWith(`${root}-`))) {
    return true;
  }
  return product.tags.some((t) => stopTags.includes(t.trim().toLowerCase()));
}

/** The most recently bought `limit` of the given products: what the shopper's recent interests are. */
export function mostRecent(productIds: ReadonlySet<number>, owned: Ownership, limit: number): number[] {
  const ids = [...productIds];
  if (ids.length <= limit) return ids;
  return ids.sort((a, b) => owned.last.get(b)! - owned.last.get(a)! || a - b).slice(0, limit);
}
