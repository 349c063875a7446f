/**
 * Basket completion over several draws of hidden items (issue point 6(c)): the models are fitted once on the
 * train split, and only which item each test basket hides changes from one draw to the next. Each model's
 * figure per draw is its mean hit over that draw's hold-outs.
 */
import type { ShopModel } from '../../server/recommend/model/shop-model.ts';
import type { Purchase, RecommendRequest } from '../../server/recommend/types.ts';
import type { Ranker } from './baselines.ts';
import { drawBlock, exactInclusion, seedFor } from './engine-view.ts';
import type { HoldOut } from './online-retail-split.ts';
import { shopperWith } from './tacto-ranker.ts';

export const CART_LIMIT = 10;

/** A model's hit for one hold-out of draw `draw`, in [0, 1]: 1 or 0 for a list, an expectation for a random block. */
export type HitFunction = (holdOut: HoldOut, draw: number) => number;

/** Per draw, the mean hit over its hold-outs. */
export function meanHitPerDraw(draws: readonly (readonly HoldOut[])[], hit: HitFunction): number[] {
  return draws.map((holdOuts, draw) => holdOuts.reduce((sum, holdOut) => sum + hit(holdOut, draw), 0) / holdOuts.length);
}

/** Hit of a ranked list: the hidden item among its first k. With `owned`, the list leaves out what the customer owns. */
export function rankerHit(rank: Ranker, owned?: ReadonlyMap<number, ReadonlySet<number>>): HitFunction {
  return (holdOut) => {
    const exclude = owned?.get(holdOut.basket.customer);
    return rank({ given: holdOut.given, exclude }).slice(0, CART_LIMIT).includes(holdOut.hidden) ? 1 : 0;
  };
}

/**
 * Tacto's cart block for the basket's customer, logged in (`purchases`: every train purchase, any age) or as a
 * visitor (`purchases` null), as the storefront asks (no reorder reminders unless `reorderReminders`). With the engine's exact inclusion the hit is πs of the
 * hidden item; otherwise one view drawn with a seed of the customer, the basket and the draw.
 */
export function tactoCartHit(model: ShopModel, purchases: ReadonlyMap<number, readonly Purchase[]> | null, reorderReminders = false): HitFunction {
  return (holdOut, draw) => {
    const { customer, time } = holdOut.basket;
    const request: RecommendRequest = {
      surface: { kind: 'cart', productIds: holdOut.given },
      shopper: purchases ? shopperWith(purchases.get(customer) ?? []) : null,
      limit: CART_LIMIT,
      now: time,
      reorderReminders,
    };
    const exact = exactInclusion(model, request);
    if (exact) return (exact.shopper ?? exact.visitor).get(holdOut.hidden) ?? 0;
    return drawBlock(model, request, seedFor(customer, Math.floor(time / 60_000), draw)).includes(holdOut.hidden) ? 1 : 0;
  };
}
