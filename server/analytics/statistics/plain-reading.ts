/**
 * A comparison as a code and its parameters; the admin words it in the merchant's language (the server sends codes,
 * never prose). Lifts are fractions (0.12 = 12 %).
 *   lift.no-experiment  — the holdout is 0 %: nothing to compare.
 *   lift.collecting     — too little data to read; `needed` = about how many more shoppers per group (null: unknown).
 *   lift.inconclusive   — the interval spans 0; `mde` = the smallest lift the current traffic could detect.
 *   lift.helps / lift.hurts — the whole interval lies above / below 0.
 */
import type { Comparison } from './comparison.ts';

export type PlainReading =
  | { code: 'lift.no-experiment'; params: Record<string, never> }
  | { code: 'lift.collecting'; params: { needed: number | null } }
  | { code: 'lift.inconclusive'; params: { lift: number; low: number; high: number; mde: number | null } }
  | { code: 'lift.helps' | 'lift.hurts'; params: { lift: number; low: number; high: number } };

/** `needed` comes from shoppersNeededForProportions / shoppersNeededForMeans on the same arms. */
export function plainReading(comparison: Comparison, needed: number | null = null): PlainReading {
  const { verdict, lift, interval } = comparison;
  if (verdict === 'no-experiment') return { code: 'lift.no-experiment', params: {} };
  // A verdict past `collecting` always carries a lift and an interval; the check only satisfies the type.
  if (verdict === 'collecting' || lift === null || interval === null) return { code: 'lift.collecting', params: { needed } };
  const [low, high] = interval;
  if (verdict === 'inconclusive') return { code: 'lift.inconclusive', params: { lift, low, high, mde: comparison.minimumDetectableLift } };
  return { code: `lift.${verdict}`, params: { lift, low, high } };
}
