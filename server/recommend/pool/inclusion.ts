/**
 * Inclusion probabilities: how likely each item of a page's pool is to be in one view of the block. A block of n
 * distinct items has probabilities that sum to n, each at most 1 (systematic-draw.ts turns them into a draw).
 *
 * The deniability bound lives here. With visitor probabilities πv and a shopper's πs, for every item
 *   πs ≤ r·πv            (presence at most r times as likely as for a visitor)
 *   1 − πs ≤ r·(1 − πv)  (absence at most r times as likely)
 * Items the shopper must never see (owned, resting, dismissed) get πs = 0, which the second line allows only when
 * πv ≤ 1 − 1/r: the visitor cap below guarantees it for every item, since any item may be owned by someone.
 */

/** Solves Σ f(λ) = target for a nondecreasing f by bisection; 60 halvings reach double precision. */
function solveScale(sum: (scale: number) => number, target: number): number {
  let low = 0;
  let high = 1;
  while (sum(high) < target && high < 1e300) high *= 2;
  for (let k = 0; k < 60; k++) {
    const mid = (low + high) / 2;
    if (sum(mid) < target) low = mid;
    else high = mid;
  }
  return high;
}

/**
 * Visitor probabilities: proportional to `weights`, none above `cap`, summing to `n`. Needs at least n / cap
 * items with a positive weight (the pool's block size is chosen so).
 */
export function cappedInclusion(weights: readonly number[], n: number, cap: number): number[] {
  if (n <= 0) return weights.map(() => 0);
  const sum = (scale: number) => weights.reduce((total, w) => total + Math.min(cap, scale * w), 0);
  const scale = solveScale(sum, n);
  return normalise(weights.map((w) => Math.min(cap, scale * w)), n, weights.map(() => cap));
}

/** Each item's lowest and highest shopper probability under bound `r`, given its visitor probability. */
export function boundsOf(visitor: number, r: number): { low: number; high: number } {
  return { low: Math.max(0, 1 - r * (1 - visitor)), high: Math.min(1, r * visitor) };
}

export interface ShopperInclusion {
  probabilities: number[];
  /** False when the shopper's exclusions left too little of the pool to stay within r (see boundedInclusion). */
  boundHeld: boolean;
}

/**
 * A shopper's probabilities: as close to `desired` (relative weights: the visitor's, tilted by the shopper's
 * interests) as the bound lets them be, 0 where `excluded`, summing to n. Each item is clamped to its bounds
 * and one common scale is solved for — the tilt can never push an item beyond r.
 *
 * When the shopper excludes so much of the pool that even every other item at its upper bound falls short of
 * n (they own most of what the page offers), the block still has n picks and none of the excluded: the rest is
 * spread over the remaining items beyond their bound, and `boundHeld` says so. The benchmark counts how often.
 *
 * `opened`: products of a topic the shopper declared they shop for (rule 2's one door). They may be shown up to
 * `openedCeiling` whatever a visitor's probability — the shopper asked for them, in their own preference block.
 */
export function boundedInclusion(
  visitor: readonly number[],
  desired: readonly number[],
  excluded: readonly boolean[],
  r: number,
  n: number,
  opened: readonly boolean[] = [],
  openedCeiling = 0,
): ShopperInclusion {
  // Products of a topic the shopper declared themselves are theirs to see: the bound does not hold them back.
  const low = visitor.map((v, i) => (excluded[i] || opened[i] ? 0 : boundsOf(v, r).low));
  const high = visitor.map((v, i) => (excluded[i] ? 0 : opened[i] ? Math.max(openedCeiling, boundsOf(v, r).high) : boundsOf(v, r).high));
  const room = high.reduce((a, b) => a + b, 0);
  if (room >= n - 1e-9) {
    const clamp = (scale: number, i: number) => Math.min(high[i]!, Math.max(low[i]!, scale * desired[i]!));
    const scale = solveScale((s) => desired.reduce((total, _, i) => total + clamp(s, i), 0), n);
    return { probabilities: normalise(desired.map((_, i) => clamp(scale, i)), n, high), boundHeld: true };
  }
  // Beyond the bound: every allowed item at its bound, the shortfall shared in proportion to `desired`.
  const ceiling = excluded.map((x): number => (x ? 0 : 1));
  const weights = desired.map((d, i) => (excluded[i] ? 0 : Math.max(d, 1e-12)));
  const capacity = ceiling.reduce((a, b) => a + b, 0);
  const target = Math.min(n, capacity);
  const fill = (scale: number, i: number) => Math.min(ceiling[i]!, high[i]! + scale * weights[i]!);
  const scale = solveScale((s) => weights.reduce((total, _, i) => total + fill(s, i), 0), target);
  return { probabilities: normalise(weights.map((_, i) => fill(scale, i)), target, ceiling), boundHeld: false };
}

/**
 * When the products a shopper may see cannot fill the block even at probability 1, products that only rest
 * (`resting`) come back, the most relevant first (in proportion to `weights`), until the block is full. Returns
 * the probabilities unchanged when nothing is missing; the block is shorter only when even those run out.
 */
export function topUp(probabilities: readonly number[], resting: readonly boolean[], weights: readonly number[], n: number): number[] {
  const missing = n - probabilities.reduce((a, b) => a + b, 0);
  if (missing <= 1e-9) return [...probabilities];
  const w = weights.map((x, i) => (resting[i] ? Math.max(x, 1e-12) : 0));
  const available = w.filter((x) => x > 0).length;
  const target = Math.min(missing, available);
  const scale = solveScale((s) => w.reduce((total, x) => total + Math.min(1, s * x), 0), target);
  const extra = normalise(w.map((x) => Math.min(1, scale * x)), target, w.map((x) => (x > 0 ? 1 : 0)));
  return probabilities.map((p, i) => p + extra[i]!);
}

/**
 * Removes bisection's rounding so the probabilities sum to `n` exactly enough for the draw: the difference is
 * taken from (or given to) items with room below their ceiling.
 */
function normalise(probabilities: number[], n: number, ceilings: readonly number[]): number[] {
  let diff = n - probabilities.reduce((a, b) => a + b, 0);
  for (let i = 0; i < probabilities.length && Math.abs(diff) > 1e-12; i++) {
    const p = probabilities[i]!;
    if (p <= 0) continue;
    const next = Math.min(ceilings[i]!, Math.max(0, p + diff));
    diff -= next - p;
    probabilities[i] = next;
  }
  return probabilities;
}
