/**
 * Tacto's engine on the Online Retail split, as a store would run it: stock codes become catalog products (the
 * data set has no product types, taxonomy or tags, so substitutes are only the item itself), train baskets
 * become orders, and each hold-out is a cart request by a logged-in customer whose earlier orders are their
 * history — every privacy rule on.
 */
import { recommend, explain } from '../../server/recommend/engine.ts';
import { ShopModel } from '../../server/recommend/model/shop-model.ts';
import { DAY_MS, DEFAULT_POLICY, type RecommendPolicy } from '../../server/recommend/policy.ts';
import type { CatalogProduct, Purchase, Shopper, Surface } from '../../server/recommend/types.ts';
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

/**
 * The engine completing a basket. With reorder reminders (rule 1's exception) by default, as the engine was
 * tuned; storefront blocks ask for none, and the bench reports that configuration beside it.
 */
export function tactoRanker(model: ShopModel, purchases: Map<number, Purchase[]>, reorderReminders = true) {
  return (given: readonly number[], basket: Basket, limit = 10): number[] =>
    recommend(model, {
      surface: { kind: 'cart', productIds: given },
      shopper: shopperWith(purchasesInWindowOf(purchases.get(basket.customer) ?? [], basket.time, model.policy)),
      limit,
      now: basket.time,
      reorderReminders,
    });
}

/** The logged-in home block: what the leakage observer sees. */
export function homeBlock(model: ShopModel, purchases: readonly Purchase[], now: number, limit = 10): { ids: number[]; personal: number } {
  const surface: Surface = { kind: 'home' };
  const { picks } = explain(model, { surface, shopper: shopperWith(purchasesInWindowOf(purchases, now, model.policy)), limit, now, reorderReminders: true });
  return { ids: picks.map((p) => p.productId), personal: picks.filter((p) => p.source === 'history' || p.source === 'reorder').length };
}
