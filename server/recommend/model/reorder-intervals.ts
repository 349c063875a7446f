import { DAY_MS, type RecommendPolicy } from '../policy.ts';

/** One customer's purchase of one product, for learning how products are reordered. */
export interface CustomerPurchase {
  customerId: number;
  productId: number;
  orderedAt: number;
}

/**
 * Which products are consumables, and after how long a buyer typically needs one again, learned from the
 * store's own orders: a product is a consumable when enough of its buyers bought it again, and its interval is
 * a quantile of the gaps between one buyer's consecutive purchases. Durable goods (a coat, a stroller) have no
 * interval: they never come back within the history window (rule 1).
 */
export function learnReorderIntervals(purchases: readonly CustomerPurchase[], policy: RecommendPolicy): Map<number, number> {
  const byCustomer = new Map<number, Map<number, number[]>>();
  for (const p of purchases) {
    let products = byCustomer.get(p.customerId);
    if (!products) byCustomer.set(p.customerId, (products = new Map()));
    const times = products.get(p.productId);
    if (times) times.push(p.orderedAt);
    else products.set(p.productId, [p.orderedAt]);
  }
  const stats = new Map<number, { buyers: number; repeaters: number; gaps: number[] }>();
  for (const products of byCustomer.values()) {
    for (const [productId, times] of products) {
      let s = stats.get(productId);
      if (!s) stats.set(productId, (s = { buyers: 0, repeaters: 0, gaps: [] }));
      s.buyers += 1;
      if (times.length < 2) continue;
      times.sort((a, b) => a - b);
      let repeated = false;
      for (let k = 1; k < times.length; k++) {
        // Two lines of one order (same time) are not a reorder.
        if (times[k] === times[k - 1]) continue;
        repeated = true;
        s.gaps.push(times[k]! - times[k - 1]!);
      }
      if (repeated) s.repeaters += 1;
    }
  }
  const intervals = new Map<number, number>();
  for (const [productId, s] of stats) {
    if (s.gaps.length < policy.minReorderGaps || s.repeaters / s.buyers < policy.consumableRepeatShare) continue;
    s.gaps.sort((a, b) => a - b);
    intervals.set(productId, s.gaps[Math.floor((s.gaps.length - 1) * policy.reorderGapQuantile)]!);
  }
  return intervals;
}

const REORDER_DAYS_TAG = /^reorder-days:(\d{1,4})$/i;

/**
 * The merchant's word beats the data: a `reorder-days:N` tag sets the interval; a `consumable` tag without
 * days keeps the learned one. Returns milliseconds, or undefined for a durable product.
 */
export function reorderIntervalOf(tags: readonly string[], learned: number | undefined): number | undefined {
  for (const tag of tags) {
    const match = REORDER_DAYS_TAG.exec(tag.trim());
    if (match) return Number(match[1]) * DAY_MS;
  }
  return learned;
}
