/**
 * The arithmetic of the deniability bound (server/recommend/pool/inclusion.ts), case by case: what a visitor's
 * probabilities look like, how far a shopper's may move, and what happens when a shopper owns most of a page.
 */
import { describe, expect, it } from 'vitest';
import { boundedInclusion, cappedInclusion, topUp } from '../../server/recommend/pool/inclusion.ts';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('visitor probabilities', () => {
  it('follow the weights, sum to the block size and never pass the cap', () => {
    const visitor = cappedInclusion([1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8], 3, 0.5);
    expect(sum(visitor)).toBeCloseTo(3, 12);
    expect(Math.max(...visitor)).toBeLessThanOrEqual(0.5);
    for (let k = 1; k < visitor.length; k++) expect(visitor[k]).toBeLessThanOrEqual(visitor[k - 1]!);
    expect(visitor.at(-1)).toBeGreaterThan(0);
  });
});

describe('a shopper\'s probabilities', () => {
  const visitor = cappedInclusion([1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8, 1 / 9, 1 / 10], 3, 0.5);
  const none = visitor.map(() => false);

  it('with no exclusions and no interests are the visitor\'s', () => {
    const { probabilities, boundHeld } = boundedInclusion(visitor, visitor, none, 2, 3);
    probabilities.forEach((p, k) => expect(p).toBeCloseTo(visitor[k]!, 9));
    expect(boundHeld).toBe(true);
  });

  it('tilt towards an interest as far as r allows and no further', () => {
    const desired = visitor.map((v, k) => (k === 9 ? v * 1000 : v));
    const { probabilities } = boundedInclusion(visitor, desired, none, 2, 3);
    expect(probabilities[9]).toBeCloseTo(2 * visitor[9]!, 9);
    expect(sum(probabilities)).toBeCloseTo(3, 9);
  });

  it('give an owned product 0 and keep every other product within r, presence and absence', () => {
    const owned = visitor.map((_, k) => k === 0 || k === 3);
    const { probabilities, boundHeld } = boundedInclusion(visitor, visitor, owned, 2, 3);
    expect(boundHeld).toBe(true);
    expect(probabilities[0]).toBe(0);
    expect(probabilities[3]).toBe(0);
    probabilities.forEach((p, k) => {
      expect(p).toBeLessThanOrEqual(2 * visitor[k]! + 1e-9);
      expect(1 - p).toBeLessThanOrEqual(2 * (1 - visitor[k]!) + 1e-9);
    });
  });

  it('leave the bound, and say so, only when the rest of the pool cannot fill the block within it', () => {
    // Owning the five likeliest products leaves 2 × (what is left) short of 3 picks.
    const owned = visitor.map((_, k) => k < 5);
    const room = sum(visitor.map((v, k) => (owned[k] ? 0 : Math.min(1, 2 * v))));
    expect(room).toBeLessThan(3);
    const { probabilities, boundHeld } = boundedInclusion(visitor, visitor, owned, 2, 3);
    expect(boundHeld).toBe(false);
    expect(sum(probabilities)).toBeCloseTo(3, 9);
    for (let k = 0; k < 5; k++) expect(probabilities[k]).toBe(0);
  });

  it('bring resting products back only for what the others cannot fill', () => {
    const full = topUp([0.5, 0.5, 0.5], [false, false, false], [1, 1, 1], 1.5);
    expect(full).toEqual([0.5, 0.5, 0.5]);
    const short = topUp([1, 0, 0, 0], [false, false, true, true], [1, 1, 1, 0.5], 2);
    expect(short[1]).toBe(0);
    expect(short[2]! + short[3]!).toBeCloseTo(1, 9);
    expect(short[2]).toBeGreaterThan(short[3]!);
  });
});
