/**
 * While a comparison is `collecting`: roughly how many more shoppers each arm needs before the first reading, so the
 * page can say "about N more shoppers per group" instead of just "wait". An estimate from the levels seen so far
 * (the holdout, the smaller arm, usually sets it); null when nothing has been sold yet to estimate from.
 *
 *   conversion, arm rate p:  n ≥ max(30, 5/p, 5/(1 − p))          (expect ≥ 5 buyers and ≥ 5 non-buyers)
 *   revenue, arm mean m, variance s²:  n ≥ max(30, 5·s²/m²)        (≥ 5 effective observations n·m²/s²)
 * An arm without a sale (or without a non-buyer) borrows the pooled level of both arms.
 */
import {
  type AverageArm,
  type MeanArm,
  MIN_OUTCOMES_PER_ARM,
  MIN_SHOPPERS_PER_ARM,
  type ProportionArm,
  type RateArm,
  averageArmReady,
  compareMeans,
  compareProportions,
  meanArm,
  proportionArm,
  rateArmReady,
} from './comparison.ts';

/** More shoppers per arm (the larger of the two arms' needs); 0 once the comparison can be read; null without an experiment. */
export function shoppersNeededForProportions(treatment: ProportionArm, holdout: ProportionArm): number | null {
  const verdict = compareProportions(treatment, holdout).verdict;
  if (verdict === 'no-experiment') return null;
  if (verdict !== 'collecting') return 0;
  const arms = [proportionArm(treatment), proportionArm(holdout)];
  const pooled = rateOf(arms.reduce((sum, arm) => ({ n: sum.n + arm.n, successes: sum.successes + arm.successes }), { n: 0, successes: 0 }));
  return largestNeed(
    arms.map((arm) => {
      if (rateArmReady(arm)) return 0;
      const p = rateOf(arm) ?? pooled;
      if (p === null) return null;
      return remaining(arm.n, Math.max(MIN_SHOPPERS_PER_ARM, MIN_OUTCOMES_PER_ARM / p, MIN_OUTCOMES_PER_ARM / (1 - p)));
    }),
  );
}

export function shoppersNeededForMeans(treatment: MeanArm, holdout: MeanArm): number | null {
  const verdict = compareMeans(treatment, holdout).verdict;
  if (verdict === 'no-experiment') return null;
  if (verdict !== 'collecting') return 0;
  const arms = [meanArm(treatment), meanArm(holdout)];
  const pooled = squaredVariation(meanArm({ n: treatment.n + holdout.n, sum: treatment.sum + holdout.sum, sumSquares: treatment.sumSquares + holdout.sumSquares }));
  return largestNeed(
    arms.map((arm) => {
      if (averageArmReady(arm)) return 0;
      const cv2 = squaredVariation(arm) ?? pooled;
      if (cv2 === null) return null;
      return remaining(arm.n, Math.max(MIN_SHOPPERS_PER_ARM, MIN_OUTCOMES_PER_ARM * cv2));
    }),
  );
}

/** A rate strictly between 0 and 1, else null (0 or 1 says nothing about how rare buying is). */
function rateOf(arm: Pick<RateArm, 'n' | 'successes'>): number | null {
  return arm.successes > 0 && arm.successes < arm.n ? arm.successes / arm.n : null;
}

/** s²/m² of the per-shopper value, when the arm has a positive mean to measure against. */
function squaredVariation(arm: AverageArm): number | null {
  if (arm.mean === null || arm.mean <= 0 || arm.n < 2) return null;
  const cv2 = arm.variance / (arm.mean * arm.mean);
  return Number.isFinite(cv2) ? cv2 : null;
}

/**
 * At least 1 while the arm is not ready: an arm without a sale borrowing a pooled rate may look as if it had
 * enough shoppers already, and "0 more needed" next to "still collecting" would contradict itself.
 */
function remaining(n: number, required: number): number {
  return Math.max(1, Math.ceil(required) - n);
}

/**
 * Still collecting, yet both arms pass their gates: only magnitudes past floating point can do that, and more
 * shoppers would not help — so no estimate rather than a contradictory 0.
 */
function largestNeed(needs: (number | null)[]): number | null {
  if (needs.some((need) => need === null)) return null;
  const largest = Math.max(...(needs as number[]));
  return largest > 0 ? largest : null;
}
