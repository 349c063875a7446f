/**
 * A two-arm experiment drawn from known truth, for the calibration tests and the benchmark: each shopper buys with
 * the arm's conversion rate (at most one order each), each order's value is log-normal. Returns the aggregates
 * compareProportions (n, successes) and compareMeans (n, sum, sumSquares of revenue per shopper) take, and the true
 * lifts they should recover. Pure: the same scenario (seed included) always gives the same draw.
 *
 * Cost grows with the number of buyers, not shoppers: buyers are found by jumping geometric gaps between them, so a
 * replication of 50,000 shoppers at 3 % draws about 1,500 numbers, and thousands of replications take well under a
 * second.
 */
import { seededRandom } from '../../recommend/pool/random.ts';

export interface ExperimentScenario {
  treatmentShoppers: number;
  holdoutShoppers: number;
  /** The holdout's true conversion rate (0–1). */
  baselineConversion: number;
  /** True relative effect on conversion: the treatment converts at baseline × (1 + effect). */
  conversionEffect: number;
  /** Order value: log-normal with this median and σ of its logarithm (σ ≈ 0.7–1 is typical of a shop's orders). */
  orderValue: { median: number; sigma: number };
  /** True relative effect on the order value in the treatment (default 0). */
  orderValueEffect?: number;
  seed: number;
}

export interface SimulatedArm {
  n: number;
  successes: number;
  /** Σ revenue per shopper, and Σ of its squares (one order per buyer, so the order values themselves). */
  sum: number;
  sumSquares: number;
}

export interface SimulatedExperiment {
  treatment: SimulatedArm;
  holdout: SimulatedArm;
  /** The relative lifts the estimates should find. Revenue per shopper = rate × E[order value]. */
  truth: { conversionLift: number; revenueLift: number };
}

export function simulateExperiment(scenario: ExperimentScenario): SimulatedExperiment {
  const random = seededRandom(scenario.seed);
  const orderValueEffect = scenario.orderValueEffect ?? 0;
  const treatmentRate = clampRate(scenario.baselineConversion * (1 + scenario.conversionEffect));
  const holdoutRate = clampRate(scenario.baselineConversion);
  const { median, sigma } = scenario.orderValue;
  return {
    treatment: drawArm(random, scenario.treatmentShoppers, treatmentRate, median * (1 + orderValueEffect), sigma),
    holdout: drawArm(random, scenario.holdoutShoppers, holdoutRate, median, sigma),
    truth: {
      conversionLift: holdoutRate > 0 ? treatmentRate / holdoutRate - 1 : 0,
      // E[value] = median·e^(σ²/2) in both arms, so it cancels but for the order-value effect.
      revenueLift: holdoutRate > 0 ? (treatmentRate * (1 + orderValueEffect)) / holdoutRate - 1 : 0,
    },
  };
}

function drawArm(random: () => number, shoppers: number, rate: number, median: number, sigma: number): SimulatedArm {
  let successes = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let shopper = nextBuyer(random, -1, rate); shopper < shoppers; shopper = nextBuyer(random, shopper, rate)) {
    const value = median * Math.exp(sigma * standardNormal(random));
    successes += 1;
    sum += value;
    sumSquares += value * value;
  }
  return { n: shoppers, successes, sum, sumSquares };
}

/**
 * Index of the next buyer after `previous`: the gap before the next success of independent Bernoulli(p) trials is
 * geometric, ⌊ln U / ln(1 − p)⌋ failures for U uniform on (0, 1] — the exact binomial count, at one draw per buyer.
 */
function nextBuyer(random: () => number, previous: number, p: number): number {
  if (p <= 0) return Number.POSITIVE_INFINITY;
  if (p >= 1) return previous + 1;
  return previous + 1 + Math.floor(Math.log(1 - random()) / Math.log(1 - p));
}

/** Box–Muller: √(−2 ln U₁)·cos(2π U₂) is standard normal for independent uniforms (U₁ on (0, 1]). */
function standardNormal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function clampRate(p: number): number {
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}
