import type { RecommendPolicy } from '../../recommend/policy.ts';
import { influencingPurchases, mostRecent, ownedEver } from '../../recommend/rules/decay-and-stop.ts';
import type { Purchase } from '../../recommend/types.ts';

/** How a shopper's orders count for their suggestions, as product ids, most recently bought first. */
export interface OrdersThatCount {
  /** Everything they ever bought: never suggested to them again, however old the order. */
  owned: number[];
  /** What still shapes their suggestions: the engine's own choice (history window, shorter for one-off purchases). */
  shaping: number[];
}

/**
 * Pure: the shopper's orders as the engine reads them (server/recommend/personal/interests.ts), so the page can
 * never say more or less than the engine does.
 */
export function ordersThatCount(purchases: readonly Purchase[], now: number, policy: RecommendPolicy, isEvent: (productId: number) => boolean): OrdersThatCount {
  const owned = ownedEver(purchases, now);
  const newestFirst = (ids: Iterable<number>) => [...ids].sort((a, b) => owned.last.get(b)! - owned.last.get(a)! || a - b);
  const shaping = mostRecent(influencingPurchases(owned, now, policy, isEvent), owned, policy.historyItems);
  return { owned: newestFirst(owned.last.keys()), shaping: newestFirst(shaping) };
}
