/**
 * Each privacy rule, shown through the engine: every test sets up a case where the item would be shown without
 * the rule (the anonymous or rule-less output has it), then checks the rule keeps it out.
 */
import { describe, expect, it } from 'vitest';
import { explain, inclusion, recommend } from '../../server/recommend/engine.ts';
import { DEFAULT_POLICY } from '../../server/recommend/policy.ts';
import type { Shopper, Surface } from '../../server/recommend/types.ts';
import { collectionInterest } from '../../server/recommend/store-topics.ts';
import { buildWorld, CATALOG, daysAgo, NOW, P, request, shopper, WINTER } from './world.ts';

const model = buildWorld();
const home: Surface = { kind: 'home' };
const productPage = (productId: number): Surface => ({ kind: 'product', productId });

/**
 * Every block is a draw, so "would it be shown" is "could it be drawn": the products with a probability above 0
 * in one view of this shopper's (or a visitor's) block. One draw would only sometimes show a product.
 */
function eligible(surface: Surface, who: Shopper | null, limit = 6, reorderReminders = false): number[] {
  const { visitor, shopper } = inclusion(model, request(surface, who, limit, reorderReminders));
  return [...(shopper ?? visitor)].filter(([, p]) => p > 0).map(([id]) => id);
}

describe('rule 1: never the owned item', () => {
  it('a coat bought last week is not offered again, nor another coat; gloves and a scarf are', () => {
    expect(eligible(home, null, 10)).toContain(P.overcoat);
    const picks = eligible(home, shopper([[P.overcoat, 7]]), 10);
    expect(picks).not.toContain(P.overcoat);
    expect(picks).not.toContain(P.parka);
    expect(picks).toEqual(expect.arrayContaining([P.gloves, P.scarf]));
  });

  it('owned means owned at any age: a coat bought three years ago never comes back; other coats rest only for a while', () => {
    const longAgo = shopper([[P.overcoat, 3 * 365]]);
    expect(eligible(home, longAgo, 10)).not.toContain(P.overcoat);
    expect(eligible(home, longAgo, 10)).toContain(P.parka);
    expect(eligible(home, shopper([[P.overcoat, DEFAULT_POLICY.substituteRestDays - 1]]), 10)).not.toContain(P.parka);
  });

  it('holds on product pages too: next to gloves, the coat buyer sees no coat', () => {
    expect(eligible(productPage(P.gloves), null)).toContain(P.overcoat);
    expect(eligible(productPage(P.gloves), shopper([[P.parka, 30]]))).not.toContain(P.overcoat);
  });

  it('a consumable comes back after its reorder interval, on neutral surfaces only, when reminders are asked for', () => {
    const lastMonth = shopper([[P.catFood, 40]]);
    expect(eligible(home, lastMonth, 10, true)).toContain(P.catFood);
    expect(explain(model, { ...request(home, lastMonth, 10, true), seed: 3 }).picks.filter((p) => p.productId === P.catFood)).not.toContainEqual({
      productId: P.catFood,
      source: 'history',
    });
    expect(eligible(productPage(P.catTreats), lastMonth, 10, true)).not.toContain(P.catFood);
    expect(eligible(home, shopper([[P.catFood, 10]]), 10, true)).not.toContain(P.catFood);
  });

  it('without reminders (every storefront block) even a due consumable stays out', () => {
    const lastMonth = shopper([[P.catFood, 40]]);
    for (const surface of [home, { kind: 'cart', productIds: [P.mug] } as Surface, { kind: 'collection', collectionId: WINTER } as Surface]) {
      expect(eligible(surface, lastMonth, 10)).not.toContain(P.catFood);
    }
  });
});

