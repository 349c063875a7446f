/**
 * Treatment against holdout for one metric: the relative lift, its 95 % interval, a verdict a merchant can act on,
 * and the smallest lift the current traffic could detect. Pure arithmetic on aggregates — no shopper in sight.
 *
 * Both metrics use the same recipe on the log scale:
 *
 *   ratio  R̂ = level_t / level_h                 lift = R̂ − 1
 *   Var(log R̂) ≈ Var(level_t)/level_t² + Var(level_h)/level_h²        (delta method, arms independent)
 *   95 % interval for R:  R̂ · exp(± z₀.₉₇₅ · SE(log R̂))               lift interval = that − 1
 *
 * Why the log scale (the Katz interval for a risk ratio, and its analogue for a ratio of means): the ratio of two
 * positive estimates is right-skewed — it cannot fall below 0 but can run far above 1 — while its logarithm is close
 * to normal already at modest counts. The interval is therefore asymmetric around the lift (longer above than below),
 * never goes below −100 %, and has coverage near 95 % for conversion rates of 1–10 % once each arm holds a few
 * successes (hence the ≥ 5 successes gate below). Fieller's interval has similar coverage but can be unbounded or a
 * union of two rays when the holdout level is poorly determined; that is not something to put on a merchant's card.
 * The calibration tests (test/analytics/statistics-calibration.test.ts) measure the coverage on simulated shops.
 */
import { normalQuantile } from './normal-quantile.ts';

export type Verdict = 'no-experiment' | 'collecting' | 'inconclusive' | 'helps' | 'hurts';

export interface Comparison {
  /** Rate or mean per shopper in the treatment arm (null while that arm is empty). */
  treatment: number | null;
  holdout: number | null;
  /** Relative: treatment / holdout − 1 (null while the holdout level is not positive). */
  lift: number | null;
  /** 95 % interval for the relative lift; null unless the verdict is inconclusive, helps or hurts. */
  interval: [number, number] | null;
  verdict: Verdict;
  /** Relative lift the current samples detect with 80 % power (α 5 %, two-sided). */
  minimumDetectableLift: number | null;
}

/** Shoppers and how many of them converted (bought at least once). */
export interface ProportionArm {
  n: number;
  successes: number;
}

/** Shoppers, and the sum and sum of squares of a per-shopper value (revenue: mostly zeros, buyers skewed). */
export interface MeanArm {
  n: number;
  sum: number;
  sumSquares: number;
}

export const CONFIDENCE_LEVEL = 0.95;
/** Power at which the minimum detectable lift is stated. */
export const DETECTION_POWER = 0.8;
/** Below this many shoppers in an arm the verdict is `collecting`. */
export const MIN_SHOPPERS_PER_ARM = 30;
/**
 * Conversion: below this many buyers, or this many non-buyers, in an arm the verdict is `collecting` — the usual
 * rule of thumb for a normal approximation to a binomial. Revenue per shopper: the same number applied to the arm's
 * effective number of observations n·mean²/variance (= 1 / squared relative standard error of the mean). For
 * zero-or-v revenue that is about the number of buyers, so both metrics wait for roughly the same evidence, and it
 * keeps SE(log mean) ≤ 1/√5 so the log-scale approximation is not asked to carry a mean it barely knows.
 */
export const MIN_OUTCOMES_PER_ARM = 5;

/** z₀.₉₇₅ ≈ 1.959964: the half-width multiplier of a two-sided 95 % interval. */
export const Z_INTERVAL = normalQuantile(1 - (1 - CONFIDENCE_LEVEL) / 2);
/** z₀.₈ ≈ 0.841621: the extra distance that gives 80 % power. */
export const Z_POWER = normalQuantile(DETECTION_POWER);

/**
 * Conversion, treatment against holdout.
 *   p̂ = successes / n,   Var(p̂) = p(1 − p)/n,   so  Var(log p̂) ≈ (1 − p)/(n p).
 *   MDE = (z₀.₉₇₅ + z₀.₈) · √(p_h(1 − p_h)(1/n_t + 1/n_h)) / p_h.
 */
export function compareProportions(treatment: ProportionArm, holdout: ProportionArm): Comparison {
  const t = proportionArm(treatment);
  const h = proportionArm(holdout);
  if (t.n === 0 && h.n === 0) return noExperiment();
  return assemble({
    treatment: t.rate,
    holdout: h.rate,
    ready: rateArmReady(t) && rateArmReady(h),
    // Only read when ready, so both rates lie strictly between 0 and 1.
    logVariance: () => relativeVarianceOfRate(t) + relativeVarianceOfRate(h),
    // Standard error of p_t − p_h if the treatment shared the holdout's rate (the null the MDE is measured from).
    differenceSE: h.rate === null || t.n === 0 ? null : Math.sqrt(h.rate * (1 - h.rate) * (1 / t.n + 1 / h.n)),
  });
}

/**
 * Revenue (or any non-negative value) per shopper, treatment against holdout.
 *   m̂ = sum / n,   s² = (sumSquares − sum·m̂)/(n − 1),   Var(log m̂) ≈ s² / (n m̂²).
 *   MDE = (z₀.₉₇₅ + z₀.₈) · s_h · √(1/n_t + 1/n_h) / m_h.
 * Means at or below 0 keep the verdict at `collecting`: a relative lift against nothing means nothing, and a
 * zero mean of revenue is an arm without a single sale yet.
 */
