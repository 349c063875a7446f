/**
 * Property tests: random catalogs, order histories, shoppers and surfaces; the privacy guarantees must hold
 * for every one of them, not just the hand-picked cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextOf, explain, recommend } from '../../server/recommend/engine.ts';
import { ShopModel } from '../../server/recommend/model/shop-model.ts';
import { DAY_MS, DEFAULT_POLICY, maxHistorySlots } from '../../server/recommend/policy.ts';
import { isNeutralSurface } from '../../server/recommend/rules/never-owned.ts';
import type { CatalogProduct, RecommendRequest, Shopper, Surface } from '../../server/recommend/types.ts';
import { FEEDBACK_REASONS } from '../../server/recommend/types.ts';

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
          fc.record({ productId: fc.integer({ min: 1, max: n }), orderedAt: fc.integer({ min: 0, max: 400 }).map((d) => NOW - d * DAY_MS) }),
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
    }),
  )
  .map((w) => ({ ...w, products: w.products as CatalogProduct[], shopper: w.shopper as Shopper }));

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function setUp(w: World) {
  const model = ShopModel.build(w.products, w.orders, DEFAULT_POLICY, NOW);
  const allowed: Shopper = { ...w.shopper, personalizationAllowed: true };
  const req = (shopper: Shopper | null): RecommendRequest => ({ surface: w.surface, shopper, limit: w.limit, now: NOW, reorderReminders: w.reorderReminders });
  return { model, allowed, req };
}

const RUNS = { seed: SEED, numRuns: 300 };

describe('privacy properties over random stores', () => {
  it('never an owned item or its substitute, unless a due consumable on a neutral surface when reminders are asked for', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { model, allowed, req } = setUp(w);
        const picks = recommend(model, req(allowed));
        const since = NOW - DEFAULT_POLICY.historyWindowDays * DAY_MS;
        for (const p of allowed.purchases.filter((p) => p.orderedAt > since)) {
          const interval = model.reorderInterval(p.productId);
          const last = Math.max(...allowed.purchases.filter((q) => q.productId === p.productId).map((q) => q.orderedAt));
          const due = w.reorderReminders && isNeutralSurface(w.surface) && interval !== undefined && NOW - last >= interval;
          if (due) continue;
          for (const id of model.catalog.substitutesOf(p.productId)) {
            const alsoDue = w.reorderReminders && isNeutralSurface(w.surface) && allowed.purchases.some((q) => q.productId === id) && picks.includes(id);
            if (!alsoDue) expect(picks).not.toContain(id);
          }
        }
      }),
      RUNS,
    );
  });

  it('a sensitive item appears only from its own topic in view or a declared topic', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { model, allowed, req } = setUp(w);
        const inView = new Set<string>(allowed.declaredTopics);
        // An email's order is history: only its baby items open their own topic (rule 2).
        for (const id of contextOf(w.surface)) {
          for (const t of model.catalog.get(id)?.topics ?? []) if (w.surface.kind !== 'email' || t === 'baby') inView.add(t);
        }
        const { picks } = explain(model, req(allowed));
        for (const pick of picks) {
          const topics = model.catalog.get(pick.productId)?.topics ?? [];
          const allowedTopics = pick.source === 'history' || pick.source === 'reorder' ? new Set<string>(allowed.declaredTopics) : inView;
          for (const topic of topics) expect(allowedTopics.has(topic)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('never more personal slots than the blend allows, never a duplicate, never more than asked', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { model, allowed, req } = setUp(w);
        const { picks } = explain(model, req(allowed));
        const personal = picks.filter((p) => p.source === 'history' || p.source === 'reorder' || p.source === 'declared');
        expect(personal.length).toBeLessThanOrEqual(maxHistorySlots(w.limit, DEFAULT_POLICY));
        expect(new Set(picks.map((p) => p.productId)).size).toBe(picks.length);
        expect(picks.length).toBeLessThanOrEqual(w.limit);
        for (const p of picks) expect(model.catalog.isRecommendable(p.productId)).toBe(true);
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
      }),
      RUNS,
    );
  });
});
