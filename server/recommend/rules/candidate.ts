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
  /**
   * True for rules that rest a product rather than forbid it (a substitute after a purchase, the frequency cap,
   * an event's complements): when nothing else is left to fill the page's block, such products come back before
   * the block would be shorter than a visitor's. Owned and dismissed products never do.
   */
  yields?: boolean;
}
