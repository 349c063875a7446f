import type { Storage } from '../db/storage.ts';
import { DAY_MS } from '../recommend/policy.ts';
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
  private lastPrune = 0;

  constructor(private readonly deps: { storage: Storage; models: ShopModels; clock?: () => number }) {}

  async record(showing: Showing): Promise<void> {
    if (showing.productIds.length === 0) return;
    const now = (this.deps.clock ?? Date.now)();
    const { recommendations } = this.deps.storage;
    await recommendations.recordImpressions(showing.shop, showing.customerId, [...showing.productIds], showing.surface, new Date(now).toISOString(), showing.view);
    // Impressions exist only for the frequency cap: forget them once the cap no longer looks at them.
    if (now - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = now;
      const { policy } = await this.deps.models.get(showing.shop);
      await recommendations.pruneImpressions(new Date(now - policy.frequencyCapDays * DAY_MS).toISOString());
    }
  }
}
