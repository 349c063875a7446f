/**
 * Tacto's engine on the Online Retail split, as a store would run it: stock codes become catalog products (the
 * data set has no product types, taxonomy or tags, so substitutes are only the item itself), train baskets
 * become orders, and a logged-in customer's earlier orders are their history — every privacy rule on.
 */
import { ShopModel } from '../../server/recommend/model/shop-model.ts';
import { DAY_MS, DEFAULT_POLICY, type RecommendPolicy } from '../../server/recommend/policy.ts';
import type { CatalogProduct, Purchase, Shopper } from '../../server/recommend/types.ts';
import type { Basket, OnlineRetailSplit } from './online-retail-split.ts';

export function catalogOf(split: OnlineRetailSplit): CatalogProduct[] {
  return split.descriptions.slice(0, split.trainItems).map((title, id) => ({
    id,
    title,
    productType: '',
    categoryId: null,
    tags: [],
    collectionIds: [],
    available: true,
  }));
}

export function buildModel(split: OnlineRetailSplit, baskets: readonly Basket[], policy: RecommendPolicy = DEFAULT_POLICY): ShopModel {
  const now = baskets.at(-1)?.time ?? 0;
  return ShopModel.build(
    catalogOf(split),
    baskets.map((b) => ({ customerId: b.customer, orderedAt: b.time, productIds: b.items })),
    policy,
    now,
  );
}

/** Each customer's purchases, for the shopper side of a request. */
export function purchasesByCustomer(baskets: readonly Basket[]): Map<number, Purchase[]> {
  const byCustomer = new Map<number, Purchase[]>();
  for (const b of baskets) {
    let list = byCustomer.get(b.customer);
    if (!list) byCustomer.set(b.customer, (list = []));
    for (const productId of b.items) list.push({ productId, orderedAt: b.time });
  }
  return byCustomer;
}

export function shopperWith(purchases: readonly Purchase[]): Shopper {
  return { personalizationAllowed: true, purchases, feedback: [], declaredTopics: [], recentImpressions: new Map() };
}

/**
 * The customer's purchases since the start of the history window, as the app's storage query returns them
 * (RecommendationService asks only for those, one entry per product). `purchases` must be in time order.
 */
export function purchasesInWindowOf(purchases: readonly Purchase[], now: number, policy: RecommendPolicy = DEFAULT_POLICY): Purchase[] {
  const since = now - policy.historyWindowDays * DAY_MS;
  let low = 0;
  let high = purchases.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (purchases[mid]!.orderedAt <= since) low = mid + 1;
    else high = mid;
  }
  // Folded per product, as the storage query folds them (last time, number of orders).
  const folded = new Map<number, Purchase>();
  for (let k = low; k < purchases.length && purchases[k]!.orderedAt <= now; k++) {
    const p = purchases[k]!;
    const seen = folded.get(p.productId);
    if (seen) folded.set(p.productId, { productId: p.productId, orderedAt: Math.max(seen.orderedAt, p.orderedAt), orders: (seen.orders ?? 1) + 1 });
    else folded.set(p.productId, { productId: p.productId, orderedAt: p.orderedAt, orders: 1 });
  }
  return [...folded.values()];
}
