import type { Storage } from '../db/storage.ts';
import { explain, inclusion, recommend, type Inclusion } from '../recommend/engine.ts';
import { DAY_MS, servesShoppersPersonally, type RecommendPolicy } from '../recommend/policy.ts';
import { isDeclaredTopic } from '../recommend/store-topics.ts';
import type { Explanation, RecommendRequest, Shopper, Surface } from '../recommend/types.ts';
import { DrawSeeds } from './draw-seeds.ts';
import { ImpressionLog } from './impressions.ts';
import type { ShopModels } from './model-cache.ts';

export interface RecommendationInput {
  shop: string;
  surface: Surface;
  /** Shopify customer id of a logged-in shopper, or null for a visitor. */
  customerId: number | null;
  limit: number;
  /**
   * False when the storefront says processing is not allowed (Shopify's Customer Privacy API) or the channel
   * lacks consent: the shopper is then served as a visitor. The shopper's own "off" is read from storage.
   */
  consentAllowsPersonalization: boolean;
}

/**
 * The engine on live data: loads what the engine needs of the shop and the shopper and runs the pure decision.
 * Deciding records nothing: what a shopper was really shown reaches `impressions` from the storefront's "seen"
 * beacon and from a sent follow-up. Storefront and email call `recommend`; only the admin calls `explain`.
 */
export class RecommendationService {
  /** What identified shoppers were shown (the frequency cap reads it back through `recommend`). */
  readonly impressions: ImpressionLog;
  private readonly seeds: DrawSeeds;

  constructor(private readonly deps: { storage: Storage; models: ShopModels; clock?: () => number; seeds?: DrawSeeds }) {
    this.impressions = new ImpressionLog(deps);
    this.seeds = deps.seeds ?? new DrawSeeds();
  }

  private now(): number {
    return (this.deps.clock ?? Date.now)();
  }

  /** Product ids to show. Records nothing. */
  async recommend(input: RecommendationInput): Promise<number[]> {
    const model = await this.deps.models.get(input.shop);
    return recommend(model, await this.request(input, model.policy));
  }

  /** The decision with its reasons, for the merchant only. Records nothing. */
  async explain(input: RecommendationInput): Promise<Explanation> {
    const model = await this.deps.models.get(input.shop);
    return explain(model, await this.request(input, model.policy));
  }

  /** Each product's probability of being in one view of this page, for the shopper and for a visitor. Records nothing. */
  async inclusion(input: RecommendationInput): Promise<Inclusion> {
    const model = await this.deps.models.get(input.shop);
    return inclusion(model, await this.request(input, model.policy));
  }

  private async request(input: RecommendationInput, policy: RecommendPolicy): Promise<RecommendRequest> {
    const now = this.now();
    const shopper = input.customerId === null ? null : await this.shopper(input, input.customerId, now, policy);
    // A visitor's and an opted-out shopper's view: a fresh draw; a shopper's: one secret draw per page and day.
    const seed = shopper?.personalizationAllowed && input.customerId !== null ? this.seeds.shopper(input.shop, input.customerId, input.surface, now) : this.seeds.visitor();
    // Reorder reminders only in a follow-up, which the buyer alone reads, and only when the merchant turned them
    // on: a storefront block never brings back something the shopper bought.
    const reorderReminders = input.surface.kind === 'email' && (await this.deps.models.settings.settings(input.shop)).reorderReminders;
    // The merchant's rules as saved now: a save moves the model version, so no answer cached before it is served.
    const merchandising = await this.deps.models.merchandising.of(input.shop);
    return { surface: input.surface, shopper, limit: input.limit, now, reorderReminders, seed, merchandising };
  }

  private async shopper(input: RecommendationInput, customerId: number, now: number, policy: RecommendPolicy): Promise<Shopper> {
    const { recommendations } = this.deps.storage;
    // A shop with no personal picks (share 0 %) is served to everyone as to a visitor: nothing of theirs is read.
    const allowed =
      servesShoppersPersonally(policy) &&
      input.consentAllowsPersonalization &&
      (await recommendations.settings(input.shop, customerId)).personalization === 'on';
    if (!allowed) {
      // Off means off at the edge too: the shopper's orders are not even read, and nothing reaches the engine.
      return { personalizationAllowed: false, purchases: [], feedback: [], declaredTopics: [], recentImpressions: new Map() };
    }
    const record = await recommendations.shopper(
      input.shop,
      customerId,
      // Every purchase, whatever its age: owned means owned (the engine decides what still shapes picks).
      new Date(0).toISOString(),
      new Date(now - policy.frequencyCapDays * DAY_MS).toISOString(),
    );
    return {
      personalizationAllowed: true,
      purchases: record.purchases,
      feedback: record.feedback,
      declaredTopics: record.settings.declaredTopics.filter(isDeclaredTopic),
      recentImpressions: record.impressions,
    };
  }
}
