/**
 * Next-order quality (issue point 6(b)): returning customers, their train history as the query, scored on the
 * items of their first test-period order that are new to them (not among their train purchases). An item never
 * seen in training stays in the denominator: a miss for every model alike.
 */
import type { InclusionMap } from './engine-view.ts';
import type { HomeBlocks } from './home-blocks.ts';
import type { ReturningShopper } from './shoppers.ts';

export const NEXT_ORDER_K = 10;

export interface NextOrderScore {
  /** Shoppers whose next order holds at least one new item (the others are not scored). */
  shoppers: number;
  /** Mean over those shoppers of |hits in the top k| / |new items|. */
  recall: number;
  /** Mean NDCG@k with binary relevance; the ideal list puts min(k, |new|) new items first. */
  ndcg: number;
  /** Mean number of new items per scored shopper. */
  meanNewItems: number;
}

/** The items of the shopper's next order they never bought before. */
export function newItems(shopper: ReturningShopper): number[] {
  return shopper.nextOrder.filter((item) => !shopper.owned.has(item));
}

export function recallAt(list: readonly number[], relevant: ReadonlySet<number>, k = NEXT_ORDER_K): number {
  if (relevant.size === 0) return 0;
  return list.slice(0, k).filter((item) => relevant.has(item)).length / relevant.size;
}

export function ndcgAt(list: readonly number[], relevant: ReadonlySet<number>, k = NEXT_ORDER_K): number {
  let dcg = 0;
  list.slice(0, k).forEach((item, rank) => {
    if (relevant.has(item)) dcg += 1 / Math.log2(rank + 2);
  });
  let ideal = 0;
  for (let rank = 0; rank < Math.min(k, relevant.size); rank++) ideal += 1 / Math.log2(rank + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

/** Recall of a random block, in expectation over its draw: Σ πs over the new items / |new items|. */
export function expectedRecall(inclusion: InclusionMap, relevant: ReadonlySet<number>): number {
  if (relevant.size === 0) return 0;
  let sum = 0;
  for (const item of relevant) sum += inclusion.get(item) ?? 0;
  return sum / relevant.size;
}

function average(rows: readonly { recall: number; ndcg: number; size: number }[]): NextOrderScore {
  const n = rows.length;
  const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    shoppers: n,
    recall: n ? sum((r) => r.recall) / n : 0,
    ndcg: n ? sum((r) => r.ndcg) / n : 0,
    meanNewItems: n ? sum((r) => r.size) / n : 0,
  };
}

/** A deterministic model's list per shopper (it must leave out what they own). */
export function scoreNextOrders(shoppers: readonly ReturningShopper[], rank: (shopper: ReturningShopper) => readonly number[]): NextOrderScore {
  const rows = [];
  for (const shopper of shoppers) {
    const relevant = new Set(newItems(shopper));
    if (relevant.size === 0) continue;
    const list = rank(shopper);
    rows.push({ recall: recallAt(list, relevant), ndcg: ndcgAt(list, relevant), size: relevant.size });
  }
  return average(rows);
}

/**
 * Tacto's home block: recall in expectation over the draw (from πs, exact or sampled), NDCG averaged over the
 * seeded views. `inclusion` picks which probabilities count (the shopper's, or the visitor's for comparison).
 */
export function scoreBlocksOnNextOrders(
  blocks: readonly HomeBlocks[],
  inclusion: (block: HomeBlocks) => InclusionMap = (block) => block.shopperInclusion,
): NextOrderScore {
  const rows = [];
  for (const block of blocks) {
    const relevant = new Set(newItems(block.shopper));
    if (relevant.size === 0) continue;
    const ndcg = block.views.reduce((total, view) => total + ndcgAt(view, relevant), 0) / block.views.length;
    rows.push({ recall: expectedRecall(inclusion(block), relevant), ndcg, size: relevant.size });
  }
  return average(rows);
}
