import { describe, expect, it } from 'vitest';
import { CooccurrenceCounts } from '../../server/recommend/model/cooccurrence.ts';
import { DecayedPopularity } from '../../server/recommend/model/popularity.ts';
import { learnReorderIntervals, reorderIntervalOf } from '../../server/recommend/model/reorder-intervals.ts';
import { choleskySolveInPlace } from '../../server/recommend/model/ridge-solve.ts';
import { DAY_MS, DEFAULT_POLICY } from '../../server/recommend/policy.ts';
import { buildWorld, CATALOG, NOW, ORDERS, P } from './world.ts';

describe('co-purchase counts', () => {
  it('a full build counts exactly what adding orders one by one counts', () => {
    const orders = [[1, 2, 3], [2, 3], [3, 4, 4], [5]];
    const built = CooccurrenceCounts.fromOrders(orders);
    const added = new CooccurrenceCounts();
    for (const o of orders) added.addOrder(o);
    for (const a of [1, 2, 3, 4, 5]) {
      for (const b of [1, 2, 3, 4, 5]) {
        const count = (c: CooccurrenceCounts) => c.count(c.items.find(a)!, c.items.find(b)!);
        expect(count(built)).toBe(count(added));
      }
    }
    expect(built.count(built.items.find(3)!, built.items.find(3)!)).toBe(3);
    expect(built.count(built.items.find(3)!, built.items.find(4)!)).toBe(1);
  });
});

describe('ridge solve', () => {
  it('solves (A + λI)x = b', () => {
    const a = Float64Array.from([4, 1, 0, 1, 3, 1, 0, 1, 2]);
    const original = Float64Array.from(a);
    const b = Float64Array.from([1, 2, 3]);
    const x = Float64Array.from(b);
    choleskySolveInPlace(a, x, 3, 0.5);
    for (let i = 0; i < 3; i++) {
      let sum = 0.5 * x[i]!;
      for (let j = 0; j < 3; j++) sum += original[i * 3 + j]! * x[j]!;
      expect(sum).toBeCloseTo(b[i]!, 10);
    }
  });
});

describe('shop model', () => {
  it('ranks what is bought together first', () => {
    const model = buildWorld();
    const related = [...model.relatedTo([P.overcoat]).ranked()];
    expect(related[0]).toBe(P.gloves);
    expect(related).toContain(P.scarf);
    expect(related).not.toContain(P.catFood);
  });

  it('learns a new order at once: a product never bought with anything becomes related', () => {
    const model = buildWorld();
    expect(model.relatedTo([P.candle]).score(P.veil)).toBe(0);
    for (let k = 0; k < 3; k++) model.addOrder({ customerId: 1, orderedAt: NOW, productIds: [P.candle, P.veil] });
    expect(model.relatedTo([P.candle]).score(P.veil)).toBeGreaterThan(0);
  });

  it('follows the season: recent orders outweigh old ones in popularity', () => {
    const popularity = new DecayedPopularity(30, NOW);
    for (let k = 0; k < 5; k++) popularity.addOrder([1], NOW - 300 * DAY_MS);
    for (let k = 0; k < 2; k++) popularity.addOrder([2], NOW - 5 * DAY_MS);
    expect(popularity.ranked()).toEqual([2, 1]);
  });

  it('keeps its catalog current without forgetting what it learned', () => {
    const model = buildWorld(DEFAULT_POLICY, CATALOG, ORDERS);
    model.replaceCatalog(CATALOG.map((p) => (p.id === P.gloves ? { ...p, available: false } : p)));
    expect(model.catalog.isRecommendable(P.gloves)).toBe(false);
    expect(model.relatedTo([P.overcoat]).score(P.gloves)).toBeGreaterThan(0);
  });
});

describe('reorder intervals', () => {
  const day = (d: number) => NOW - d * DAY_MS;
  it('learns a consumable from repeat buyers and takes the policy quantile of their gaps', () => {
    const purchases = [1, 2, 3, 4].flatMap((customerId) => [0, 20 + customerId, 40 + 2 * customerId].map((d) => ({ customerId, productId: 7, orderedAt: day(d) })));
    const learned = learnReorderIntervals(purchases, DEFAULT_POLICY);
    expect(learned.get(7)).toBeGreaterThanOrEqual(20 * DAY_MS);
    expect(learned.get(7)).toBeLessThanOrEqual(25 * DAY_MS);
  });

  it('a durable (nobody buys it twice) has no interval', () => {
    const purchases = [1, 2, 3, 4, 5].map((customerId) => ({ customerId, productId: 8, orderedAt: day(customerId) }));
    expect(learnReorderIntervals(purchases, DEFAULT_POLICY).has(8)).toBe(false);
  });

  it("the merchant's reorder-days tag wins over the data", () => {
    expect(reorderIntervalOf(['consumable', 'reorder-days:30'], 5 * DAY_MS)).toBe(30 * DAY_MS);
    expect(reorderIntervalOf(['consumable'], 5 * DAY_MS)).toBe(5 * DAY_MS);
    expect(reorderIntervalOf([], undefined)).toBeUndefined();
  });
});
