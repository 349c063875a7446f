/**
 * Observers who read a shopper's tastes from one view of their block and what they know of the visitor block:
 * the difference attacker (the shopper's most-bought coarse category) and the membership claim ("this shopper
 * bought category X"). Pure: categories, views and probabilities come in.
 */

type CategoryOf = (item: number) => string;

/**
 * The category with the largest weight; ties go to the one more bought overall (`prior`, the observer's best
 * guess), then by name. `fallback` when nothing weighs anything.
 */
export function heaviestCategory(weights: ReadonlyMap<string, number>, prior: ReadonlyMap<string, number>, fallback: string): string {
  let best: string | null = null;
  for (const [category, weight] of weights) {
    if (!(weight > 0)) continue;
    if (best === null) {
      best = category;
      continue;
    }
    const bestWeight = weights.get(best)!;
    const byPrior = (prior.get(category) ?? 0) - (prior.get(best) ?? 0);
    if (weight > bestWeight || (weight === bestWeight && (byPrior > 0 || (byPrior === 0 && category < best)))) best = category;
  }
  return best ?? fallback;
}

function add(weights: Map<string, number>, category: string, weight: number): void {
  weights.set(category, (weights.get(category) ?? 0) + weight);
}

/** Observer (i): drop the items of one visitor view from the shopper's view, name the most frequent category left. */
export function guessAfterRemoval(
  view: readonly number[],
  visitorView: readonly number[],
  categoryOf: CategoryOf,
  prior: ReadonlyMap<string, number>,
  fallback: string,
): string {
  const visitor = new Set(visitorView);
  const weights = new Map<string, number>();
  for (const item of view) if (!visitor.has(item)) add(weights, categoryOf(item), 1);
  return heaviestCategory(weights, prior, fallback);
}

/** Inclusion probability standing for "a visitor never sees it": its weight 10⁶ outweighs any visitor pick. */
export const NEVER_SHOWN_TO_VISITORS = 1e-6;

/** Observer (ii): each item of the view weighs 1 / πv — the less a visitor would see it, the more it tells. */
export function guessBySurprise(
  view: readonly number[],
  visitor: ReadonlyMap<number, number>,
  categoryOf: CategoryOf,
  prior: ReadonlyMap<string, number>,
  fallback: string,
): string {
  const weights = new Map<string, number>();
  for (const item of view) add(weights, categoryOf(item), 1 / Math.max(visitor.get(item) ?? 0, NEVER_SHOWN_TO_VISITORS));
  return heaviestCategory(weights, prior, fallback);
}

/** The plain observer of the old bench: the most frequent category of the view, nothing subtracted. */
export function guessFromView(view: readonly number[], categoryOf: CategoryOf, prior: ReadonlyMap<string, number>, fallback: string): string {
  const weights = new Map<string, number>();
  for (const item of view) add(weights, categoryOf(item), 1);
  return heaviestCategory(weights, prior, fallback);
}

/**
 * The membership claim: the category whose count in the view most exceeds its expected count for a visitor
 * (Σ πv over the category's items), or null when no category exceeds it. Ties by name.
 */
export function membershipClaim(view: readonly number[], visitor: ReadonlyMap<number, number>, categoryOf: CategoryOf): string | null {
  const excess = new Map<string, number>();
  for (const item of view) add(excess, categoryOf(item), 1);
  for (const [item, pi] of visitor) add(excess, categoryOf(item), -pi);
  let best: string | null = null;
  // Sums of probabilities carry rounding: an excess within 1e-9 of 0 is none.
  let bestExcess = 1e-9;
  for (const [category, value] of excess) {
    if (value > bestExcess || (best !== null && value === bestExcess && category < best)) {
      best = category;
      bestExcess = value;
    }
  }
  return best;
}

export interface ClaimScore {
  shoppers: number;
  claims: number;
  /** Share of claims that are true. */
  precision: number;
  /** For the same claimed categories, the share of all shoppers who bought them: claiming X of a random shopper. */
  baseRate: number;
}

/** Scores membership claims; `boughtShare` is, per category, the share of all the bench's shoppers who bought it. */
export function scoreClaims(
  rows: readonly { claimed: string | null; bought: ReadonlySet<string> }[],
  boughtShare: ReadonlyMap<string, number>,
): ClaimScore {
  let claims = 0;
  let right = 0;
  let base = 0;
  for (const { claimed, bought } of rows) {
    if (claimed === null) continue;
    claims += 1;
    if (bought.has(claimed)) right += 1;
    base += boughtShare.get(claimed) ?? 0;
  }
  return { shoppers: rows.length, claims, precision: claims ? right / claims : 0, baseRate: claims ? base / claims : 0 };
}

/** Per category, the share of `buyers` (each the set of categories one shopper bought) who bought it. */
export function categoryBuyerShares(buyers: readonly ReadonlySet<string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const bought of buyers) for (const category of bought) add(counts, category, 1);
  return new Map([...counts].map(([category, count]) => [category, count / buyers.length]));
}
