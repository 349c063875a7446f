import { DrawSeeds } from '../../server/recommendations/draw-seeds.ts';

/**
 * The real seeds, except that every visitor's view uses the same one: a visitor's answer, an opted-out shopper's
 * and a shopper's without consent must then be byte for byte the same when nothing of the shopper reaches the
 * engine — which is the promise those tests check. Shopper seeds stay keyed HMACs, one per page and day.
 */
export class FixedVisitorSeeds extends DrawSeeds {
  constructor(private readonly fixed = 1) {
    super(Buffer.alloc(32, 7));
  }

  override visitor(): number {
    return this.fixed;
  }
}
