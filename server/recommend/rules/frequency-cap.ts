import type { RecommendPolicy } from '../policy.ts';
import type { CandidateRule } from './candidate.ts';

/**
 * Rule 5, frequency cap: an item already shown `frequencyCapViews` times to this shopper within
 * `frequencyCapDays` (storefront and email together; the caller counts) rests until older showings age out.
 */
export function frequencyCap(recentImpressions: ReadonlyMap<number, number>, policy: RecommendPolicy): CandidateRule {
  return {
    name: 'frequency-cap',
    // Resting, not forbidden: the next related product takes the place; only an exhausted page brings it back.
    yields: true,
    keeps: (c) => (recentImpressions.get(c.productId) ?? 0) < policy.frequencyCapViews,
  };
}