describe('rule 2: no sensitive inference', () => {
  it('a pregnancy-test purchase never brings ovulation tests (or anything sensitive) to the home page', () => {
    expect(eligible(home, shopper([[P.pregnancyTest, 5]]), 10)).not.toContain(P.ovulationTests);
    expect(eligible(home, null, 10)).not.toContain(P.ovulationTests);
  });

  it('an ordinary purchase that co-occurs with a sensitive one does not lead there either', () => {
    expect(eligible(home, shopper([[P.gloves, 5]]), 10)).not.toContain(P.pregnancyTest);
    expect(eligible(productPage(P.gloves), null, 10)).not.toContain(P.pregnancyTest);
  });

  it('what the shopper is looking at right now may show its own topic', () => {
    expect(eligible(productPage(P.pregnancyTest), null)).toContain(P.ovulationTests);
  });

  it('a declared topic opens it to that shopper alone, from home too, and only where the page allows it', () => {
    const declared = shopper([[P.pregnancyTest, 5]], { declaredTopics: ['pregnancy-fertility'] });
    expect(eligible(home, declared, 10)).toContain(P.ovulationTests);
    expect(eligible(home, null, 10)).not.toContain(P.ovulationTests);
    // Next to a coat, a declared pregnancy topic still adds nothing unrelated to the coat.
    expect(eligible(productPage(P.overcoat), declared, 10)).not.toContain(P.ovulationTests);
    expect(inclusion(model, request(home, declared, 10)).blockSize).toBe(inclusion(model, request(home, null, 10)).blockSize);
  });

  it('a follow-up email treats its order as history: no ovulation tests after a pregnancy test, yet a stroller gets its care kit', () => {
    expect(eligible({ kind: 'email', orderProductIds: [P.pregnancyTest] }, shopper([[P.pregnancyTest, 0]]), 3)).not.toContain(P.ovulationTests);
    expect(eligible(productPage(P.pregnancyTest), null, 3)).toContain(P.ovulationTests);
    expect(eligible({ kind: 'email', orderProductIds: [P.stroller] }, shopper([[P.stroller, 0]]), 3)).toContain(P.strollerKit);
  });

  it('baby items are not inferred from a stroller on the home page, but follow it on the stroller page', () => {
    expect(eligible(home, shopper([[P.stroller, 3]]), 10)).not.toContain(P.strollerKit);
    expect(eligible(productPage(P.stroller), null)).toContain(P.strollerKit);
  });
});

