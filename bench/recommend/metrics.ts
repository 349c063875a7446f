import type { HoldOut } from './online-retail-split.ts';

export interface RankingScore {
  /** Share of hold-outs whose hidden item is in the top k. */
  hitRate: number;
  /** NDCG@k with one relevant item: 1 / log2(rank + 2) when it is in the top k. */
  ndcg: number;
  n: number;
}

/** Scores a ranker on every hold-out; `rank` returns item indices, best first. */
export function scoreRankings(holdOuts: readonly HoldOut[], rank: (holdOut: HoldOut) => readonly number[], k = 10): RankingScore {
  let hits = 0;
  let gain = 0;
  for (const holdOut of holdOuts) {
    const position = rank(holdOut).slice(0, k).indexOf(holdOut.hidden);
    if (position < 0) continue;
    hits += 1;
    gain += 1 / Math.log2(position + 2);
  }
  return { hitRate: hits / holdOuts.length, ndcg: gain / holdOuts.length, n: holdOuts.length };
}

/** The k best-scoring items not in `exclude`, filled from `fallback` (popularity) when scores run out. */
export function topK(scores: Float64Array, exclude: ReadonlySet<number>, fallback: readonly number[], k: number): number[] {
  const best: number[] = [];
  for (let j = 0; j < scores.length; j++) {
    if (!(scores[j]! > 0) || exclude.has(j)) continue;
    if (best.length < k) {
      best.push(j);
      best.sort((a, b) => scores[b]! - scores[a]! || a - b);
    } else if (scores[j]! > scores[best[k - 1]!]!) {
      best[k - 1] = j;
      best.sort((a, b) => scores[b]! - scores[a]! || a - b);
    }
  }
  for (const j of fallback) {
    if (best.length >= k) break;
    if (!exclude.has(j) && !best.includes(j)) best.push(j);
  }
  return best;
}
