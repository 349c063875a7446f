import { DAY_MS, type RecommendPolicy } from '../policy.ts';
import type { Catalog } from '../catalog.ts';
import type { Purchase } from '../types.ts';

/**
 * What the shopper ever bought: per product, the last time and how many orders. Two flat maps rather than one
 * of objects: a wholesaler's history holds thousands of products, per request.
 */
export interface Ownership {
  last: Map<number, number>;
  orders: Map<number, number>;
}

/** Every purchase up to `now`, whatever its age: owned means owned (rule 1). */
export function ownedEver(purchases: readonly Purchase[], now: number): Ownership {
  const last = new Map<number, number>();
  const orders = new Map<number, number>();
  for (const p of purchases) {
    if (p.orderedAt > now) continue;
    const previous = last.get(p.productId);
    if (previous === undefined || p.orderedAt > previous) last.set(p.productId, p.orderedAt);
    orders.set(p.productId, (orders.get(p.productId) ?? 0) + (p.orders ?? 1));
  }
  return { last, orders };
}

/**
 * Rule 4, decay and stop: the purchases that may still tilt the draw — those within the history window, and of
 * one-off and event purchases (a wedding dress, a trip) only those within the shorter event window: the veil
 * may follow the dress for a while, then nothing bridal.
 */
export function influencingPurchases(owned: Ownership, now: number, policy: RecommendPolicy, isEvent: (id: number) => boolean): Set<number> {
  const influencing = new Set<number>();
  for (const [productId, last] of owned.last) {
    const days = isEvent(productId) ? policy.eventWindowDays : policy.historyWindowDays;
    if (now - last < days * DAY_MS) influencing.add(productId);
  }
  return influencing;
}

/** Rule 4: event purchases whose window has passed. Their complements stop for this shopper (engine). */
export function pastEvents(owned: Ownership, now: number, policy: RecommendPolicy, isEvent: (id: number) => boolean): number[] {
  const past: number[] = [];
  for (const [productId, last] of owned.last) if (isEvent(productId) && now - last >= policy.eventWindowDays * DAY_MS) past.push(productId);
  return past;
}

/** Whether a product is a one-off or event purchase: an event category (weddings) or an event tag. */
export function isEventProduct(catalog: Catalog, productId: number, policy: RecommendPolicy): boolean {
  const eventTags = policy.eventTags.map((t) => t.toLowerCase());
  const product = catalog.get(productId)?.product;
  if (!product) return false;
  const category = product.categoryId;
  if (category && policy.eventCategories.some((root) => category === root || category.startsWith(`${root}-`))) return true;
  return product.tags.some((t) => eventTags.includes(t.trim().toLowerCase()));
}

/** The most recently bought `limit` of the given products: what the shopper's recent interests are. */
export function mostRecent(productIds: ReadonlySet<number>, owned: Ownership, limit: number): number[] {
  const ids = [...productIds];
  if (ids.length <= limit) return ids;
  return ids.sort((a, b) => owned.last.get(b)! - owned.last.get(a)! || a - b).slice(0, limit);
}
