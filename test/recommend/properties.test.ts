/**
 * Property tests: random catalogs, order histories, shoppers and surfaces; the privacy guarantees must hold
 * for every one of them, not just the hand-picked cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextOf, inclusion, isRelatedToContext, recommend } from '../../server/recommend/engine.ts';
import { ShopModel } from '../../server/recommend/model/shop-model.ts';
import { DAY_MS, DEFAULT_POLICY, visitorCap } from '../../server/recommend/policy.ts';
import { remindsOn } from '../../server/recommend/rules/never-owned.ts';
import { systematicDraw } from '../../server/recommend/pool/systematic-draw.ts';
import type { CatalogProduct, RecommendRequest, Shopper, Surface } from '../../server/recommend/types.ts';
import { FEEDBACK_REASONS } from '../../server/recommend/types.ts';
import { policyFor } from '../../server/recommend/settings/policy-for.ts';
import { DEFAULT_SETTINGS, PERSONAL_SHARES } from '../../server/recommend/settings/schema.ts';

/** fast-check's seed: every run checks the same cases, so CI never turns red by chance (change it to explore others). */
const SEED = 617011;

const NOW = Date.parse('2026-03-01T00:00:00Z');
// Real taxonomy ids: some sensitive (pregnancy tests, ovulation tests, strollers, incontinence), most not.
const CATEGORIES = ['aa-1-10-2-5', 'aa-2-13', 'aa-2-26', 'hb-1-15-5', 'hb-1-4-8-2', 'bt-6-3-3', 'hb-1-11-8', 'aa-1-22-2', 'lb-6', null];
const TYPES = ['Coat', 'Gloves', 'Scarf', 'Health', 'Mug', 'Candle', ''];
const TAGS = ['winter', 'gift', 'consumable', 'reorder-days:20', 'one-time', 'tacto:sensitive'];

const world = fc
  .integer({ min: 3, max: 18 })
  .chain((n) =>
    fc.record({
      products: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            id: fc.constant(i + 1),
            title: fc.constantFrom('Thing', 'Pregnancy test', 'Wool coat', 'Adult diapers', 'Mug'),
            productType: fc.constantFrom(...TYPES),
            categoryId: fc.constantFrom(...CATEGORIES),
            tags: fc.subarray(TAGS, { maxLength: 2 }),
            collectionIds: fc.subarray([1, 2, 3], { maxLength: 2 }),
            available: fc.integer({ min: 0, max: 5 }).map((n) => n > 0),
          }),
        ),
      ),
      orders: fc.array(
        fc.record({
          customerId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
          orderedAt: fc.integer({ min: 0, max: 400 }).map((d) => NOW - d * DAY_MS),
          productIds: fc.uniqueArray(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: 5 }),
        }),
        { maxLength: 60 },
      ),
      shopper: fc.record({
        personalizationAllowed: fc.boolean(),
        purchases: fc.array(
          fc.record({ productId: fc.integer({ min: 1, max: n }), orderedAt: fc.integer({ min: 0, max: 1500 }).map((d) => NOW - d * DAY_MS) }),
          { maxLength: 8 },
        ),
        feedback: fc.array(fc.record({ productId: fc.integer({ min: 1, max: n }), reason: fc.constantFrom(...FEEDBACK_REASONS), at: fc.constant(NOW) }), {
          maxLength: 2,
        }),
        declaredTopics: fc.subarray(['pregnancy-fertility', 'baby', 'medical'] as const, { maxLength: 1 }),
        recentImpressions: fc.array(fc.tuple(fc.integer({ min: 1, max: n }), fc.integer({ min: 0, max: 9 })), { maxLength: 4 }).map((e) => new Map(e)),
      }),
      surface: fc.oneof(
        fc.constant<Surface>({ kind: 'home' }),
        fc.integer({ min: 1, max: n }).map((productId): Surface => ({ kind: 'product', productId })),
        fc.uniqueArray(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: 3 }).map((productIds): Surface => ({ kind: 'cart', productIds })),
        fc.uniqueArray(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: 3 }).map((ids): Surface => ({ kind: 'email', orderProductIds: ids })),
        fc.constantFrom<Surface>({ kind: 'collection', collectionId: 1 }, { kind: 'collection', collectionId: 2 }),
      ),
      limit: fc.integer({ min: 1, max: 12 }),
      reorderReminders: fc.boolean(),
      seed: fc.integer({ min: 1, max: 2 ** 32 - 1 }),
    }),
  )
  .map((w) => ({ ...w, products: w.products as CatalogProduct[], shopper: w.shopper as Shopper }));

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function setUp(w: World, policy = DEFAULT_POLICY) {
  const model = ShopModel.build(w.products, w.orders, policy, NOW);
  const allowed: Shopper = { ...w.shopper, personalizationAllowed: true };
  const req = (shopper: Shopper | null, seed = w.seed): RecommendRequest => ({
    surface: w.surface,
    shopper,
    limit: w.limit,
    now: NOW,
    reorderReminders: w.reorderReminders,
    seed,
  });
  return { model, allowed, req };
}

