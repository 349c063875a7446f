import type { PickSource, PrivacyRuleName } from '../types.ts';

/** A product the engine is considering, and where the idea came from. */
export interface Candidate {
  productId: number;
  readonly source: PickSource;
}

/** A rule that removes candidates. `keeps` is pure; the engine records the first rule that drops each one. */
export interface CandidateRule {
  name: PrivacyRuleName;
  keeps(candidate: Candidate): boolean;
}

/** Sources that exist only because of the shopper's past orders. */
export function isHistorySource(source: PickSource): boolean {
  return source === 'history' || source === 'reorder';
}
