/**
 * The journey simulation (issue "Picks that stay relevant", benchmark (d)): shoppers coming back to their context
 * pages 20 times over two weeks. At every step a shopper opens their product page and their cart, and a visitor
 * and an opted-out shopper open the same pages; at the first and last step the shopper also gets the follow-up of
 * their last order. Every block a logged-in shopper sees counts as an impression for the frequency cap (each view
 * once, every pick as if it was in view: the cap's worst case), as the app records them. Pure: the model and the
 * shoppers in, every block out.
 */
import { DAY_MS } from '../../server/recommend/policy.ts';
import type { ShopModel } from '../../server/recommend/model/shop-model.ts';
import type { Purchase, Shopper, Surface } from '../../server/recommend/types.ts';
import { drawBlock, seedOf } from './journey-engine.ts';

export interface JourneyShopper {
  /** How the report names them (a demo persona's address, or an Online Retail customer number). */
  label: string;
  /** Every purchase, of any age: owned means owned. */
  purchases: readonly Purchase[];
  /** Their context page: the product page of their most recent purchase. */
  productId: number;
  /** What their cart holds: their last order's products (at most three). */
  cart: readonly number[];
  /** Their last order: the follow-up's context. */
  lastOrder: readonly number[];
}

export const JOURNEY_SURFACES = ['product', 'cart', 'email'] as const;
export type JourneySurface = (typeof JOURNEY_SURFACES)[number];
export const AUDIENCES = ['logged-in', 'visitor', 'opted-out'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** One block shown at one step. */
export interface JourneyBlock {
  /** Index into the simulated shoppers. */
  shopper: number;
  /** 1-based. */
  step: number;
  surface: JourneySurface;
  audience: Audience;
  context: readonly number[];
  picks: readonly number[];
}

export interface JourneyPlan {
  /** Milliseconds since the epoch of the first step. */
  start: number;
  steps: number;
  /** Between two steps: 20 steps 16.8 h apart span 13.3 days, inside one two-week cap period. */
  stepMs: number;
  /** Storefront block size asked for (the theme block's default). */
  limit: number;
  /** The follow-up's "Goes well with it" size. */
  emailLimit: number;
  /** Steps at which the follow-up of the last order is sent. */
  emailSteps: readonly number[];
}

export const JOURNEY_PLAN: Omit<JourneyPlan, 'start'> = {
  steps: 20,
  stepMs: 16.8 * 3_600_000,
  limit: 4,
  emailLimit: 3,
  emailSteps: [1, 20],
};

/** How the app serves an opted-out shopper (RecommendationService): nothing of theirs reaches the engine. */
const OPTED_OUT: Shopper = { personalizationAllowed: false, purchases: [], feedback: [], declaredTopics: [], recentImpressions: new Map() };

const SURFACE_CODE: Record<JourneySurface, number> = { product: 1, cart: 2, email: 3 };

/** Each shopper's impressions over the journey: what the frequency cap sees at a given time. */
export class ImpressionLog {
  private readonly views: { at: number; ids: readonly number[] }[] = [];

  constructor(private readonly capMs: number) {}

  record(at: number, ids: readonly number[]): void {
    this.views.push({ at, ids });
  }

  /** Per product, the views within the cap's period ending at `now` that showed it (once per view). */
  recent(now: number): Map<number, number> {
    const counts = new Map<number, number>();
    for (const view of this.views) {
      if (view.at <= now - this.capMs || view.at > now) continue;
      for (const id of new Set(view.ids)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }
}

export function simulateJourneys(model: ShopModel, shoppers: readonly JourneyShopper[], plan: JourneyPlan): JourneyBlock[] {
  const blocks: JourneyBlock[] = [];
  const capMs = model.policy.frequencyCapDays * DAY_MS;
  shoppers.forEach((who, index) => {
    const log = new ImpressionLog(capMs);
    for (let step = 1; step <= plan.steps; step++) {
      const now = plan.start + (step - 1) * plan.stepMs;
      const pages: { surface: JourneySurface; request: Surface; context: readonly number[]; limit: number }[] = [
        { surface: 'product', request: { kind: 'product', productId: who.productId }, context: [who.productId], limit: plan.limit },
        { surface: 'cart', request: { kind: 'cart', productIds: who.cart }, context: who.cart, limit: plan.limit },
      ];
      if (plan.emailSteps.includes(step)) {
        pages.push({ surface: 'email', request: { kind: 'email', orderProductIds: who.lastOrder }, context: who.lastOrder, limit: plan.emailLimit });
      }
      for (const page of pages) {
        // One seed per shopper, view and surface; the visitor and the opted-out shopper draw on the same page.
        const seed = seedOf(index, step, SURFACE_CODE[page.surface]);
        const shopper: Shopper = {
          personalizationAllowed: true,
          purchases: who.purchases,
          feedback: [],
          declaredTopics: [],
          recentImpressions: log.recent(now),
        };
        const audiences: [Audience, Shopper | null][] = [
          ['logged-in', shopper],
          ['visitor', null],
          ['opted-out', OPTED_OUT],
        ];
        for (const [audience, asked] of audiences) {
          const picks = drawBlock(model, { surface: page.request, shopper: asked, limit: page.limit, now, reorderReminders: false, seed });
          blocks.push({ shopper: index, step, surface: page.surface, audience, context: page.context, picks });
          if (audience === 'logged-in') log.record(now, picks);
        }
      }
    }
  });
  return blocks;
}
