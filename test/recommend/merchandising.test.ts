/**
 * The merchant's rules in the engine (server/recommend/merchandising/): exclusions by product, collection and tag,
 * "never together" pairs and pinned complements, on every surface, for visitors and shoppers — and the deniability
 * bound still holding with pins.
 */
import { describe, expect, it } from 'vitest';
import { explain, inclusion, recommend } from '../../server/recommend/engine.ts';
import { NO_MERCHANDISING, type Merchandising } from '../../server/recommend/merchandising/rules.ts';
import { DEFAULT_POLICY, visitorCap } from '../../server/recommend/policy.ts';
import type { Shopper, Surface } from '../../server/recommend/types.ts';
import { buildWorld, CATALOG, NOW, P, request, shopper, WINTER } from './world.ts';

const R = DEFAULT_POLICY.deniabilityRatio;
const EPSILON = 1e-9;

const rules = (extra: Partial<Merchandising>): Merchandising => ({ ...NO_MERCHANDISING, ...extra });

const SURFACES: Surface[] = [
  { kind: 'home' },
  { kind: 'product', productId: P.overcoat },
  { kind: 'product', productId: P.umbrella },
  { kind: 'cart', productIds: [P.overcoat, P.mug] },
  { kind: 'collection', collectionId: WINTER },
  { kind: 'email', orderProductIds: [P.parka, P.umbrella] },
];
const SHOPPERS: (Shopper | null)[] = [null, shopper([]), shopper([[P.scarf, 20]]), shopper([[P.mug, 5], [P.gloves, 40]])];

/** Every product any visitor or shopper could be shown on this surface under these rules. */
function showable(merchandising: Merchandising, surface: Surface, model = buildWorld()): Set<number> {
  const ids = new Set<number>();
  for (const who of SHOPPERS) {
    const { visitor, shopper: personal } = inclusion(model, { ...request(surface, who, 6), merchandising });
    for (const [id, p] of [...visitor, ...(personal ?? [])]) if (p > 0) ids.add(id);
  }
  return ids;
}

describe('exclusions', () => {
  it('keep an excluded product off every surface, for visitors and shoppers', () => {
    // Without the rule the gloves are offered somewhere (else this test could not fail).
    expect(SURFACES.some((s) => showable(NO_MERCHANDISING, s).has(P.gloves))).toBe(true);
    for (const surface of SURFACES) expect(showable(rules({ excludedProducts: [P.gloves] }), surface).has(P.gloves)).toBe(false);
  });

  it('keep every product of an excluded collection off every surface, its own collection page included', () => {
    const winter = CATALOG.filter((p) => p.collectionIds.includes(WINTER)).map((p) => p.id);
    const merchandising = rules({ excludedCollections: [{ id: WINTER, title: 'Winter sale' }] });
    for (const surface of SURFACES) for (const id of winter) expect(showable(merchandising, surface).has(id)).toBe(false);
    // What is left is still offered: the rule removes products, not the block.
    expect(showable(merchandising, { kind: 'home' }).size).toBeGreaterThan(0);
  });

  it('hold back a declared topic\'s products too, the one door rule 2 opens', () => {
    const model = buildWorld();
    const declaring = shopper([], { declaredTopics: ['pregnancy-fertility'] });
    const opened = (merchandising: Merchandising) => inclusion(model, { ...request({ kind: 'home' }, declaring), merchandising }).shopper!.get(P.pregnancyTest) ?? 0;
    expect(opened(NO_MERCHANDISING)).toBeGreaterThan(0);
    expect(opened(rules({ excludedProducts: [P.pregnancyTest] }))).toBe(0);
  });

  it('read tags and collections from the catalog as it is now: a product tagged a minute ago is held back at once', () => {
    const model = buildWorld();
    const merchandising = rules({ excludedTags: ['Clearance'] });
    expect(showable(merchandising, { kind: 'home' }, model).has(P.mug)).toBe(true);
    model.replaceCatalog(CATALOG.map((p) => (p.id === P.mug ? { ...p, tags: [...p.tags, ' clearance '] } : p)));
    expect(showable(merchandising, { kind: 'home' }, model).has(P.mug)).toBe(false);
    for (const surface of SURFACES) expect(showable(merchandising, surface, model).has(P.mug)).toBe(false);
  });
});

describe('never together', () => {
  const apart = rules({ neverTogether: [[P.overcoat, P.gloves]] });

  it('never shows one of a pair with the other in view, either way round, on a product page, a cart and a follow-up', () => {
    expect(showable(NO_MERCHANDISING, { kind: 'product', productId: P.overcoat }).has(P.gloves)).toBe(true);
    expect(showable(apart, { kind: 'product', productId: P.overcoat }).has(P.gloves)).toBe(false);
    expect(showable(NO_MERCHANDISING, { kind: 'product', productId: P.gloves }).has(P.overcoat)).toBe(true);
    expect(showable(apart, { kind: 'product', productId: P.gloves }).has(P.overcoat)).toBe(false);
    expect(showable(apart, { kind: 'cart', productIds: [P.mug, P.gloves] }).has(P.overcoat)).toBe(false);
    expect(showable(apart, { kind: 'email', orderProductIds: [P.overcoat] }).has(P.gloves)).toBe(false);
  });

  it('leaves both free where neither is in view', () => {
    const home = showable(apart, { kind: 'home' });
    expect(home.has(P.gloves) && home.has(P.overcoat)).toBe(true);
  });
});

