import { describe, expect, it } from 'vitest';
import { cooccurrenceRanker, countBaskets, jaccardRanker, popularityRanker } from '../../bench/recommend/baselines.ts';
import { easeRanker, invertSpd } from '../../bench/recommend/ease.ts';
import { scoreRankings } from '../../bench/recommend/metrics.ts';
import { seededRandom, type Basket, type HoldOut } from '../../bench/recommend/online-retail-split.ts';

/** MᵀM + n·I for a random m: symmetric, positive definite, comfortably conditioned. */
function randomSpd(n: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const m = Float64Array.from({ length: n * n }, () => random() * 2 - 1);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = i === j ? n : 0;
      for (let k = 0; k < n; k++) sum += m[k * n + i]! * m[k * n + j]!;
      a[i * n + j] = sum;
    }
  }
  return a;
}

function maxErrorFromIdentity(a: Float64Array, p: Float64Array, n: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += a[i * n + k]! * p[k * n + j]!;
      worst = Math.max(worst, Math.abs(sum - (i === j ? 1 : 0)));
    }
  }
  return worst;
}

describe('invertSpd', () => {
  // 50 fits one 64-wide block; 129, 135 and 150 cross block edges and leave 1, 3 and 2 rows for the last 4-row tile.
  it.each([1, 50, 129, 135, 150])('times the original is the identity (n = %i)', (n) => {
    const a = randomSpd(n, n);
    const p = invertSpd(Float64Array.from(a), n);
    expect(maxErrorFromIdentity(a, p, n)).toBeLessThan(1e-8);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(p[i * n + j]).toBe(p[j * n + i]);
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => invertSpd(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/positive definite/);
  });
});

// Items: 0 pasta, 1 pasta sauce, 2 parmesan, 3 tea, 4 biscuits, 5 candles (the best seller, bought alone).
const repeat = (items: number[], times: number): number[][] => Array.from({ length: times }, () => items);
const baskets: Basket[] = [
  ...repeat([0, 1], 6),
  ...repeat([0, 1, 2], 3),
  ...repeat([3, 4], 5),
  ...repeat([5], 12),
  ...repeat([5, 0], 2),
  ...repeat([5, 3], 2),
].map((items, i) => ({ customer: i, time: i, items }));
const counts = countBaskets(baskets, 6);

describe('EASE on a hand-made catalogue', () => {
  const ease = easeRanker(counts, 1, 6);

  it('ranks the obvious complement first', () => {
    expect(ease.rank({ given: [0] })[0]).toBe(1);
    expect(ease.rank({ given: [3] })[0]).toBe(4);
    expect(ease.rank({ given: [0, 1] })[0]).toBe(2);
    expect(ease.buildMs).toBeGreaterThanOrEqual(ease.invertMs);
  });

  it('falls back to popularity for a basket of unseen items', () => {
    expect(ease.rank({ given: [6, 7] })[0]).toBe(5);
  });
});

describe('every ranker', () => {
  const rankers = {
    popularity: popularityRanker(counts, 6),
    cooccurrence: cooccurrenceRanker(counts, 6),
    jaccard: jaccardRanker(counts, 6),
    ease: easeRanker(counts, 1, 6).rank,
  };

  it.each(Object.entries(rankers))('%s never returns a given item and lists each item once', (_, rank) => {
    for (const given of [[0], [5], [0, 1], [3, 5, 2], [0, 1, 2, 3, 4]]) {
      const list = rank({ given });
      expect(list.filter((item) => given.includes(item))).toEqual([]);
      expect(new Set(list).size).toBe(list.length);
      expect(list).toHaveLength(6 - given.length);
    }
  });

  it('scores hit rate and NDCG by where the hidden item lands', () => {
    const holdOut = (given: number[], hidden: number): HoldOut => ({ basket: { customer: 0, time: 0, items: [...given, hidden] }, given, hidden });
    // Popularity is 5, 0, 1, 3, 4, 2; with 3 given the top two are 5, 0 → hits at ranks 0 and 1, then a miss.
    const score = scoreRankings([holdOut([3], 5), holdOut([3], 0), holdOut([3], 2), holdOut([0], 9)], rankers.popularity, 2);
    expect(score.n).toBe(4);
    expect(score.hitRate).toBe(0.5);
    expect(score.ndcg).toBeCloseTo((1 + 1 / Math.log2(3)) / 4, 12);
  });
});
