/**
 * The shoppers of the storefront measurements: each customer's train purchases as the engine receives them
 * (every purchase, any age, one entry per product — owned means owned), and the returning customers at their
 * first visit of the test period with the order they placed then.
 */
import type { Purchase } from '../../server/recommend/types.ts';
import type { Basket } from './online-retail-split.ts';

/** Per customer, every product they bought in `baskets`: the last time and how many orders. */
export function purchasesAnyAge(baskets: readonly Basket[]): Map<number, Purchase[]> {
  const folded = new Map<number, Map<number, Purchase>>();
  for (const basket of baskets) {
    let products = folded.get(basket.customer);
    if (!products) folded.set(basket.customer, (products = new Map()));
    for (const productId of basket.items) {
      const seen = products.get(productId);
      products.set(productId, {
        productId,
        orderedAt: Math.max(seen?.orderedAt ?? basket.time, basket.time),
        orders: (seen?.orders ?? 0) + 1,
      });
    }
  }
  return new Map([...folded].map(([customer, products]) => [customer, [...products.values()]]));
}

export interface ReturningShopper {
  customer: number;
  /** Their first visit of the test period: when they placed their first test order. */
  at: number;
  /** Every train purchase, any age, one entry per product. */
  purchases: readonly Purchase[];
  owned: ReadonlySet<number>;
  /** The items of that first test order. */
  nextOrder: readonly number[];
}

/** Customers of the test period with train orders, at their first test order (in time order of that visit). */
export function returningShoppers(test: readonly Basket[], purchases: ReadonlyMap<number, readonly Purchase[]>): ReturningShopper[] {
  const shoppers: ReturningShopper[] = [];
  const seen = new Set<number>();
  for (const basket of test) {
    if (seen.has(basket.customer)) continue;
    seen.add(basket.customer);
    const history = purchases.get(basket.customer);
    if (!history || history.length === 0) continue;
    shoppers.push({
      customer: basket.customer,
      at: basket.time,
      purchases: history,
      owned: new Set(history.map((p) => p.productId)),
      nextOrder: basket.items,
    });
  }
  return shoppers;
}
