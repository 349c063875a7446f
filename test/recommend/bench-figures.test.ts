/**
 * The benchmark's figures (bench/recommend/paired-interval.ts, next-order.ts, engine-view.ts): the paired
 * t-interval of basket completion over draws, next-order recall and NDCG, and the sampled inclusion estimate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { worstInclusionRatio } from '../../bench/recommend/deniability-ratio.ts';
import { sampledInclusion, seedFor } from '../../bench/recommend/engine-view.ts';
import { expectedRecall, ndcgAt, recallAt } from '../../bench/recommend/next-order.ts';
import { pairedTInterval, t975 } from '../../bench/recommend/paired-interval.ts';

describe('paired t-interval', () => {
  it('is mean ± t(0.975, n − 1) · s / √n of the differences', () => {
    // Differences 0.01..0.10: mean 0.055, sample variance 9.1667e-4, s = 0.0302765, s/√10 = 0.00957427,
    // half-width 2.262 · 0.00957427 = 0.0216570.
    const b = [0.3, 0.31, 0.29, 0.32, 0.3, 0.28, 0.33, 0.3, 0.31, 0.3];
    const a = b.map((x, k) => x + (k + 1) / 100);
    const d = pairedTInterval(a, b);
    expect(d.n).toBe(10);
    expect(d.meanDifference).toBeCloseTo(0.055, 12);
    expect(d.low).toBeCloseTo(0.055 - 0.021657, 5);
    expect(d.high).toBeCloseTo(0.055 + 0.021657, 5);
    expect(d.meanA - d.meanB).toBeCloseTo(d.meanDifference, 12);
  });

  it('uses Student’s t quantiles (9 df: 2.262), never narrower than df = 30 beyond it', () => {
    expect(t975(9)).toBe(2.262);
    expect(t975(1)).toBe(12.706);
    expect(t975(100)).toBe(t975(30));
    expect(() => t975(0)).toThrow();
  });

  it('judges only the difference: movement both models share from draw to draw cancels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { minLength: 10, maxLength: 10 }),
        fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        (shared, gap) => {
          const b = shared.map((x) => 0.3 + x);
          const d = pairedTInterval(
            b.map((x) => x + gap),
            b,
          );
          // A constant gap has no spread: the interval is that gap exactly (within rounding).
          expect(d.low).toBeCloseTo(gap, 9);
          expect(d.high).toBeCloseTo(gap, 9);
        },
      ),
      { seed: 37, numRuns: 200 },
    );
  });

  it('refuses draws that do not pair up', () => {
    expect(() => pairedTInterval([0.1, 0.2], [0.1])).toThrow();
    expect(() => pairedTInterval([0.1], [0.1])).toThrow();
  });
});

describe('next-order figures', () => {
  const relevant = new Set([5, 6, 7, 8]);

  it('recall counts the new items in the top 10 over all new items; NDCG rewards them early', () => {
    const list = [1, 5, 2, 6, 3, 4, 9, 10, 11, 12, 7];
    expect(recallAt(list, relevant)).toBe(0.5); // 7 is 11th
    // DCG = 1/log2(3) + 1/log2(5); ideal = 1 + 1/log2(3) + 1/2 + 1/log2(5).
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(5);
    const ideal = 1 + 1 / Math.log2(3) + 0.5 + 1 / Math.log2(5);
    expect(ndcgAt(list, relevant)).toBeCloseTo(dcg / ideal, 12);
    expect(ndcgAt([5, 6, 7, 8], relevant)).toBeCloseTo(1, 12);
  });

  it('expected recall of a random block is the mean inclusion probability of the new items', () => {
    const inclusion = new Map([
      [5, 0.5],
      [6, 0.25],
      [1, 1],
    ]);
    expect(expectedRecall(inclusion, relevant)).toBeCloseTo(0.75 / 4, 12);
  });
});

describe('sampled inclusion', () => {
  it('is each item’s share of the draws, exactly 0 or 1 for an engine that ignores the seed', () => {
    expect(sampledInclusion([[1, 2], [1, 3], [1, 2], [4, 2]])).toEqual(
      new Map([
        [1, 0.75],
        [2, 0.75],
        [3, 0.25],
        [4, 0.25],
      ]),
    );
    const same = Array.from({ length: 20 }, () => [7, 8, 9]);
    expect([...sampledInclusion(same).values()]).toEqual([1, 1, 1]);
  });

  it('seeds are uint32, the same for the same parts, different for a different customer or draw', () => {
    expect(seedFor(17850)).toBe(seedFor(17850));
    const seeds = new Set([seedFor(17850), seedFor(17851), seedFor(17850, 1), seedFor(17850, 2), seedFor(1, 17850)]);
    expect(seeds.size).toBe(5);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
  });
});

describe('deniability ratio read off a page', () => {
  it('is the largest of πs/πv and (1 − πs)/(1 − πv): presence and absence both count', () => {
    const visitor = new Map([
      [1, 0.5],
      [2, 0.2],
      [3, 0.9],
    ]);
    // 1: 0.75/0.5 = 1.5; 2: 0.4/0.2 = 2; 3 (owned, never shown): (1 − 0)/(1 − 0.9) = 10.
    expect(worstInclusionRatio(visitor, new Map([[1, 0.75], [2, 0.4], [3, 0]]))).toBeCloseTo(10, 9);
    expect(worstInclusionRatio(visitor, new Map([[1, 0.75], [2, 0.4], [3, 0.85]]))).toBeCloseTo(2, 9);
    expect(worstInclusionRatio(visitor, visitor)).toBe(1);
  });

  it('is unbounded for the deterministic engine: an owned visitor pick, or a pick visitors never get', () => {
    expect(worstInclusionRatio(new Map([[1, 1]]), new Map([[1, 0]]))).toBe(Infinity);
    expect(worstInclusionRatio(new Map([[1, 1]]), new Map([[1, 1], [2, 1]]))).toBe(Infinity);
  });
});