describe('rule 3: personal data only tilts a draw anyone could get', () => {
  it('a shopper\'s picks come from the page\'s pool, each within r of a visitor\'s probability', () => {
    const heavy = shopper([[P.overcoat, 3], [P.umbrella, 2]]);
    for (const limit of [3, 4, 6]) {
      const { visitor, shopper: mine, withinBound } = inclusion(model, request(home, heavy, limit));
      expect(withinBound).toBe(true);
      for (const [id, p] of mine!) {
        expect(visitor.has(id) || p === 0).toBe(true);
        expect(p).toBeLessThanOrEqual(DEFAULT_POLICY.deniabilityRatio * (visitor.get(id) ?? 0) + 1e-9);
      }
    }
  });

  it('complements of a recent purchase become likelier: after an umbrella, the mug', () => {
    const { visitor, shopper: mine } = inclusion(model, request(home, shopper([[P.umbrella, 2]]), 4));
    expect(mine!.get(P.mug)).toBeGreaterThan(visitor.get(P.mug)!);
    expect(explain(model, { ...request(home, shopper([[P.umbrella, 2]]), 4), seed: 5 }).picks.map((p) => p.source)).not.toContain('popular-only');
  });

  it('a declared interest in a collection tilts towards its products within r, and adds nothing to the pool', () => {
    const winterFan = shopper([], { declaredTopics: [collectionInterest(WINTER)] });
    const winter = [P.overcoat, P.parka, P.gloves, P.scarf, P.beanie];
    for (const limit of [3, 4, 6]) {
      const { visitor, shopper: mine, withinBound, blockSize } = inclusion(model, request(home, winterFan, limit));
      expect(withinBound).toBe(true);
      expect(blockSize).toBe(inclusion(model, request(home, null, limit)).blockSize);
      const r = DEFAULT_POLICY.deniabilityRatio;
      for (const [id, p] of mine!) {
        const v = visitor.get(id) ?? 0;
        expect(p).toBeLessThanOrEqual(r * v + 1e-9);
        expect(1 - p).toBeLessThanOrEqual(r * (1 - v) + 1e-9);
      }
      const tilted = winter.filter((id) => visitor.has(id) && mine!.get(id)! > visitor.get(id)! + 1e-9);
      expect(tilted.length).toBeGreaterThan(0);
    }
  });

  it('a collection interest never speaks for a sensitive product in it: only its own declared topic can', () => {
    const MIXED = 200;
    const world = buildWorld(
      DEFAULT_POLICY,
      CATALOG.map((p) => (p.id === P.strollerKit || p.id === P.umbrella ? { ...p, collectionIds: [MIXED] } : p)),
    );
    // A cart with a stroller and a mug: its pool holds the stroller's baby complements and the mug's umbrella.
    const cart: Surface = { kind: 'cart', productIds: [P.stroller, P.mug] };
    const fan = shopper([], { declaredTopics: [collectionInterest(MIXED)] });
    const { visitor, shopper: mine } = inclusion(world, request(cart, fan, 2));
    expect(mine!.get(P.umbrella)).toBeGreaterThan(visitor.get(P.umbrella)! + 1e-9);
    expect(mine!.get(P.strollerKit)).toBeLessThanOrEqual(visitor.get(P.strollerKit)! + 1e-9);
    const babyFan = shopper([], { declaredTopics: ['baby'] });
    expect(inclusion(world, request(cart, babyFan, 2)).shopper!.get(P.strollerKit)).toBeGreaterThan(visitor.get(P.strollerKit)! + 1e-9);
  });

  it('a draw is a draw: different seeds give different blocks of the same size, the same seed the same block', () => {
    const blocks = new Set(Array.from({ length: 30 }, (_, seed) => recommend(model, { ...request(home, null, 4), seed: seed + 1 }).join(',')));
    expect(blocks.size).toBeGreaterThan(3);
    for (const block of blocks) expect(block.split(',')).toHaveLength(4);
    const again = { ...request(home, shopper([[P.umbrella, 2]]), 4), seed: 77 };
    expect(recommend(model, again)).toEqual(recommend(model, again));
  });
});

describe('rule 4: decay and stop', () => {
  it('a purchase older than the window no longer tilts anything, though it stays owned', () => {
    const old = inclusion(model, request(home, shopper([[P.umbrella, 200]]), 6));
    const anonymous = inclusion(model, request(home, null, 6));
    expect(old.shopper!.get(P.umbrella)).toBe(0);
    for (const [id, p] of anonymous.visitor) if (id !== P.umbrella && p > 0) expect(old.shopper!.get(id)).toBeGreaterThan(0);
    expect(old.shopper!.get(P.mug)! - anonymous.visitor.get(P.mug)!).toBeLessThan(0.2);
  });

  it('the veil may follow the wedding dress for a while, then nothing bridal', () => {
    const recentBride = shopper([[P.weddingDress, 10]]);
    expect(eligible(home, recentBride, 10)).toContain(P.veil);
    expect(eligible(home, recentBride, 10)).not.toContain(P.weddingDress);
    const laterBride = shopper([[P.weddingDress, DEFAULT_POLICY.eventWindowDays + 1]]);
    expect(eligible(home, laterBride, 10)).not.toContain(P.veil);
    expect(eligible(home, laterBride, 10)).not.toContain(P.weddingDress);
    expect(explain(model, request(home, laterBride, 10)).excluded).toContainEqual({ productId: P.veil, rule: 'decay-and-stop' });
  });
});

describe('rule 5: frequency cap', () => {
  it('an item shown often enough lately rests, and the next related product takes its place', () => {
    const seenOften = shopper([], { recentImpressions: new Map([[P.gloves, DEFAULT_POLICY.frequencyCapViews]]) });
    const seenLess = shopper([], { recentImpressions: new Map([[P.gloves, DEFAULT_POLICY.frequencyCapViews - 1]]) });
    expect(eligible(productPage(P.overcoat), seenLess)).toContain(P.gloves);
    expect(eligible(productPage(P.overcoat), seenOften)).not.toContain(P.gloves);
    expect(recommend(model, request(productPage(P.overcoat), seenOften))).toHaveLength(inclusion(model, request(productPage(P.overcoat), null)).blockSize);
  });
});