const RUNS = { seed: SEED, numRuns: 300 };
const R = DEFAULT_POLICY.deniabilityRatio;
/** Bisection leaves about 1e-12 of slack; anything beyond 1e-9 would be a real breach. */
const EPSILON = 1e-9;

/** Whether the shopper's purchase of `productId` is a due consumable they may be reminded of (rule 1's exception). */
function dueForReminder(w: World, model: ShopModel, productId: number): boolean {
  const interval = model.reorderInterval(productId);
  const last = Math.max(...w.shopper.purchases.filter((q) => q.productId === productId).map((q) => q.orderedAt));
  return w.reorderReminders && remindsOn(w.surface) && interval !== undefined && NOW - last >= interval;
}

describe('privacy properties over random stores', () => {
  it('never an owned item, at any age; its substitutes rest for the configured window', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { model, allowed, req } = setUp(w);
        const shopperInclusion = inclusion(model, req(allowed)).shopper ?? new Map<number, number>();
        const picks = new Set([1, 2, 3].flatMap((k) => recommend(model, req(allowed, w.seed + k))));
        const restSince = NOW - DEFAULT_POLICY.substituteRestDays * DAY_MS;
        for (const p of allowed.purchases) {
          if (dueForReminder(w, model, p.productId)) continue;
          expect(picks.has(p.productId)).toBe(false);
          expect(shopperInclusion.get(p.productId) ?? 0).toBe(0);
          if (p.orderedAt <= restSince) continue;
          for (const id of model.catalog.substitutesOf(p.productId)) {
            if (allowed.purchases.some((q) => q.productId === id) && dueForReminder(w, model, id)) continue;
            // Resting substitutes come back only to keep the block as long as a visitor's, beyond the bound.
            if ((shopperInclusion.get(id) ?? 0) > 0) expect(inclusion(model, req(allowed)).withinBound).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });

  it('a sensitive item can be drawn only when its own topic is in view, or for a shopper who declared it', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { model, allowed, req } = setUp(w);
        const inView = new Set<string>();
        // An email's order is history: only its baby items open their own topic (rule 2).
        for (const id of contextOf(w.surface)) {
          for (const t of model.catalog.get(id)?.topics ?? []) if (w.surface.kind !== 'email' || t === 'baby') inView.add(t);
        }
        const { visitor, shopper } = inclusion(model, req(allowed));
        for (const [id, p] of visitor) {
          if (p === 0) continue;
          for (const topic of model.catalog.get(id)?.topics ?? []) expect(inView.has(topic)).toBe(true);
        }
        const declared = new Set<string>(allowed.declaredTopics);
        for (const [id, p] of shopper ?? []) {
          if (p === 0) continue;
          for (const topic of model.catalog.get(id)?.topics ?? []) expect(inView.has(topic) || declared.has(topic)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('the block size is the page\'s alone: visitor, logged-in and opted-out shoppers get the same count', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { model, allowed, req } = setUp(w);
        const off: Shopper = { ...w.shopper, personalizationAllowed: false };
        const { blockSize } = inclusion(model, req(null));
        expect(blockSize).toBeLessThanOrEqual(w.limit);
        for (const who of [null, off]) expect(recommend(model, req(who))).toHaveLength(blockSize);
        const personal = inclusion(model, req(allowed)).shopper;
        // The one exception, when a shopper owns or dismissed all but a few of every product the page could show:
        // then every product left is shown (probability 1) and the block cannot be longer.
        const exhausted = personal !== null && [...personal.values()].every((p) => p === 0 || p > 1 - EPSILON);
        expect(recommend(model, req(allowed)).length === blockSize || exhausted).toBe(true);
        for (const who of [null, allowed, off]) {
          const picks = recommend(model, req(who));
          expect(new Set(picks).size).toBe(picks.length);
          for (const id of picks) expect(model.catalog.isRecommendable(id)).toBe(true);
        }
        expect(inclusion(model, req(allowed)).blockSize).toBe(blockSize);
      }),
      RUNS,
    );
  });

  it('each product\'s presence and absence stay within r of the visitor\'s, whenever the pool leaves room (the topics a shopper declared aside)', () => {
    let checked = 0;
    fc.assert(
      fc.property(world, (w) => {
        const { model, allowed, req } = setUp(w);
        const { visitor, shopper, withinBound, blockSize } = inclusion(model, req(allowed));
        const sum = (m: ReadonlyMap<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
        expect(sum(visitor)).toBeCloseTo(blockSize, 9);
        for (const v of visitor.values()) expect(v).toBeLessThanOrEqual(visitorCap(DEFAULT_POLICY) + EPSILON);
        if (!shopper || !withinBound) return;
        expect(sum(shopper)).toBeCloseTo(blockSize, 9);
        checked += 1;
        const declared = new Set<string>(allowed.declaredTopics);
        for (const [id, s] of shopper) {
          // A topic the shopper declared in their own preference block is theirs to see (rule 2's one door).
          if ((model.catalog.get(id)?.topics ?? []).some((t) => declared.has(t))) continue;
          const v = visitor.get(id) ?? 0;
          expect(s).toBeLessThanOrEqual(R * v + EPSILON);
          expect(1 - s).toBeLessThanOrEqual(R * (1 - v) + EPSILON);
        }
      }),
      RUNS,
    );
    // Many random stores are too small for a block, or their shopper owns most of them; the rest must be
    // plenty for the property to mean something.
    expect(checked).toBeGreaterThan(30);
  });

  it('at every share of personal picks a merchant may choose, the bound holds with its own r; at 0 % a shopper is a visitor', () => {
    const checked = new Map<number, number>();
    fc.assert(
      fc.property(world, (w) => {
        for (const personalShare of PERSONAL_SHARES) {
          const policy = policyFor({ ...DEFAULT_SETTINGS, personalShare });
          const r = policy.deniabilityRatio;
          const { model, allowed, req } = setUp(w, policy);
          const { visitor, shopper, withinBound, blockSize } = inclusion(model, req(allowed));
          for (const v of visitor.values()) expect(v).toBeLessThanOrEqual(visitorCap(policy) + EPSILON);
          if (personalShare === 0) {
            expect(shopper).toBeNull();
            expect(recommend(model, req(allowed))).toEqual(recommend(model, req(null)));
            continue;
          }
          if (!shopper || !withinBound || blockSize === 0) continue;
          checked.set(personalShare, (checked.get(personalShare) ?? 0) + 1);
          const declared = new Set<string>(allowed.declaredTopics);
          for (const [id, s] of shopper) {
            if ((model.catalog.get(id)?.topics ?? []).some((t) => declared.has(t))) continue;
            const v = visitor.get(id) ?? 0;
            expect(s).toBeLessThanOrEqual(r * v + EPSILON);
            expect(1 - s).toBeLessThanOrEqual(r * (1 - v) + EPSILON);
          }
        }
      }),
      RUNS,
    );
    // Every share with a bound was really exercised. A lower share needs more products per pick (r / (r − 1)), so
    // fewer of these small random stores have a block at all.
    // (With this seed: 65, 42, 38 and 7 stores at 100, 75, 50 and 25 %.)
    for (const [share, least] of [[100, 30], [75, 30], [50, 30], [25, 5]] as const) expect(checked.get(share) ?? 0).toBeGreaterThan(least);
  });

  it('on a product page, a cart and a follow-up every eligible product is related to what is in view', () => {
    fc.assert(
      fc.property(world, (w) => {
        if (w.surface.kind === 'home' || w.surface.kind === 'collection') return;
        const { model, allowed, req } = setUp(w);
        const { visitor, shopper } = inclusion(model, req(allowed));
        for (const [id, p] of [...visitor, ...(shopper ?? [])]) {
          if (p > 0) expect(isRelatedToContext(model, contextOf(w.surface), id)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('opted out equals anonymous, whatever the shopper has', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { model, req } = setUp(w);
        const off: Shopper = { ...w.shopper, personalizationAllowed: false };
        expect(recommend(model, req(off))).toEqual(recommend(model, req(null)));
        expect(inclusion(model, req(off)).shopper).toBeNull();
      }),
      RUNS,
    );
  });
});

describe('the draw', () => {
  it('shows each product as often as its probability says, and never twice in one block', () => {
    const probabilities = [0.5, 0.5, 0.45, 0.3, 0.25, 0.2, 0.2, 0.15, 0.15, 0.1, 0.1, 0.05, 0.05, 0];
    const n = 3;
    const draws = 20_000;
    const counts = probabilities.map(() => 0);
    for (let seed = 1; seed <= draws; seed++) {
      const picked = systematicDraw(probabilities, n, seed);
      expect(picked).toHaveLength(n);
      expect(new Set(picked).size).toBe(n);
      for (const k of picked) counts[k]! += 1;
    }
    probabilities.forEach((p, k) => {
      // A binomial count: mean draws·p, sd √(draws·p(1−p)) ≤ 71; 5 sd either side never fails by chance.
      const sd = Math.sqrt(draws * p * (1 - p));
      expect(Math.abs(counts[k]! - draws * p)).toBeLessThanOrEqual(5 * sd + 1e-9);
    });
  });
});
