// TEMPORARY STUB (lead): replaced by the statistics helper's module before commit.
export type Verdict = 'no-experiment' | 'collecting' | 'inconclusive' | 'helps' | 'hurts';
export interface Comparison {
  treatment: number | null;
  holdout: number | null;
  lift: number | null;
  interval: [number, number] | null;
  verdict: Verdict;
  minimumDetectableLift: number | null;
}
const stub = (): Comparison => ({ treatment: null, holdout: null, lift: null, interval: null, verdict: 'no-experiment', minimumDetectableLift: null });
export function compareProportions(_t: { n: number; successes: number }, _h: { n: number; successes: number }): Comparison {
  return stub();
}
export function compareMeans(_t: { n: number; sum: number; sumSquares: number }, _h: { n: number; sum: number; sumSquares: number }): Comparison {
  return stub();
}
