/**
 * The privacy benchmark's observers (bench/recommend/absence-observer.ts, category-observers.ts): what an
 * attacker who knows the visitor block concludes from one view of a shopper's block, and how it is scored.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  absencePosterior,
  exposableShare,
  flagAbsences,
  missingVisitorPicks,
  ownershipPrior,
  scoreFlags,
} from '../../bench/recommend/absence-observer.ts';
import {
  categoryBuyerShares,
  guessAfterRemoval,
  guessBySurprise,
  heaviestCategory,
  membershipClaim,
  scoreClaims,
} from '../../bench/recommend/category-observers.ts';

describe('absence observer', () => {
  it('is certain an item is owned when a deterministic visitor pick is missing, and learns nothing when visitors never see it', () => {
    for (const q of [0.01, 0.2, 0.7]) {
      expect(absencePosterior(q, 1)).toBe(1);
      expect(absencePosterior(q, 0)).toBeCloseTo(q, 12);
    }
    expect(absencePosterior(0, 1)).toBe(0);
    // q = 0.2, πv = 0.5: 0.2 / (0.2 + 0.8 · 0.5) = 1/3.
    expect(absencePosterior(0.2, 0.5)).toBeCloseTo(1 / 3, 12);
  });

  it('cannot reach 0.9 on an item owned by fewer than 3 in 4 when every visitor pick stays absent with probability ≥ 1/3 (r = 3)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.74, noNaN: true }), fc.double({ min: 0, max: 2 / 3, noNaN: true }), (q, piV) => {
        expect(absencePosterior(q, piV)).toBeLessThan(0.9);
      }),
      { seed: 61, numRuns: 500 },
    );
  });

  it('flags the visitor picks missing from the view, never what is shown, never what nobody owns', () => {
    const visitor = new Map([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 0.5],
    ]);
    const prior = new Map([
      [1, 0.3],
      [2, 0.3],
      [4, 0.3],
      [9, 0.3],
    ]);
    // 1 is shown; 2 is a missing deterministic pick (flagged); 3 is missing but nobody owns it; 4 is missing but
    // an ordinary absence (0.3 / (0.3 + 0.7 · 0.5) ≈ 0.46); 9 is never a visitor pick (posterior = prior).
    expect(flagAbsences(new Set([1, 7, 8]), prior, visitor)).toEqual([2]);
  });

  it('scores exposure by the correct flags only, and precision over all flags', () => {
    const prior = new Map([
      [1, 0.5],
      [2, 0.1],
      [3, 0.2],
    ]);
    const score = scoreFlags(
      [
        { flagged: [1, 2], owned: new Set([1]) }, // one right, one wrong: exposed
        { flagged: [3], owned: new Set([1]) }, // wrong only: flagged, not exposed
        { flagged: [], owned: new Set([2]) },
        { flagged: [2], owned: new Set([2]) }, // right: exposed
      ],
      prior,
    );
    expect(score.exposedShare).toBe(0.5);
    expect(score.flaggedShare).toBe(0.75);
    expect(score.flags).toBe(4);
    expect(score.precision).toBe(0.5);
    expect(score.blindPrecision).toBeCloseTo((0.5 + 0.1 + 0.2 + 0.1) / 4, 12);
    expect(scoreFlags([{ flagged: [], owned: new Set() }], prior).precision).toBeNull();
  });

  it('the naive observer reads only the first 7 picks of one visitor view', () => {
    const visitorView = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(missingVisitorPicks(new Set([1, 2, 3, 4, 5, 6, 11]), visitorView)).toEqual([7]);
    expect(missingVisitorPicks(new Set([1, 2, 3, 4, 5, 6, 7]), visitorView)).toEqual([]);
  });

  it('priors are the share of shoppers owning each item; exposable shoppers own something visitors can see', () => {
    const owners = [new Set([1, 2]), new Set([2]), new Set([3]), new Set<number>()];
    expect(ownershipPrior(owners)).toEqual(
      new Map([
        [1, 0.25],
        [2, 0.5],
        [3, 0.25],
      ]),
    );
    const visitor = new Map([
      [2, 1],
      [3, 0],
    ]);
    expect(exposableShare(owners.map((owned) => ({ owned, visitor })))).toBe(0.5);
  });
});

describe('difference attacker', () => {
  const category = (item: number) => (item < 100 ? 'general' : item < 200 ? 'candles' : 'bags');
  const prior = new Map([
    ['general', 10],
    ['candles', 5],
    ['bags', 3],
  ]);

  it('removing the visitor view leaves the personal picks, whose category it names', () => {
    const visitorView = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const view = [1, 2, 3, 4, 5, 6, 7, 101, 102, 201];
    expect(guessAfterRemoval(view, visitorView, category, prior, 'general')).toBe('candles');
    // Nothing left after removal: the fallback.
    expect(guessAfterRemoval(visitorView, visitorView, category, prior, 'general')).toBe('general');
  });

  it('weights by 1/πv: one pick visitors never get outweighs many they often get', () => {
    const visitor = new Map([
      [1, 0.9],
      [2, 0.9],
      [3, 0.9],
      [101, 0.5],
    ]);
    // general 3/0.9 ≈ 3.3, candles 1/0.5 = 2, bags (never shown to visitors) 10⁶.
    expect(guessBySurprise([1, 2, 3, 101, 201], visitor, category, prior, 'general')).toBe('bags');
    expect(guessBySurprise([1, 2, 3, 101], visitor, category, prior, 'general')).toBe('general');
  });

  it('breaks ties by what is bought more overall', () => {
    expect(
      heaviestCategory(
        new Map([
          ['bags', 2],
          ['candles', 2],
        ]),
        prior,
        'general',
      ),
    ).toBe('candles');
    expect(heaviestCategory(new Map(), prior, 'general')).toBe('general');
  });
});

describe('membership claim', () => {
  const category = (item: number) => (item < 100 ? 'general' : 'candles');

  it('claims nothing when the view is what a visitor expects, and the category above its expectation otherwise', () => {
    const visitor = new Map([
      [1, 1],
      [2, 1],
      [101, 1],
    ]);
    expect(membershipClaim([1, 2, 101], visitor, category)).toBeNull();
    expect(membershipClaim([1, 101, 102], visitor, category)).toBe('candles');
  });

  it('measures the excess against Σ πv of the category, not against one visitor view', () => {
    // Visitors expect 0.5 + 0.5 = 1 candle and 2 general items; the view holds 1 candle, 2 general: no claim.
    const visitor = new Map([
      [1, 1],
      [2, 1],
      [101, 0.5],
      [102, 0.5],
    ]);
    expect(membershipClaim([1, 2, 101], visitor, category)).toBeNull();
    // Two candles: 1 above the expectation.
    expect(membershipClaim([1, 101, 102], visitor, category)).toBe('candles');
  });

  it('scores precision over the claims made, beside claiming the same categories of a random shopper', () => {
    const bought = [new Set(['candles']), new Set(['candles', 'general']), new Set(['general']), new Set(['general'])];
    const shares = categoryBuyerShares(bought);
    expect(shares.get('candles')).toBe(0.5);
    expect(shares.get('general')).toBe(0.75);
    const score = scoreClaims(
      [
        { claimed: 'candles', bought: bought[0]! }, // true
        { claimed: 'candles', bought: bought[2]! }, // false
        { claimed: 'general', bought: bought[1]! }, // true
        { claimed: null, bought: bought[3]! }, // no claim: not scored
      ],
      shares,
    );
    expect(score.claims).toBe(3);
    expect(score.precision).toBeCloseTo(2 / 3, 12);
    expect(score.baseRate).toBeCloseTo((0.5 + 0.5 + 0.75) / 3, 12);
  });
});
