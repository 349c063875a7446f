import type { Catalog } from '../catalog.ts';
import type { CandidateRule } from './candidate.ts';

/**
 * Complements over substitutes: what is on the page, in the cart or in the order is not suggested again, nor
 * anything that does the same job. Next to a coat: gloves and a scarf, not another coat.
 */
export function notSubstituteOfContext(catalog: Catalog, contextProductIds: readonly number[]): CandidateRule {
  const blocked = new Set<number>(contextProductIds);
  for (const id of contextProductIds) for (const other of catalog.substitutesOf(id)) blocked.add(other);
  return { name: 'substitute-of-context', keeps: (c) => !blocked.has(c.productId) };
}
