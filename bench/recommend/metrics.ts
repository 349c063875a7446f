import type { HoldOut } from './online-retail-split.ts';

export interface RankingScore {
  /** Share of hold-outs whose hidden item is in the top k. */
  hitRate: number;
  /** NDCG@k with one relevant item: 1 / log2(rank + 2) when it is in the top k (rank 0 = first). */
  ndcg: number;
  n: number;
}

/** A model's list for one hold-out: item indices, best first. */
export type RankFunction = (holdOut: HoldOut) => readonly number[];

/** Where each hold-out's hidden item landed in its top k (0 = first), or −1 when it is not there. */
export function hitRanks(holdOuts: readonly HoldOut[], rank: RankFunction, k = 10): Int32Array {
  const ranks = new Int32Array(holdOuts.length);
  holdOuts.forEach((holdOut, h) => {
    ranks[h] = rank(holdOut).slice(0, k).indexOf(holdOut.hidden);
  });
  return ranks;
}

/** HR@k and NDCG@k over every hold-out; a hidden item unseen in training simply counts as a miss. */
export function scoreRankings(holdOuts: readonly HoldOut[], rank: RankFunction, k = 10): RankingScore {
  let hits = 0;
  let gain = 0;
  for (const position of hitRanks(holdOuts, rank, k)) {
    if (position < 0) continue;
    hits += 1;
    gain += 1 / Math.log2(position + 2);
  }
  const n = holdOuts.length;
  return { hitRate: n ? hits / n : 0, ndcg: n ? gain / n : 0, n };
}

/**
 * The k items with the highest scores, never one of `exclude`, ties (zeros included) broken by popularity:
 * `popularityRank[j]` is j's place in the popularity order, so with all-zero scores this is the popularity
 * list. One pass with a sorted list of k — no sort of all items.
 */
export function topK(scores: Float64Array, popularityRank: Int32Array, exclude: ReadonlySet<number>, k: number): number[] {
  const best: number[] = [];
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && popularityRank[a]! < popularityRank[b]!);
  for (let j = 0; j < scores.length; j++) {
    if (best.length === k && !better(j, best[k - 1]!)) continue;
    if (exclude.has(j)) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && better(j, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at -= 1;
    }
    best[at] = j;
  }
  return best;
}
