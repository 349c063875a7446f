import { describe, expect, it } from 'vitest';
import { ImpressionLog, type Audience, type JourneyBlock, type JourneySurface } from '../../bench/recommend/journey.ts';
import { bySurface, relatednessTable, sizeChecks, sizeTable, unrelatedByStep, violations, type Judge } from '../../bench/recommend/journey-summary.ts';
import { seedOf } from '../../bench/recommend/journey-engine.ts';
import { foldedPurchases } from '../../bench/recommend/rank-surfaces.ts';

const COAT = 1;
const GLOVES = 2;
const SCARF = 3;
const CAT_FOOD = 4;
const TITLES: Record<number, string> = { [COAT]: 'Wool overcoat', [GLOVES]: 'Leather gloves', [SCARF]: 'Merino scarf', [CAT_FOOD]: 'Salmon cat food' };

function block(shopper: number, step: number, audience: Audience, picks: number[], surface: JourneySurface = 'product'): JourneyBlock {
  return { shopper, step, surface, audience, context: [COAT], picks };
}

/** Two shoppers on the coat page: shopper 0's block shrinks from view 15 on (the finding), shopper 1's never. */
function journeys(): JourneyBlock[] {
  const blocks: JourneyBlock[] = [];
  for (const shopper of [0, 1]) {
    for (let step = 1; step <= 20; step++) {
      const shrunk = shopper === 0 && step >= 15;
      blocks.push(block(shopper, step, 'logged-in', shrunk ? [CAT_FOOD] : [GLOVES, SCARF, CAT_FOOD, COAT]));
      blocks.push(block(shopper, step, 'visitor', [GLOVES, SCARF, CAT_FOOD, COAT]));
      blocks.push(block(shopper, step, 'opted-out', [GLOVES, SCARF, CAT_FOOD, COAT]));
    }
  }
  return blocks;
}

// Cat food is unrelated to a coat (both checks); the coat is shopper 0's own purchase.
const judge: Judge = (b, pick) => ({
  unrelated: pick === CAT_FOOD,
  unrelatedIndependently: pick === CAT_FOOD,
  owned: b.audience === 'logged-in' && b.shopper === 0 && pick === COAT,
});

describe('journey block sizes', () => {
  it('reports min / mean / max per audience at the chosen steps, and leaves out steps without blocks', () => {
    const rows = sizeTable(journeys(), 'product', [1, 15, 21]);
    expect(rows.map((r) => r.step)).toEqual([1, 15]);
    expect(rows[0]!.sizes['logged-in']).toEqual({ min: 4, mean: 4, max: 4 });
    expect(rows[1]!.sizes['logged-in']).toEqual({ min: 1, mean: 2.5, max: 4 });
    expect(rows[1]!.sizes.visitor).toEqual({ min: 4, mean: 4, max: 4 });
  });

  it('counts the views whose size gives the shopper away, and when it started', () => {
    const [product, cart] = sizeChecks(journeys(), ['product', 'cart']);
    expect(product).toEqual({
      surface: 'product',
      views: 40,
      differing: 6, // shopper 0, views 15 to 20
      shoppersAffected: 1,
      medianFirstStep: 15,
      smallestLoggedIn: { size: 1, visitorSize: 4 },
    });
    expect(cart).toMatchObject({ surface: 'cart', views: 0, differing: 0, medianFirstStep: null, smallestLoggedIn: null });
  });

  it('counts an opted-out block that differs from the visitor’s too', () => {
    const blocks = [block(0, 1, 'logged-in', [GLOVES]), block(0, 1, 'visitor', [GLOVES]), block(0, 1, 'opted-out', [])];
    expect(sizeChecks(blocks, ['product'])[0]!.differing).toBe(1);
  });
});

