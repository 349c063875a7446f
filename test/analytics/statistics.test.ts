/**
 * The lift a merchant reads on the Analytics page: hand-checked numbers, the thresholds at which a reading appears,
 * the edge cases of a young or odd shop, the plain-language codes and the simulator the calibration rests on.
 * Coverage and error rates over many simulated shops: statistics-calibration.test.ts; random inputs:
 * statistics-properties.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  compareMeans,
  compareProportions,
  MIN_OUTCOMES_PER_ARM,
  MIN_SHOPPERS_PER_ARM,
  Z_INTERVAL,
  Z_POWER,
} from '../../server/analytics/statistics/comparison.ts';
import { normalQuantile } from '../../server/analytics/statistics/normal-quantile.ts';
import { plainReading } from '../../server/analytics/statistics/plain-reading.ts';
import { shoppersNeededForMeans, shoppersNeededForProportions } from '../../server/analytics/statistics/shoppers-needed.ts';
import { simulateExperiment } from '../../server/analytics/statistics/simulate-experiment.ts';

/** Per-shopper revenue aggregates of `buyers` shoppers who spent `value` each among `n`. */
function revenue(n: number, buyers: number, value: number) {
  return { n, sum: buyers * value, sumSquares: buyers * value * value };
}

describe('normal quantile', () => {
  it('matches the tables to 1e-8', () => {
    // Reference values: scipy.stats.norm.ppf.
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 8);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 8);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080409, 8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(Z_INTERVAL).toBeCloseTo(1.959963984540054, 8);
    expect(Z_POWER).toBeCloseTo(0.8416212335729143, 8);
  });

  it('is symmetric and honest at the ends', () => {
    for (const p of [0.001, 0.02, 0.024, 0.025, 0.2, 0.4]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 9);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('conversion lift (compareProportions)', () => {
  it('reproduces a hand-checked interval: 60 of 1,000 against 50 of 1,000 is +20 %, inconclusive', () => {
    // p_t = 0.06, p_h = 0.05, lift = 0.06/0.05 − 1 = 0.2.
    // Var(log R) = 0.94/(1000·0.06) + 0.95/(1000·0.05) = 0.015667 + 0.019 = 0.034667, SE = 0.186190.
    // Interval: 1.2·e^(∓1.959964·0.186190) − 1 = 1.2·0.694234 − 1, 1.2·1.440407 − 1 = [−0.166902, +0.728488].
    // MDE: 2.801585·√(0.05·0.95·(1/1000 + 1/1000))/0.05 = 2.801585·0.009747/0.05 = 0.546129.
    const c = compareProportions({ n: 1000, successes: 60 }, { n: 1000, successes: 50 });
    expect(c.treatment).toBeCloseTo(0.06, 12);
    expect(c.holdout).toBeCloseTo(0.05, 12);
    expect(c.lift).toBeCloseTo(0.2, 12);
    expect(c.interval![0]).toBeCloseTo(-0.1669019005501623, 7);
    expect(c.interval![1]).toBeCloseTo(0.7284879187108322, 7);
    expect(c.verdict).toBe('inconclusive');
    expect(c.minimumDetectableLift).toBeCloseTo(0.5461294992080773, 7);
  });

  it('says helps when the whole interval is above 0: 300 of 5,000 against 200 of 5,000', () => {
    // lift 0.5; Var(log R) = 0.94/300 + 0.96/200 = 0.0079333, SE = 0.0890693;
    // interval 1.5·e^(∓0.174573) − 1 = [0.259724, 0.786106]; MDE = 2.801585·√(0.04·0.96·2/5000)/0.04 = 0.274498.
    const c = compareProportions({ n: 5000, successes: 300 }, { n: 5000, successes: 200 });
    expect(c.lift).toBeCloseTo(0.5, 12);
    expect(c.interval![0]).toBeCloseTo(0.2597238919254461, 7);
    expect(c.interval![1]).toBeCloseTo(0.7861056811115565, 7);
    expect(c.verdict).toBe('helps');
    expect(c.minimumDetectableLift).toBeCloseTo(0.2744981702120275, 7);
  });

  it('says hurts for the mirror image, with the interval inverted', () => {
    // Swapping the arms turns R into 1/R; on the log scale the interval mirrors exactly: 1/(1 + high) − 1, 1/(1 + low) − 1.
    const c = compareProportions({ n: 5000, successes: 200 }, { n: 5000, successes: 300 });
    expect(c.lift).toBeCloseTo(-1 / 3, 12);
    expect(c.interval![0]).toBeCloseTo(1 / (1 + 0.7861056811115565) - 1, 7);
    expect(c.interval![1]).toBeCloseTo(1 / (1 + 0.2597238919254461) - 1, 7);
    expect(c.verdict).toBe('hurts');
  });

  it('keeps collecting below 30 shoppers, 5 buyers or 5 non-buyers in either arm — and reads at exactly those', () => {
    expect(MIN_SHOPPERS_PER_ARM).toBe(30);
    expect(MIN_OUTCOMES_PER_ARM).toBe(5);
    const ready = { n: 30, successes: 5 };
    expect(compareProportions(ready, ready).verdict).toBe('inconclusive');
    // 25 of 30 against 5 of 30: exactly 5 non-buyers in one arm, exactly 5 buyers in the other — readable (and clear).
    expect(compareProportions({ n: 30, successes: 25 }, ready).verdict).toBe('helps');
    for (const short of [{ n: 29, successes: 5 }, { n: 30, successes: 4 }, { n: 30, successes: 26 }]) {
      const one = compareProportions(short, ready);
      const other = compareProportions(ready, short);
      for (const c of [one, other]) {
        expect(c.verdict).toBe('collecting');
        expect(c.interval).toBeNull();
      }
    }
  });

  it('still shows the rates, the raw lift and what the traffic could detect while collecting', () => {
    // 2 buyers in 100 against 1 in 100: far too few to judge, but the page can show what has been seen so far.
    const c = compareProportions({ n: 100, successes: 2 }, { n: 100, successes: 1 });
    expect(c).toMatchObject({ treatment: 0.02, holdout: 0.01, verdict: 'collecting', interval: null });
    expect(c.lift).toBeCloseTo(1, 12);
    // 2.801585·√(0.01·0.99·0.02)/0.01 = 3.942 — only a quadrupling could be told apart at this traffic.
    expect(c.minimumDetectableLift).toBeCloseTo(2.801585 * Math.sqrt(0.01 * 0.99 * 0.02) / 0.01, 5);
  });

  it('has no experiment when both arms are empty, and collects while one is', () => {
    expect(compareProportions({ n: 0, successes: 0 }, { n: 0, successes: 0 })).toEqual({
      treatment: null, holdout: null, lift: null, interval: null, verdict: 'no-experiment', minimumDetectableLift: null,
    });
    expect(compareProportions({ n: 500, successes: 20 }, { n: 0, successes: 0 })).toEqual({
      treatment: 0.04, holdout: null, lift: null, interval: null, verdict: 'collecting', minimumDetectableLift: null,
    });
    expect(compareProportions({ n: 0, successes: 0 }, { n: 500, successes: 20 })).toMatchObject({
      treatment: null, holdout: 0.04, lift: null, interval: null, verdict: 'collecting', minimumDetectableLift: null,
    });
  });

  it('gives no relative lift against a holdout that bought nothing, and no NaN anywhere', () => {
    const c = compareProportions({ n: 1000, successes: 40 }, { n: 1000, successes: 0 });
    expect(c).toEqual({ treatment: 0.04, holdout: 0, lift: null, interval: null, verdict: 'collecting', minimumDetectableLift: null });
    const none = compareProportions({ n: 1000, successes: 0 }, { n: 1000, successes: 0 });
    expect(none).toEqual({ treatment: 0, holdout: 0, lift: null, interval: null, verdict: 'collecting', minimumDetectableLift: null });
  });

  it('handles a treatment with no sale and arms where everyone bought without dividing by zero', () => {
    const noSale = compareProportions({ n: 1000, successes: 0 }, { n: 1000, successes: 40 });
    expect(noSale).toMatchObject({ treatment: 0, lift: -1, interval: null, verdict: 'collecting' });
    expect(Number.isFinite(noSale.minimumDetectableLift)).toBe(true);
    const everyone = compareProportions({ n: 100, successes: 100 }, { n: 100, successes: 100 });
    // No non-buyer, so no reading; with a holdout rate of 1 the binomial variance is 0 and so is the MDE.
    expect(everyone).toMatchObject({ treatment: 1, holdout: 1, lift: 0, interval: null, verdict: 'collecting', minimumDetectableLift: 0 });
  });

  it('treats damaged counts as empty instead of failing the page', () => {
    const bad = compareProportions({ n: Number.NaN, successes: 3 }, { n: -5, successes: Number.POSITIVE_INFINITY });
    expect(bad.verdict).toBe('no-experiment');
    // More successes than shoppers: capped at n (everyone bought), a fractional count is floored.
    const capped = compareProportions({ n: 100.7, successes: 400 }, { n: 100, successes: 10 });
    expect(capped).toMatchObject({ treatment: 1, holdout: 0.1, verdict: 'collecting' });
  });

  it('states an MDE that halves when the traffic quadruples', () => {
    // SE of the difference ∝ √(1/n_t + 1/n_h): four times the shoppers in both arms halves it.
    const small = compareProportions({ n: 2000, successes: 60 }, { n: 2000, successes: 60 }).minimumDetectableLift!;
    const large = compareProportions({ n: 8000, successes: 240 }, { n: 8000, successes: 240 }).minimumDetectableLift!;
    expect(large / small).toBeCloseTo(0.5, 12);
  });
});

describe('revenue-per-shopper lift (compareMeans)', () => {
  it('reproduces a hand-checked interval: 10 of 50 spending 20 against 8 of 50', () => {
    // Means 200/50 = 4 and 160/50 = 3.2, lift 0.25.
    // s_t² = (4000 − 200·4)/49 = 65.306122, s_h² = (3200 − 160·3.2)/49 = 54.857143.
    // Var(log R) = 65.306122/(50·16) + 54.857143/(50·10.24) = 0.081633 + 0.107143 = 0.188776, SE = 0.434483.
    // Interval 1.25·e^(∓0.851573) − 1 = [−0.466570, 1.929157]; MDE = 2.801585·√(54.857143·(2/50))/3.2 = 1.296882.
    // Effective observations n·m²/s²: 50·16/65.31 = 12.25 and 50·10.24/54.86 = 9.33, both ≥ 5, so it reads.
    const c = compareMeans(revenue(50, 10, 20), revenue(50, 8, 20));
    expect(c.treatment).toBeCloseTo(4, 12);
    expect(c.holdout).toBeCloseTo(3.2, 12);
    expect(c.lift).toBeCloseTo(0.25, 12);
    expect(c.interval![0]).toBeCloseTo(-0.46657006879908824, 7);
    expect(c.interval![1]).toBeCloseTo(1.9291569681557634, 7);
    expect(c.verdict).toBe('inconclusive');
    expect(c.minimumDetectableLift).toBeCloseTo(1.2968819530773268, 7);
  });

  it('agrees with the conversion comparison on 0/1 data (up to the n − 1 in the sample variance)', () => {
    const proportions = compareProportions({ n: 4000, successes: 180 }, { n: 4000, successes: 120 });
    const means = compareMeans(revenue(4000, 180, 1), revenue(4000, 120, 1));
    expect(means.lift).toBeCloseTo(proportions.lift!, 12);
    expect(means.verdict).toBe(proportions.verdict);
    // s² = p(1 − p)·n/(n − 1): the interval and MDE differ by a factor of at most √(4000/3999) − 1 ≈ 1.25e-4 in SE.
    for (const i of [0, 1] as const) expect(Math.abs(means.interval![i] - proportions.interval![i])).toBeLessThan(1e-4);
    expect(means.minimumDetectableLift! / proportions.minimumDetectableLift!).toBeCloseTo(Math.sqrt(4000 / 3999), 9);
  });

  it('reads the same in any currency: scaling every amount leaves lift, interval, verdict and MDE unchanged', () => {
    const cents = compareMeans(revenue(3000, 120, 4599), revenue(3000, 90, 4599));
    const euros = compareMeans(revenue(3000, 120, 45.99), revenue(3000, 90, 45.99));
    expect(euros.lift).toBeCloseTo(cents.lift!, 12);
    expect(euros.interval![0]).toBeCloseTo(cents.interval![0], 10);
    expect(euros.interval![1]).toBeCloseTo(cents.interval![1], 10);
    expect(euros.minimumDetectableLift).toBeCloseTo(cents.minimumDetectableLift!, 10);
    expect(euros.verdict).toBe(cents.verdict);
  });

  it('keeps collecting while the holdout has sold nothing, with no lift and no MDE against 0', () => {
    const c = compareMeans(revenue(500, 10, 50), revenue(500, 0, 50));
    expect(c).toEqual({ treatment: 1, holdout: 0, lift: null, interval: null, verdict: 'collecting', minimumDetectableLift: null });
  });

  it('keeps collecting while the treatment has sold nothing (no log of 0), but shows the −100 % seen so far', () => {
    const c = compareMeans(revenue(500, 0, 50), revenue(500, 10, 50));
    expect(c).toMatchObject({ treatment: 0, holdout: 1, lift: -1, interval: null, verdict: 'collecting' });
    expect(Number.isFinite(c.minimumDetectableLift)).toBe(true);
  });

  it('waits for 5 effective observations (about 5 buyers of equal spend) in each arm, and 30 shoppers', () => {
    // m = 2, s² = (8000 − 200·2)/99 = 76.77, n·m²/s² = 400/76.77 = 5.21 ≥ 5 → reads.
    expect(compareMeans(revenue(100, 5, 40), revenue(100, 5, 40)).verdict).toBe('inconclusive');
    // 4 buyers: m = 1.6, s² = (6400 − 160·1.6)/99 = 62.06, n·m²/s² = 256/62.06 = 4.12 < 5 → collecting.
    expect(compareMeans(revenue(100, 4, 40), revenue(100, 5, 40)).verdict).toBe('collecting');
    expect(compareMeans(revenue(100, 5, 40), revenue(100, 4, 40)).verdict).toBe('collecting');
    // 29 shoppers who all spent the same: zero variance, yet too few shoppers.
    expect(compareMeans(revenue(29, 29, 10), revenue(100, 100, 10)).verdict).toBe('collecting');
  });

  it('gives a point interval and a zero MDE when nobody varies, and never divides by the zero variance', () => {
    const same = compareMeans(revenue(100, 100, 10), revenue(100, 100, 10));
    expect(same).toEqual({ treatment: 10, holdout: 10, lift: 0, interval: [0, 0], verdict: 'inconclusive', minimumDetectableLift: 0 });
    const more = compareMeans(revenue(100, 100, 12), revenue(100, 100, 10));
    expect(more.verdict).toBe('helps');
    expect(more.interval![0]).toBeLessThanOrEqual(more.lift!);
    expect(more.interval![1]).toBeGreaterThanOrEqual(more.lift!);
    expect(more.lift).toBeCloseTo(0.2, 12);
  });

  it('treats non-finite sums and negative means as no reading rather than NaN', () => {
    const infinite = compareMeans({ n: 100, sum: Number.POSITIVE_INFINITY, sumSquares: 1 }, { n: 100, sum: Number.NaN, sumSquares: 1 });
    expect(infinite.verdict).toBe('no-experiment');
    // Net of refunds an arm could in principle sum below 0; a relative lift against a negative mean is meaningless.
    const negative = compareMeans({ n: 100, sum: 50, sumSquares: 500 }, { n: 100, sum: -50, sumSquares: 500 });
    expect(negative).toMatchObject({ lift: null, interval: null, verdict: 'collecting', minimumDetectableLift: null });
    // Inconsistent sums (Σx² < (Σx)²/n) are clamped to zero variance.
    const inconsistent = compareMeans({ n: 100, sum: 500, sumSquares: 1 }, { n: 100, sum: 400, sumSquares: 1 });
    expect(inconsistent).toMatchObject({ lift: 0.25, interval: [0.25, 0.25], verdict: 'helps', minimumDetectableLift: 0 });
  });
});

describe('plain reading', () => {
  it('turns each verdict into a code and the numbers the admin words', () => {
    expect(plainReading(compareProportions({ n: 0, successes: 0 }, { n: 0, successes: 0 }))).toEqual({ code: 'lift.no-experiment', params: {} });
    expect(plainReading(compareProportions({ n: 20, successes: 1 }, { n: 20, successes: 1 }), 480)).toEqual({ code: 'lift.collecting', params: { needed: 480 } });
    expect(plainReading(compareProportions({ n: 20, successes: 1 }, { n: 20, successes: 1 }))).toEqual({ code: 'lift.collecting', params: { needed: null } });

    const inconclusive = compareProportions({ n: 1000, successes: 60 }, { n: 1000, successes: 50 });
    expect(plainReading(inconclusive)).toEqual({
      code: 'lift.inconclusive',
      params: { lift: inconclusive.lift, low: inconclusive.interval![0], high: inconclusive.interval![1], mde: inconclusive.minimumDetectableLift },
    });
    expect(plainReading(inconclusive).params).toMatchObject({ mde: expect.closeTo(0.546, 3) });

    const helps = compareProportions({ n: 5000, successes: 300 }, { n: 5000, successes: 200 });
    expect(plainReading(helps)).toEqual({ code: 'lift.helps', params: { lift: helps.lift, low: helps.interval![0], high: helps.interval![1] } });
    const hurts = compareProportions({ n: 5000, successes: 200 }, { n: 5000, successes: 300 });
    expect(plainReading(hurts)).toEqual({ code: 'lift.hurts', params: { lift: hurts.lift, low: hurts.interval![0], high: hurts.interval![1] } });
  });
});

describe('shoppers still needed before a first reading', () => {
  it('counts up to 30 shoppers and 5 buyers per arm at the rate seen so far', () => {
    // Holdout at 2 % (1 of 50): 5/0.02 = 250 shoppers for ~5 buyers → 200 more; treatment 4 of 50 at 8 %: 63 → 13 more.
    expect(shoppersNeededForProportions({ n: 50, successes: 4 }, { n: 50, successes: 1 })).toBe(200);
    // 10 shoppers each, 1 buyer each (10 %): max(30, 50) − 10 = 40 more per arm.
    expect(shoppersNeededForProportions({ n: 10, successes: 1 }, { n: 10, successes: 1 })).toBe(40);
    // A holdout without a sale borrows the pooled rate: 6 of 300 = 2 % → 250 − 100 = 150 more.
    expect(shoppersNeededForProportions({ n: 200, successes: 6 }, { n: 100, successes: 0 })).toBe(150);
    // Nothing sold anywhere: no estimate.
    expect(shoppersNeededForProportions({ n: 200, successes: 0 }, { n: 100, successes: 0 })).toBeNull();
    expect(shoppersNeededForProportions({ n: 0, successes: 0 }, { n: 0, successes: 0 })).toBeNull();
    // Ready: nothing more needed, and the comparison agrees.
    expect(shoppersNeededForProportions({ n: 30, successes: 5 }, { n: 30, successes: 5 })).toBe(0);
  });

  it('for revenue, waits for 5·s²/m² shoppers per arm', () => {
    // 2 buyers of 40 among 100: m = 0.8, s² = (3200 − 80·0.8)/99 = 31.68, s²/m² = 49.5 → 5·49.5 = 247.5 → 148 more.
    expect(shoppersNeededForMeans(revenue(100, 5, 40), revenue(100, 2, 40))).toBe(148);
    expect(shoppersNeededForMeans(revenue(100, 0, 40), revenue(100, 0, 40))).toBeNull();
    expect(shoppersNeededForMeans(revenue(100, 5, 40), revenue(100, 5, 40))).toBe(0);
  });

  it('asks for enough: at twice the estimated total, nearly every drawn experiment has left collecting', () => {
    // 3 of 100 per arm (3 %): 5/0.03 = 166.7 → 67 more, 167 in all. Draw shops with 2 × 167 = 334 per arm at a true 3 %.
    const needed = shoppersNeededForProportions({ n: 100, successes: 3 }, { n: 100, successes: 3 });
    expect(needed).toBe(67);
    const perArm = 2 * (100 + needed!);
    let read = 0;
    for (let seed = 0; seed < 200; seed++) {
      const shop = simulateExperiment({ treatmentShoppers: perArm, holdoutShoppers: perArm, baselineConversion: 0.03, conversionEffect: 0, orderValue: { median: 50, sigma: 0.8 }, seed });
      if (compareProportions(shop.treatment, shop.holdout).verdict !== 'collecting') read += 1;
    }
    // P(Binomial(334, 0.03) ≤ 4) = 0.0272 per arm, so both arms read with p = 0.9463: expected 189.3 of 200,
    // sd = √(200·0.9463·0.0537) = 3.19; 5 sd below is 173.3.
    expect(read).toBeGreaterThanOrEqual(173);
  });
});

describe('simulated experiment', () => {
  const scenario = { treatmentShoppers: 40_000, holdoutShoppers: 10_000, baselineConversion: 0.03, conversionEffect: 0.2, orderValue: { median: 60, sigma: 1 }, seed: 42 };

  it('is replayable: the same seed draws the same shop, another seed another', () => {
    expect(simulateExperiment(scenario)).toEqual(simulateExperiment(scenario));
    expect(simulateExperiment({ ...scenario, seed: 43 })).not.toEqual(simulateExperiment(scenario));
  });

  it('draws the rates and order values it was given', () => {
    const { treatment, holdout, truth } = simulateExperiment(scenario);
    expect(truth.conversionLift).toBeCloseTo(0.2, 12);
    expect(truth.revenueLift).toBeCloseTo(0.2, 12);
    expect(treatment.n).toBe(40_000);
    // Treatment buyers ~ Binomial(40,000, 0.036): mean 1,440, sd = √(40,000·0.036·0.964) = 37.3; 5 sd = 186.
    expect(Math.abs(treatment.successes - 1440)).toBeLessThan(186);
    // Holdout ~ Binomial(10,000, 0.03): mean 300, sd = √(10,000·0.03·0.97) = 17.1; 5 sd = 85.
    expect(Math.abs(holdout.successes - 300)).toBeLessThan(85);
    // Mean order value of the treatment's buyers: E = 60·e^(0.5) = 98.92, sd of one order = 98.92·√(e − 1) = 129.7;
    // of the mean of ~1,440: 3.42; 5 sd = 17.1.
    expect(Math.abs(treatment.sum / treatment.successes - 98.92)).toBeLessThan(17.1);
    // One order per buyer: Σx² ≥ (Σx)²/buyers (Cauchy–Schwarz).
    expect(treatment.sumSquares).toBeGreaterThanOrEqual((treatment.sum * treatment.sum) / treatment.successes);
  });

  it('applies an order-value effect to revenue only, and handles 0 % and 100 % conversion', () => {
    const withValue = simulateExperiment({ ...scenario, conversionEffect: 0, orderValueEffect: 0.5 });
    expect(withValue.truth).toEqual({ conversionLift: 0, revenueLift: 0.5 });
    const none = simulateExperiment({ ...scenario, baselineConversion: 0 });
    expect(none.holdout).toEqual({ n: 10_000, successes: 0, sum: 0, sumSquares: 0 });
    const all = simulateExperiment({ ...scenario, baselineConversion: 1, conversionEffect: 0, treatmentShoppers: 50, holdoutShoppers: 50 });
    expect(all.treatment.successes).toBe(50);
  });
});
