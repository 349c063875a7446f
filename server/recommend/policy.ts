/**
 * Every tunable of the engine, in one place, with where its value comes from. Change a value here and run
 * `npm run bench -- --only recommend` to see what it does to quality and leakage.
 */
export const DAY_MS = 86_400_000;

export interface RecommendPolicy {
  /** Rule 4: purchases older than this no longer influence anything. They still count as owned (rule 1). */
  historyWindowDays: number;
  /** Rule 4: taxonomy subtrees of one-off and event purchases (weddings): they influence only for a while. */
  eventCategories: readonly string[];
  /** Rule 4: product tags with the same effect (merchant-set: `one-time`, `tacto:event`). */
  eventTags: readonly string[];
  /** Rule 4: how long an event purchase may still suggest its complements; after it, they stop for that shopper. */
  eventWindowDays: number;
  /** Rule 1: after a purchase, products that do the same job rest this long (the product itself: forever). */
  substituteRestDays: number;
  /** How many of the shopper's most recent distinct purchases (within the window) tilt the draw. */
  historyItems: number;
  /**
   * The deniability bound r: in one view, every product's presence and its absence are at most r times as likely
   * in a shopper's block as in a visitor's block on the same page (README, "Recommendations").
   */
  deniabilityRatio: number;
  /** How strongly the shopper's interests tilt the draw before the bound clamps it (1 + tilt × interest). */
  personalTilt: number;
  /** Most products in a page's pool (the visitor draws from them); as many again wait as a reserve. */
  poolSize: number;
  /** A page shows at most one pick per this many pool products: the pool is always wider than the block. */
  poolPerPick: number;
  /** Visitor weight of the pool's k-th product: 1 / (k + 1)^decay. Higher: closer to a fixed top list. */
  poolWeightDecay: number;
  /** Relevance floor, co-purchase evidence: bought together in at least this many orders… */
  minCoPurchases: number;
  /** …and this many times more often than chance would put them together (lift). */
  minLift: number;
  /** Relevance floor, catalog complement: shared collection 1, descriptive tag 0.5 each, taxonomy vertical 0.5. */
  catalogFloor: number;
  /** Collections holding more than this share of the catalog ("All products") say nothing about relatedness. */
  broadCollectionShare: number;
  /** Rule 5: an item shown this many times within `frequencyCapDays` rests. */
  frequencyCapViews: number;
  frequencyCapDays: number;
  /** Rule 1: an item is a consumable when at least this share of its buyers bought it again. */
  consumableRepeatShare: number;
  /** Rule 1: reorder gaps needed before the store's own data defines an item's reorder interval. */
  minReorderGaps: number;
  /** Rule 1: which quantile of an item's observed reorder gaps is its "typical reorder interval". */
  reorderGapQuantile: number;
  /** Model: co-purchase neighbours each item's weights are fitted on, and the ridge penalty (EASE's λ). */
  neighbours: number;
  ridge: number;
  /** Popularity: half-life of an order's weight, so the fallback follows the season. */
  popularityHalfLifeDays: number;
}

export const DEFAULT_POLICY: RecommendPolicy = {
  historyWindowDays: 180,
  // Wedding & Bridal Party Dresses: a wedding dress says nothing about what someone needs a year later.
  eventCategories: ['aa-1-22'],
  eventTags: ['one-time', 'tacto:event', 'tacto:stop-at-purchase'],
  // The veil may follow the dress for two months, then nothing bridal.
  eventWindowDays: 60,
  substituteRestDays: 180,
  historyItems: 30,
  // Chosen with the leakage benchmark (README, "Recommendations").
  deniabilityRatio: 2,
  personalTilt: 4,
  poolSize: 40,
  poolPerPick: 2,
  poolWeightDecay: 1.5,
  minCoPurchases: 2,
  minLift: 1.5,
  catalogFloor: 1,
  broadCollectionShare: 0.5,
  frequencyCapViews: 6,
  frequencyCapDays: 14,
  consumableRepeatShare: 0.1,
  minReorderGaps: 3,
  // The first quartile: by then a quarter of the item's repeat buyers had bought it again, so showing it is
  // restocking, not chasing.
  reorderGapQuantile: 0.25,
  // 50 neighbours and λ = 50 match full EASE on Online Retail at a fraction of its cost (README).
  neighbours: 50,
  ridge: 50,
  popularityHalfLifeDays: 30,
};

/** No visitor pick is more likely than this: an owned product's absence must stay within r (inclusion.ts). */
export function visitorCap(policy: RecommendPolicy): number {
  // r = 1 (a shop with no personal picks): everyone is served as a visitor and nothing is withheld from anyone,
  // so only the pool's own spread limits a pick.
  if (!servesShoppersPersonally(policy)) return 1 / policy.poolPerPick;
  return 1 - 1 / policy.deniabilityRatio;
}

/** False when the bound is 1: no shopper's block may differ from a visitor's at all, so none is personal. */
export function servesShoppersPersonally(policy: RecommendPolicy): boolean {
  return policy.deniabilityRatio > 1;
}
