import type { Surface } from '../../server/recommend/types.ts';
import { DrawSeeds } from '../../server/recommendations/draw-seeds.ts';

/**
 * The real seeds, except that every visitor's view uses the same one: a visitor's answer, an opted-out shopper's
 * and a shopper's without consent must then be byte for byte the same when nothing of the shopper reaches the
 * engine — which is the promise those tests check. Shopper seeds stay keyed HMACs, one per page — and the same on
 * every day, so that no test's outcome depends on the date it runs.
 */
export class FixedVisitorSeeds extends DrawSeeds {
  constructor(private readonly fixed = 1) {
    super(Buffer.alloc(32, 7));
  }

  override visitor(): number {
    return this.fixed;
  }

  override shopper(shop: string, customerId: number, surface: Surface): number {
    return super.shopper(shop, customerId, surface, 0);
  }
}
