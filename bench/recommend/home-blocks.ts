/**
 * What the storefront shows each returning shopper on the home page at their first test visit, logged in, as
 * the storefront asks (no reorder reminders), limit 10: the per-view inclusion probabilities of their block
 * and of the visitor block on the same page, and seeded views of both. The observer and the next-order
 * measurement read only these records.
 */
import type { ShopModel } from '../../server/recommend/model/shop-model.ts';
import { DAY_MS } from '../../server/recommend/policy.ts';
import type { RecommendRequest } from '../../server/recommend/types.ts';
import { drawBlock, exactInclusion, sampledInclusion, seedFor, type InclusionMap } from './engine-view.ts';
import type { ReturningShopper } from './shoppers.ts';
import { shopperWith } from './tacto-ranker.ts';

export const HOME_LIMIT = 10;

export interface HomeBlocks {
  shopper: ReturningShopper;
  /** πv: the visitor block's inclusion probabilities on this page at this time (exact, or sampled). */
  visitor: InclusionMap;
  /** πs: the shopper's (exact, or the share of `views` holding each item). */
  shopperInclusion: InclusionMap;
  /** Seeded views of the shopper's block; the first, seeded from the customer id alone, is what the observer sees. */
  views: number[][];
  /** One fresh view of the visitor block (another seed): what a naive observer compares with. */
  visitorView: number[];
  /** False when this shopper's exclusions left the page's pool too short for the bound (stated exception). */
  withinBound: boolean;
}

export interface HomeBlockOptions {
  /** Views of the shopper's block per shopper (NDCG, and πs when the engine has no exact inclusion). */
  views: number;
  /** Visitor views that estimate πv per day when the engine has no exact inclusion. */
  visitorSamples: number;
}

export function homeRequest(shopper: ReturningShopper | null, now: number): RecommendRequest {
  return {
    surface: { kind: 'home' },
    shopper: shopper ? shopperWith(shopper.purchases) : null,
    limit: HOME_LIMIT,
    now,
    reorderReminders: false,
  };
}

export function homeBlocksOf(model: ShopModel, shoppers: readonly ReturningShopper[], options: HomeBlockOptions): HomeBlocks[] {
  // Sampled visitor distributions, one per day: the visitor block does not depend on who asks.
  const visitorByDay = new Map<number, InclusionMap>();
  const sampledVisitor = (now: number): InclusionMap => {
    const day = Math.floor(now / DAY_MS);
    let estimate = visitorByDay.get(day);
    if (!estimate) {
      const request = homeRequest(null, now);
      const draws = Array.from({ length: options.visitorSamples }, (_, k) => drawBlock(model, request, seedFor(day, k)));
      visitorByDay.set(day, (estimate = sampledInclusion(draws)));
    }
    return estimate;
  };
  return shoppers.map((shopper) => {
    const request = homeRequest(shopper, shopper.at);
    const views = Array.from({ length: options.views }, (_, k) => drawBlock(model, request, k === 0 ? seedFor(shopper.customer) : seedFor(shopper.customer, k)));
    const visitorView = drawBlock(model, homeRequest(null, shopper.at), seedFor(shopper.customer, 0x7f4a7c15));
    const exact = exactInclusion(model, request);
    return {
      shopper,
      visitor: exact?.visitor ?? sampledVisitor(shopper.at),
      shopperInclusion: exact ? (exact.shopper ?? exact.visitor) : sampledInclusion(views),
      views,
      visitorView,
      withinBound: exact?.withinBound ?? true,
    };
  });
}
