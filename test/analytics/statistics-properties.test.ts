/**
 * Whatever counts a shop sends — a young shop, an odd one, a damaged row — the lift card gets numbers it can show:
 * never NaN or Infinity, an interval around its own estimate, a verdict that agrees with the interval, and the same
 * reading whichever arm is called which and whatever the currency.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Comparison, compareMeans, compareProportions } from '../../server/analytics/statistics/comparison.ts';
import { plainReading } from '../../server/analytics/statistics/plain-reading.ts';
import { shoppersNeededForMeans, shoppersNeededForProportions } from '../../server/analytics/statistics/shoppers-needed.ts';

const SEED = 20_261_203;

/** n shoppers of whom `successes` converted; small and large shops, rates from none to everyone. */
const proportionArm = fc
  .oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 5_000_000 }))
  .chain((n) =>
    fc.oneof(fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: Math.min(n, 30) }), fc.integer({ min: Math.max(0, n - 30), max: n }))
      .map((successes) => ({ n, successes })),
  );

/** Revenue per shopper: n shoppers, a handful of buyers with (possibly equal, possibly wild) amounts, the rest 0. */
const meanArm = fc
  .record({
    n: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 1_000_000 })),
    // Order amounts in money: whole cents from 0.01 to 50,000 (a refund may leave 0).
    amounts: fc.array(fc.oneof(fc.constant(25), fc.constant(0), fc.integer({ min: 1, max: 5_000_000 }).map((cents) => cents / 100)), { maxLength: 60 }),
  })
  .map(({ n, amounts }) => {
    const buyers = amounts.slice(0, n);
    return { n, sum: buyers.reduce((s, x) => s + x, 0), sumSquares: buyers.reduce((s, x) => s + x * x, 0) };
  });

/** Anything a damaged counter row could hold. */
const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1e308));

function expectSound(c: Comparison): void {
  for (const value of [c.treatment, c.holdout, c.lift, c.minimumDetectableLift, ...(c.interval ?? [])]) {
    if (value !== null) expect(Number.isFinite(value)).toBe(true);
  }
  if (c.minimumDetectableLift !== null) expect(c.minimumDetectableLift).toBeGreaterThanOrEqual(0);
  // A lift below −100 % would need a negative level; neither conversion nor revenue has one.
  if (c.lift !== null) expect(c.lift).toBeGreaterThanOrEqual(-1);
  const readable = c.verdict === 'helps' || c.verdict === 'hurts' || c.verdict === 'inconclusive';
  expect(c.interval !== null).toBe(readable);
  if (c.interval === null) return;
  const [low, high] = c.interval;
  expect(c.lift).not.toBeNull();
  expect(low).toBeLessThanOrEqual(c.lift!);
  expect(c.lift!).toBeLessThanOrEqual(high);
  expect(low).toBeGreaterThanOrEqual(-1);
  expect(c.verdict).toBe(low > 0 ? 'helps' : high < 0 ? 'hurts' : 'inconclusive');
  // A reading always says what the traffic could detect.
  expect(c.minimumDetectableLift).not.toBeNull();
}

