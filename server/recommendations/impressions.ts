import type { Storage } from '../db/storage.ts';
import { DAY_MS, servesShoppersPersonally } from '../recommend/policy.ts';
import { RANGES } from '../recommend/settings/schema.ts';
import type { ShopModels } from './model-cache.ts';

const PRUNE_EVERY_MS = 3_600_000;

/** What one view showed a shopper: a storefront page view's cards that came into view, or a sent follow-up's complements. */
export interface Showing {
  shop: string;
  customerId: number;
  /** Names the view: `page:<id>` or `mail:<order id>`. A product counts once per view. */
  view: string;
  productIds: readonly number[];
  /** Where it was shown: `storefront` or `email`. */
  surface: string;
}

/**
 * What identified shoppers were really shown, for the frequency cap. Only the storefront's "seen" beacon and a
 * follow-up the SMTP server accepted record here: serving picks records nothing, so a block that was never
 * scrolled to (or a request repeated by a crawler or a retry) does not count. Callers check the shopper's
 * consent first.
 */
export class ImpressionLog {
  /** When each shop's impressions were last pruned (bounded: a shop counts once, whatever its traffic). */
  private readonly lastPrune = new Map<string, number>();

  constructor(private readonly deps: { storage: Storage; models: ShopModels; clock?: () => number }) {}

  async record(showing: Showing): Promise<void> {
    if (showing.productIds.length === 0) return;
    // A shop with no personal picks has no frequency cap to feed: nothing about the shopper is kept.
    if (!servesShoppersPersonally(await this.deps.models.settings.policy(showing.shop))) return;
    const now = (this.deps.clock ?? Date.now)();
    const { recommendations } = this.deps.storage;
    await recommendations.recordImpressions(showing.shop, showing.customerId, [...showing.productIds], showing.surface, new Date(now).toISOString(), showing.view);
    // Impressions exist only for the frequency cap: forget them once the shop's cap no longer looks at them (each
    // shop sets its own period), and everyone's beyond the longest period a shop may set, quiet shops included.
    if (now - (this.lastPrune.get(showing.shop) ?? 0) > PRUNE_EVERY_MS) {
      if (this.lastPrune.size >= 10_000) this.lastPrune.clear();
      this.lastPrune.set(showing.shop, now);
      const policy = await this.deps.models.settings.policy(showing.shop);
      await recommendations.pruneImpressions(new Date(now - policy.frequencyCapDays * DAY_MS).toISOString(), showing.shop);
      await recommendations.pruneImpressions(new Date(now - Math.max(policy.frequencyCapDays, RANGES.frequencyCapDays.max) * DAY_MS).toISOString());
    }
  }
}