export function compareMeans(treatment: MeanArm, holdout: MeanArm): Comparison {
  const t = meanArm(treatment);
  const h = meanArm(holdout);
  if (t.n === 0 && h.n === 0) return noExperiment();
  return assemble({
    treatment: t.mean,
    holdout: h.mean,
    ready: averageArmReady(t) && averageArmReady(h),
    logVariance: () => relativeVarianceOfMean(t) + relativeVarianceOfMean(h),
    differenceSE: h.n < 2 || t.n === 0 ? null : Math.sqrt(h.variance * (1 / t.n + 1 / h.n)),
  });
}

/** What an arm tells once its counts are made safe to divide by. */
export interface RateArm {
  n: number;
  successes: number;
  rate: number | null;
}

export interface AverageArm {
  n: number;
  mean: number | null;
  /** Sample variance of the per-shopper value (0 when n < 2). */
  variance: number;
}

/**
 * Counters are validated where they are read; these guards only keep a damaged row from putting NaN on the
 * merchant's page: a count that is negative or not finite is 0, fractions are floored, successes are at most n.
 */
export function proportionArm(arm: ProportionArm): RateArm {
  const n = count(arm.n);
  const successes = Math.min(count(arm.successes), n);
  return { n, successes, rate: n > 0 ? successes / n : null };
}

/** An arm whose sums are not finite counts as empty, for the same reason. */
export function meanArm(arm: MeanArm): AverageArm {
  const n = Number.isFinite(arm.sum) && Number.isFinite(arm.sumSquares) ? count(arm.n) : 0;
  if (n === 0) return { n, mean: null, variance: 0 };
  const mean = arm.sum / n;
  // Σx² − (Σx)·m̂ = Σ(x − m̂)². When every shopper spent the same it is 0 in exact arithmetic but a rounding residue
  // of about 1e-16·Σx² in floating point, which would turn "nobody varies" into a spurious tiny variance; a residue
  // below 1e-12·Σx² is taken as 0 (a real spread that small is far below a cent). Never negative, even for
  // inconsistent sums.
  const centred = arm.sumSquares - arm.sum * mean;
  const variance = n >= 2 && centred > 1e-12 * Math.abs(arm.sumSquares) ? centred / (n - 1) : 0;
  return { n, mean, variance: Number.isFinite(variance) ? variance : 0 };
}

/** Enough shoppers, buyers and non-buyers in a conversion arm to read it. */
export function rateArmReady(arm: RateArm): boolean {
  return arm.n >= MIN_SHOPPERS_PER_ARM && arm.successes >= MIN_OUTCOMES_PER_ARM && arm.n - arm.successes >= MIN_OUTCOMES_PER_ARM;
}

/** Enough shoppers, a positive mean and ≥ 5 effective observations (n·m²/s², written without dividing by s²). */
export function averageArmReady(arm: AverageArm): boolean {
  if (arm.n < MIN_SHOPPERS_PER_ARM || arm.mean === null || arm.mean <= 0) return false;
  const squaredMean = arm.mean * arm.mean;
  // A mean so small its square underflows to 0 (or so large it overflows) has no usable relative variance.
  return squaredMean > 0 && Number.isFinite(squaredMean) && arm.n * squaredMean >= MIN_OUTCOMES_PER_ARM * arm.variance;
}

function count(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** Var(log p̂) ≈ (1 − p)/(n p). */
function relativeVarianceOfRate(arm: RateArm): number {
  const p = arm.successes / arm.n;
  return (1 - p) / (arm.n * p);
}

/** Var(log m̂) ≈ s²/(n m²). */
function relativeVarianceOfMean(arm: AverageArm): number {
  const m = arm.mean ?? 0;
  return arm.variance / (arm.n * m * m);
}

interface Ingredients {
  treatment: number | null;
  holdout: number | null;
  /** The collection gate passed: both levels positive, enough shoppers and outcomes in each arm. */
  ready: boolean;
  logVariance: () => number;
  differenceSE: number | null;
}

function assemble(input: Ingredients): Comparison {
  const { treatment, holdout } = input;
  // A relative lift needs a positive holdout level to be relative to, and a treatment level that is not negative
  // (both metrics are counts or money; a negative mean could only come from refunds outweighing sales).
  const ratio = treatment !== null && holdout !== null && holdout > 0 && treatment >= 0 ? treatment / holdout : null;
  const lift = ratio === null ? null : finiteOrNull(ratio - 1);
  const minimumDetectableLift =
    input.differenceSE === null || holdout === null || holdout <= 0
      ? null
      : finiteOrNull(((Z_INTERVAL + Z_POWER) * input.differenceSE) / holdout);
  const base = { treatment: finiteOrNull(treatment), holdout: finiteOrNull(holdout), lift, minimumDetectableLift };
  if (!input.ready || ratio === null || lift === null) return { ...base, interval: null, verdict: 'collecting' };

  const halfWidth = Z_INTERVAL * Math.sqrt(input.logVariance());
  // R̂·e^(−w) − 1 ≤ R̂ − 1 ≤ R̂·e^(w) − 1 holds in floating point too (e^(−w) ≤ 1 ≤ e^(w), rounding is monotonic),
  // so the interval always contains the lift, even at zero variance where it collapses onto it.
  const low = ratio * Math.exp(-halfWidth) - 1;
  const high = ratio * Math.exp(halfWidth) - 1;
  // The gate bounds SE(log R̂) by √(2/5), so this only trips on absurd magnitudes (sums near the float limit).
  if (!Number.isFinite(low) || !Number.isFinite(high)) return { ...base, interval: null, verdict: 'collecting' };
  return { ...base, interval: [low, high], verdict: low > 0 ? 'helps' : high < 0 ? 'hurts' : 'inconclusive' };
}

function noExperiment(): Comparison {
  return { treatment: null, holdout: null, lift: null, interval: null, verdict: 'no-experiment', minimumDetectableLift: null };
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