describe('conversion comparison on any counts', () => {
  it('is finite, contains its estimate and agrees with its verdict', () => {
    fc.assert(
      fc.property(proportionArm, proportionArm, (t, h) => {
        const c = compareProportions(t, h);
        expectSound(c);
        expect(c.verdict === 'no-experiment').toBe(t.n === 0 && h.n === 0);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('never fails on damaged counts', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, (a, b, c, d) => expectSound(compareProportions({ n: a, successes: b }, { n: c, successes: d }))),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('reads the same with the arms swapped: helps becomes hurts, the interval inverts', () => {
    fc.assert(
      fc.property(proportionArm, proportionArm, (t, h) => {
        const forward = compareProportions(t, h);
        const backward = compareProportions(h, t);
        const mirrored = { helps: 'hurts', hurts: 'helps' } as const;
        const v = forward.verdict;
        expect(backward.verdict).toBe(v === 'helps' || v === 'hurts' ? mirrored[v] : v);
        if (forward.interval && backward.interval) {
          // 1 + lift is a ratio; swapping the arms takes its reciprocal, and the log interval mirrors.
          expect((1 + backward.interval[0]) * (1 + forward.interval[1])).toBeCloseTo(1, 9);
          expect((1 + backward.interval[1]) * (1 + forward.interval[0])).toBeCloseTo(1, 9);
        }
      }),
      { seed: SEED, numRuns: 800 },
    );
  });

  it('narrows with more traffic at the same rates: k times the shoppers, 1/√k the log width and the MDE', () => {
    fc.assert(
      fc.property(proportionArm, proportionArm, fc.integer({ min: 2, max: 50 }), (t, h, k) => {
        const now = compareProportions(t, h);
        const later = compareProportions({ n: t.n * k, successes: t.successes * k }, { n: h.n * k, successes: h.successes * k });
        if (later.lift !== null) expect(later.lift).toBeCloseTo(now.lift!, 9);
        if (now.minimumDetectableLift !== null) expect(later.minimumDetectableLift! * Math.sqrt(k)).toBeCloseTo(now.minimumDetectableLift, 9);
        if (now.interval && later.interval) {
          const logWidth = (c: Comparison) => Math.log((1 + c.interval![1]) / (1 + c.interval![0]));
          expect(logWidth(later) * Math.sqrt(k)).toBeCloseTo(logWidth(now), 9);
        }
        // More data never sends a readable comparison back to collecting.
        if (now.verdict !== 'collecting') expect(later.verdict).not.toBe('collecting');
      }),
      { seed: SEED, numRuns: 800 },
    );
  });
});

describe('revenue comparison on any sums', () => {
  it('is finite, contains its estimate and agrees with its verdict', () => {
    fc.assert(
      fc.property(meanArm, meanArm, (t, h) => {
        const c = compareMeans(t, h);
        expectSound(c);
        expect(c.verdict === 'no-experiment').toBe(t.n === 0 && h.n === 0);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('never fails on damaged sums', () => {
    fc.assert(
      fc.property(fc.tuple(anyNumber, anyNumber, anyNumber), fc.tuple(anyNumber, anyNumber, anyNumber), ([n, sum, sumSquares], [m, s, q]) =>
        expectSound(compareMeans({ n, sum, sumSquares }, { n: m, sum: s, sumSquares: q })),
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('reads the same in any currency', () => {
    fc.assert(
      fc.property(meanArm, meanArm, fc.constantFrom(0.01, 100, 0.9213, 157.3), (t, h, rate) => {
        const scale = (a: typeof t) => ({ n: a.n, sum: a.sum * rate, sumSquares: a.sumSquares * rate * rate });
        const base = compareMeans(t, h);
        const converted = compareMeans(scale(t), scale(h));
        const same = (a: number | null, b: number | null) => {
          expect(a === null).toBe(b === null);
          if (a !== null && b !== null) expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
        };
        same(converted.lift, base.lift);
        same(converted.minimumDetectableLift, base.minimumDetectableLift);
        // A verdict may only differ when a bound sits on 0 to within rounding; the generated shops keep clear of that.
        if (base.interval && Math.min(Math.abs(base.interval[0]), Math.abs(base.interval[1])) > 1e-9) expect(converted.verdict).toBe(base.verdict);
      }),
      { seed: SEED, numRuns: 800 },
    );
  });
});

describe('plain reading and the shoppers still needed', () => {
  it('words every comparison by its verdict, and asks for more shoppers exactly while collecting', () => {
    fc.assert(
      fc.property(proportionArm, proportionArm, (t, h) => {
        const c = compareProportions(t, h);
        const needed = shoppersNeededForProportions(t, h);
        const reading = plainReading(c, needed);
        expect(reading.code).toBe(`lift.${c.verdict}`);
        if (c.verdict === 'collecting') expect(needed === null || needed >= 1).toBe(true);
        if (c.verdict === 'helps' || c.verdict === 'hurts' || c.verdict === 'inconclusive') expect(needed).toBe(0);
      }),
      { seed: SEED, numRuns: 800 },
    );
    fc.assert(
      fc.property(meanArm, meanArm, (t, h) => {
        const c = compareMeans(t, h);
        const needed = shoppersNeededForMeans(t, h);
        expect(plainReading(c, needed).code).toBe(`lift.${c.verdict}`);
        if (c.verdict === 'collecting') expect(needed === null || needed >= 1).toBe(true);
        if (c.verdict === 'helps' || c.verdict === 'hurts' || c.verdict === 'inconclusive') expect(needed).toBe(0);
      }),
      { seed: SEED, numRuns: 800 },
    );
  });
});
