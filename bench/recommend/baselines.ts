/**
 * The baselines of ../shared/README.md, computed in the same run on the same hidden items as Tacto: popularity,
 * raw co-occurrence and Jaccard (score_j = Σ over the basket's items i of sim(i, j)). Dense item × item counts:
 * the split has 3,607 items.
 */
import { topK } from './metrics.ts';
import type { Basket, HoldOut } from './online-retail-split.ts';

export type Ranker = (holdOut: HoldOut) => number[];

export interface Counts {
  n: number;
  /** c[i·n + j]: baskets holding both (i ≠ j). */
  pairs: Float64Array;
  /** Baskets holding i. */
  singles: Float64Array;
  /** Items by basket count, most first. */
  popular: number[];
}

export function countBaskets(train: readonly Basket[], n: number): Counts {
  const pairs = new Float64Array(n * n);
  const singles = new Float64Array(n);
  for (const b of train) {
    for (const i of b.items) {
      singles[i]! += 1;
      for (const j of b.items) if (i !== j) pairs[i * n + j]! += 1;
    }
  }
  const popular = [...singles.keys()].sort((a, b) => singles[b]! - singles[a]! || a - b);
  return { n, pairs, singles, popular };
}

export function popularityRanker(counts: Counts, k = 10): Ranker {
  return ({ given }) => topK(new Float64Array(0), new Set(given), counts.popular, k);
}

function similarityRanker(counts: Counts, similarity: (c: number, ci: number, cj: number) => number, k: number): Ranker {
  const { n, pairs, singles, popular } = counts;
  const scores = new Float64Array(n);
  return ({ given }) => {
    scores.fill(0);
    for (const i of given) {
      if (i >= n) continue;
      const row = i * n;
      for (let j = 0; j < n; j++) {
        const c = pairs[row + j]!;
        if (c > 0) scores[j]! += similarity(c, singles[i]!, singles[j]!);
      }
    }
    return topK(scores, new Set(given), popular, k);
  };
}

export function cooccurrenceRanker(counts: Counts, k = 10): Ranker {
  return similarityRanker(counts, (c) => c, k);
}

export function jaccardRanker(counts: Counts, k = 10): Ranker {
  return similarityRanker(counts, (c, ci, cj) => c / (ci + cj - c), k);
}
