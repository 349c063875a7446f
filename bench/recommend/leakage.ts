/**
 * Leakage: how well an observer who sees only a logged-in shopper's home block guesses the shopper's
 * most-bought category, taking the most frequent category in the block (ties go to the category that is more
 * bought overall, the observer's best prior). The baseline guesses the globally most-bought category for
 * everyone. Shoppers: every customer of the test period with orders before it, at their first test order.
 */
import type { ShopModel } from '../../server/recommend/model/shop-model.ts';
import type { Purchase } from '../../server/recommend/types.ts';
import type { Basket } from './online-retail-split.ts';
import { homeBlock } from './tacto-ranker.ts';

export interface LeakageResult {
  shoppers: number;
  /** Share of shoppers whose most-bought category the observer names from the block. */
  observerAccuracy: number;
  /** Share named by always guessing the globally most-bought category. */
  baseRate: number;
  /** Personal (history-driven) picks per block, on average. */
  personalPerBlock: number;
}

function mostFrequent(categories: readonly string[], prior: ReadonlyMap<string, number>): string | null {
  const counts = new Map<string, number>();
  for (const c of categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best: string | null = null;
  for (const [c, n] of counts) {
    const bestCount = best === null ? -1 : counts.get(best)!;
    if (n > bestCount || (n === bestCount && (prior.get(c) ?? 0) > (prior.get(best!) ?? 0))) best = c;
  }
  return best;
}

export function measureLeakage(
  model: ShopModel,
  train: readonly Basket[],
  test: readonly Basket[],
  purchases: ReadonlyMap<number, Purchase[]>,
  categoryOf: (item: number) => string,
): LeakageResult {
  const global = new Map<string, number>();
  for (const b of train) for (const i of b.items) global.set(categoryOf(i), (global.get(categoryOf(i)) ?? 0) + 1);
  const globalTop = [...global.entries()].sort((a, b) => b[1] - a[1])[0]![0];

  const firstTestVisit = new Map<number, number>();
  for (const b of test) if (!firstTestVisit.has(b.customer)) firstTestVisit.set(b.customer, b.time);
  let shoppers = 0;
  let observerRight = 0;
  let baseRight = 0;
  let personal = 0;
  for (const [customer, at] of firstTestVisit) {
    const history = purchases.get(customer);
    if (!history || history.length === 0) continue;
    const truth = mostFrequent(history.map((p) => categoryOf(p.productId)), global)!;
    const block = homeBlock(model, history, at);
    const guess = mostFrequent(block.ids.map(categoryOf), global);
    shoppers += 1;
    personal += block.personal;
    if (guess === truth) observerRight += 1;
    if (globalTop === truth) baseRight += 1;
  }
  return { shoppers, observerAccuracy: observerRight / shoppers, baseRate: baseRight / shoppers, personalPerBlock: personal / shoppers };
}