describe('journey relatedness', () => {
  it('counts unrelated and owned picks per surface and audience', () => {
    const blocks = [...journeys(), block(0, 1, 'logged-in', [CAT_FOOD, GLOVES, SCARF], 'email')];
    const rows = relatednessTable(blocks, judge);
    const row = (surface: JourneySurface, audience: Audience) => rows.find((r) => r.surface === surface && r.audience === audience)!;
    // Logged in: shopper 0 sees 14 full blocks and 6 of cat food alone, shopper 1 20 full blocks.
    expect(row('product', 'logged-in')).toEqual({ surface: 'product', audience: 'logged-in', picks: 34 * 4 + 6, unrelated: 40, unrelatedIndependently: 40, owned: 14 });
    expect(row('product', 'visitor')).toMatchObject({ picks: 160, unrelated: 40, owned: 0 });
    expect(row('email', 'logged-in')).toMatchObject({ picks: 3, unrelated: 1 });
    expect(bySurface(rows, 'product')).toEqual({ surface: 'product', picks: 142 + 320, unrelated: 120, unrelatedIndependently: 120, owned: 14 });
    expect(unrelatedByStep(blocks, judge, [1, 20], 'logged-in')).toEqual([
      { step: 1, counts: { product: 2, email: 1 } },
      { step: 20, counts: { product: 2 } },
    ]);
  });

  it('lists the first bad picks verbatim, audiences shown the same on one line, at most as many as asked', () => {
    const describe = { shopper: (i: number) => `shopper ${i}`, product: (id: number) => TITLES[id]! };
    const lines = violations(journeys(), judge, 'unrelated', describe, 3);
    expect(lines).toEqual([
      'step 1, shopper 0, product (logged-in, visitor, opted-out) [Wool overcoat] → Salmon cat food (below floor, other department)',
      'step 1, shopper 1, product (logged-in, visitor, opted-out) [Wool overcoat] → Salmon cat food (below floor, other department)',
      'step 2, shopper 0, product (logged-in, visitor, opted-out) [Wool overcoat] → Salmon cat food (below floor, other department)',
    ]);
    expect(violations(journeys(), judge, 'owned', describe, 1)).toEqual(['step 1, shopper 0, product (logged-in) [Wool overcoat] → Wool overcoat']);
  });
});

describe('the journey’s frequency-cap record', () => {
  const DAY = 86_400_000;

  it('counts each view once per product, within the cap’s period only', () => {
    const log = new ImpressionLog(14 * DAY);
    log.record(0, [GLOVES, SCARF]);
    log.record(DAY, [GLOVES, GLOVES]);
    log.record(20 * DAY, [CAT_FOOD]);
    expect(log.recent(2 * DAY)).toEqual(new Map([[GLOVES, 2], [SCARF, 1]]));
    // 14 days after the first view, it no longer counts; the view 20 days in is still to come.
    expect(log.recent(14 * DAY)).toEqual(new Map([[GLOVES, 1]]));
    expect(log.recent(20 * DAY)).toEqual(new Map([[CAT_FOOD, 1]]));
  });
});

describe('bench helpers', () => {
  it('gives each (shopper, view, surface) its own non-zero uint32 seed, the same every run', () => {
    const seeds = new Set<number>();
    for (let shopper = 0; shopper < 50; shopper++) for (let step = 1; step <= 20; step++) for (const surface of [1, 2, 3]) seeds.add(seedOf(shopper, step, surface));
    expect(seeds.size).toBe(50 * 20 * 3);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed > 0 && seed < 2 ** 32).toBe(true);
    expect(seedOf(7, 3, 1)).toBe(seedOf(7, 3, 1));
  });

  it('folds every purchase of any age per product: its last time and its number of orders', () => {
    const folded = foldedPurchases([
      { productId: COAT, orderedAt: 5 },
      { productId: GLOVES, orderedAt: 1 },
      { productId: COAT, orderedAt: 3, orders: 2 },
    ]);
    expect(folded).toEqual([
      { productId: COAT, orderedAt: 5, orders: 3 },
      { productId: GLOVES, orderedAt: 1, orders: 1 },
    ]);
  });
});
