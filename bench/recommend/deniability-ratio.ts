/**
 * The deniability bound as the engine states it, read off one page's inclusion probabilities: for every item,
 * its presence in one view of the shopper's block is at most r times as likely as in the visitor's
 * (πs ≤ r·πv), and so is its absence (1 − πs ≤ r·(1 − πv)). Pure.
 */
import type { InclusionMap } from './engine-view.ts';

/** The smallest r that bounds this page: max over items of πs/πv and (1 − πs)/(1 − πv); Infinity when none does. */
export function worstInclusionRatio(visitor: InclusionMap, shopper: InclusionMap): number {
  let worst = 1;
  const items = new Set([...visitor.keys(), ...shopper.keys()]);
  for (const item of items) {
    const piV = visitor.get(item) ?? 0;
    const piS = shopper.get(item) ?? 0;
    worst = Math.max(worst, ratio(piS, piV), ratio(1 - piS, 1 - piV));
  }
  return worst;
}

/** a / b for probabilities, where 0/0 is no evidence (1) and a/0 is none bounded (Infinity); rounding below 1e-12 is 0. */
function ratio(a: number, b: number): number {
  const eps = 1e-12;
  if (a <= eps) return 1;
  if (b <= eps) return Infinity;
  return a / b;
}