describe('rule 6: not for me', () => {
  it('a dismissed item disappears for that shopper', () => {
    expect(eligible(home, null, 10)).toContain(P.umbrella);
    const dismissed = shopper([], { feedback: [{ productId: P.umbrella, reason: 'not-my-style', at: NOW }] });
    expect(eligible(home, dismissed, 10)).not.toContain(P.umbrella);
  });

  it('"too personal" suppresses the whole category and its sensitive topic', () => {
    expect(eligible(productPage(P.pregnancyTest), null)).toContain(P.ovulationTests);
    const tooPersonal = shopper([], { feedback: [{ productId: P.ovulationTests, reason: 'too-personal', at: NOW }] });
    expect(eligible(productPage(P.pregnancyTest), tooPersonal)).not.toContain(P.ovulationTests);
    const coatFeedback = shopper([], { feedback: [{ productId: P.overcoat, reason: 'too-personal', at: NOW }] });
    expect(eligible(productPage(P.gloves), coatFeedback, 10)).not.toContain(P.parka);
  });
});

describe('rule 7: off means off', () => {
  it('a shopper with personalization off gets exactly the anonymous output, everywhere', () => {
    const off = shopper([[P.overcoat, 7], [P.catFood, 45]], {
      personalizationAllowed: false,
      feedback: [{ productId: P.umbrella, reason: 'not-relevant', at: NOW }],
      declaredTopics: ['pregnancy-fertility'],
      recentImpressions: new Map([[P.gloves, 99]]),
    });
    const surfaces: Surface[] = [home, productPage(P.overcoat), { kind: 'cart', productIds: [P.mug] }, { kind: 'collection', collectionId: WINTER }];
    for (const surface of surfaces) {
      for (const seed of [1, 2, 3]) expect(recommend(model, { ...request(surface, off, 10), seed })).toEqual(recommend(model, { ...request(surface, null, 10), seed }));
    }
    expect(explain(model, request(home, off)).anonymized).toBe(true);
  });
});

describe('complements over substitutes, above the relevance floor', () => {
  it('next to a coat: gloves, a scarf, a beanie — never another coat, never cat food, not on the twentieth view', () => {
    const pool = eligible(productPage(P.overcoat), null);
    expect(pool).toEqual(expect.arrayContaining([P.gloves, P.scarf]));
    for (const id of [P.parka, P.overcoat, P.catFood, P.catTreats, P.mug]) expect(pool).not.toContain(id);
    // Twenty views, each counting what it showed: resting picks are replaced by related ones, never by fillers.
    const impressions = new Map<number, number>();
    const size = inclusion(model, request(productPage(P.overcoat), null)).blockSize;
    for (let view = 1; view <= 20; view++) {
      const who = shopper([[P.parka, 30]], { recentImpressions: new Map(impressions) });
      const picks = recommend(model, { ...request(productPage(P.overcoat), who), now: NOW + view * 0.7 * 86_400_000, seed: view });
      expect(picks).toHaveLength(size);
      for (const id of picks) {
        expect([P.gloves, P.scarf, P.beanie]).toContain(id);
        impressions.set(id, (impressions.get(id) ?? 0) + 1);
      }
    }
  });

  it('the engine hands out product ids and nothing else', () => {
    for (const id of recommend(model, request(home, shopper([[P.overcoat, 7]])))) expect(typeof id).toBe('number');
  });

  it('uses no clock but the request\'s: purchases after "now" do not exist yet', () => {
    expect(eligible(home, shopper([[P.umbrella, -5]]), 10)).toContain(P.umbrella);
    expect(daysAgo(0)).toBe(NOW);
  });
});