describe('pins', () => {
  // A candle has nothing to do with a coat: only the merchant's pin puts it on the coat's page.
  const pinned = rules({ pins: [{ productId: P.overcoat, complements: [P.candle] }] });
  const coatPage: Surface = { kind: 'product', productId: P.overcoat };

  it('put a pinned complement in the product page\'s pool at the visitor cap: as often as any product may be, never always', () => {
    const model = buildWorld();
    expect(inclusion(model, request(coatPage, null)).visitor.has(P.candle)).toBe(false);
    const { visitor } = inclusion(model, { ...request(coatPage, null), merchandising: pinned });
    expect(visitor.get(P.candle)).toBeCloseTo(visitorCap(DEFAULT_POLICY), 9);
    for (const p of visitor.values()) expect(p).toBeLessThanOrEqual(visitorCap(DEFAULT_POLICY) + EPSILON);
    // Also in a cart and a follow-up holding the coat, not on the home page.
    expect(inclusion(model, { ...request({ kind: 'cart', productIds: [P.overcoat, P.mug] }, null), merchandising: pinned }).visitor.get(P.candle)).toBeGreaterThan(0);
    expect(inclusion(model, { ...request({ kind: 'email', orderProductIds: [P.overcoat] }, null), merchandising: pinned }).visitor.get(P.candle)).toBeGreaterThan(0);
    // The home page has no product in view: the pin changes nothing there.
    const home = inclusion(model, { ...request({ kind: 'home' }, null), merchandising: pinned }).visitor;
    expect(home).toEqual(inclusion(model, request({ kind: 'home' }, null)).visitor);
  });

  it('are drawn as pinned, in a share of seeded views near the cap', () => {
    const model = buildWorld();
    let shown = 0;
    const views = 400;
    for (let seed = 1; seed <= views; seed++) {
      const picks = explain(model, { ...request(coatPage, null), merchandising: pinned, seed }).picks;
      const pick = picks.find((p) => p.productId === P.candle);
      if (pick) {
        expect(pick.source).toBe('pinned');
        shown += 1;
      }
    }
    expect(shown / views).toBeGreaterThan(visitorCap(DEFAULT_POLICY) - 0.1);
    expect(shown).toBeLessThan(views);
  });

  it('keep every shopper within the deniability bound, the one who owns the pin included', () => {
    const model = buildWorld();
    const purchases: [number, number][][] = [[], [[P.candle, 3]], [[P.candle, 400]], [[P.gloves, 10]], [[P.scarf, 5], [P.candle, 30]], [[P.mug, 2], [P.umbrella, 9]]];
    const surfaces: Surface[] = [coatPage, { kind: 'cart', productIds: [P.overcoat, P.umbrella] }, { kind: 'email', orderProductIds: [P.overcoat] }];
    let checked = 0;
    for (const surface of surfaces) {
      for (const bought of purchases) {
        const { visitor, shopper: personal, withinBound } = inclusion(model, { ...request(surface, shopper(bought)), merchandising: pinned });
        expect(withinBound).toBe(true);
        for (const [id, s] of personal!) {
          const v = visitor.get(id) ?? 0;
          expect(s).toBeLessThanOrEqual(R * v + EPSILON);
          expect(1 - s).toBeLessThanOrEqual(R * (1 - v) + EPSILON);
        }
        if (bought.some(([id]) => id === P.candle)) expect(personal!.get(P.candle)).toBe(0);
        checked += 1;
      }
    }
    expect(checked).toBe(18);
  });

  it('give way to the merchant\'s exclusions and pairs', () => {
    const model = buildWorld();
    const both = rules({ pins: [{ productId: P.overcoat, complements: [P.candle, P.mug] }], excludedProducts: [P.candle], neverTogether: [[P.mug, P.overcoat]] });
    const ids = recommend(model, { ...request(coatPage, null), merchandising: both, seed: 7 });
    expect(ids).not.toContain(P.candle);
    expect(ids).not.toContain(P.mug);
    expect(inclusion(model, { ...request(coatPage, null), merchandising: both }).visitor.has(P.candle)).toBe(false);
  });
});

describe('the explanation', () => {
  it('names the merchant\'s rule that held each product back', () => {
    const model = buildWorld();
    const merchandising = rules({ excludedCollections: [{ id: WINTER, title: 'Winter sale' }], neverTogether: [[P.umbrella, P.mug]], excludedTags: ['CANDLE-TAG'] });
    const home = explain(model, { ...request({ kind: 'home' }, shopper([[P.catFood, 10]])), merchandising, seed: 3 });
    expect(home.excluded).toContainEqual({ productId: P.gloves, rule: 'merchant-excluded', hold: { rule: 'merchant-excluded', by: 'collection', collectionId: WINTER, collectionTitle: 'Winter sale' } });
    const umbrella = explain(model, { ...request({ kind: 'product', productId: P.umbrella }, null), merchandising, seed: 3 });
    expect(umbrella.excluded).toContainEqual({ productId: P.mug, rule: 'never-together', hold: { rule: 'never-together', withProductId: P.umbrella } });
    // The storefront's answer carries ids only.
    expect(recommend(model, { ...request({ kind: 'home' }, null), merchandising, seed: 3, now: NOW })).not.toContain(P.gloves);
  });
});
