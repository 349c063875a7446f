/**
 * Every tunable of the engine, in one place, with where its value comes from. Change a value here and run
 * `npm run bench` to see what it does to quality and leakage.
 */
export const DAY_MS = 86_400_000;

export interface RecommendPolicy {
  /** Rule 4: purchases older than this no longer influence anything. */
  historyWindowDays: number;
  /** Rule 4 overrides: taxonomy subtrees whose purchases stop influencing on the day they are bought. */
  stopAtPurchaseCategories: readonly string[];
  /** Rule 4 overrides: product tags with the same effect (merchant-set, e.g. `one-time`). */
  stopAtPurchaseTags: readonly string[];
  /** How many of the shopper's most recent distinct purchases (within the window) suggest complements. */
  historyItems: number;
  /** Rule 3: share of the slots that may come from the shopper's history (rounded down). */
  historyShare: number;
  /** Rule 5: an item shown this many times within `frequencyCapDays` rests. */
  frequencyCapViews: number;
  frequencyCapDays: number;
  /** Rule 1: an item is a consumable when at least this share of its buyers bought it again. */
  consumableRepeatShare: number;
  /** Rule 1: reorder gaps needed before the store's own data defines an item's reorder interval. */
  minReorderGaps: number;
  /** Rule 1: which quantile of an item's observed reorder gaps is its "typical reorder interval". */
  reorderGapQuantile: number;
  /** Rule 1: how much relatedness to the page outweighs reorder frequency when ranking due consumables. */
  reorderRelatednessWeight: number;
  /** Model: co-purchase neighbours each item's weights are fitted on, and the ridge penalty (EASE's λ). */
  neighbours: number;
  ridge: number;
  /** Popularity: half-life of an order's weight, so the fallback follows the season. */
  popularityHalfLifeDays: number;
}

export const DEFAULT_POLICY: RecommendPolicy = {
  historyWindowDays: 180,
  // Wedding & Bridal Party Dresses: a wedding dress says nothing about what someone needs next.
  stopAtPurchaseCategories: ['aa-1-22'],
  stopAtPurchaseTags: ['one-time', 'tacto:stop-at-purchase'],
  // Chosen by the leakage benchmark (README, "Recommendations"): 3 of 10 slots.
  historyShare: 0.3,
  historyItems: 30,
  frequencyCapViews: 6,
  frequencyCapDays: 14,
  consumableRepeatShare: 0.1,
  minReorderGaps: 3,
  // The first quartile: by then a quarter of the item's repeat buyers had bought it again, so showing it is
  // restocking, not chasing. The benchmark prints the median's figures beside it.
  reorderGapQuantile: 0.25,
  // Tuned on Online Retail: beyond ~200 relatedness decides and reorder counts only break ties.
  reorderRelatednessWeight: 200,
  // 50 neighbours and λ = 50 match full EASE on Online Retail at a fraction of its cost (README).
  neighbours: 50,
  ridge: 50,
  popularityHalfLifeDays: 30,
};

/** How many of `limit` slots may come from history under `policy` (rule 3). */
export function maxHistorySlots(limit: number, policy: RecommendPolicy): number {
  return Math.floor(limit * policy.historyShare + 1e-9);
}
