/**
 * The baselines of ../shared/README.md, computed in the same run on the same hidden items as Tacto: popularity,
 * raw co-occurrence and Jaccard (score_j = Σ over the basket's items i of sim(i, j)). Dense item × item
 * matrices: the split has 3,607 items, so a row per given item is one contiguous pass over 29 kB.
 */
import { topK } from './metrics.ts';
import type { Basket, HoldOut } from './online-retail-split.ts';

/**
 * Top k item indices for a query (a basket's remaining items, or a customer's history), best first, never one
 * of them nor of `exclude` (e.g. what the customer owns).
 */
export type Ranker = (query: Pick<HoldOut, 'given'> & { exclude?: ReadonlySet<number> }) => number[];

/** The query's items and its extra exclusions: what no list may hold. */
function excluded(given: readonly number[], exclude: ReadonlySet<number> | undefined): Set<number> {
  const all = new Set(given);
  if (exclude) for (const item of exclude) all.add(item);
  return all;
}

export interface Counts {
  n: number;
  /** c[i·n + j]: baskets holding both (i ≠ j); the diagonal is 0. */
  pairs: Float64Array;
  /** Baskets holding i. */
  singles: Float64Array;
  /** Items by basket count, most first (ties by index). */
  popular: number[];
  /** popularityRank[j]: j's place in `popular`, the tie-break of every ranker. */
  popularityRank: Int32Array;
}

export function countBaskets(train: readonly Basket[], n: number): Counts {
  const pairs = new Float64Array(n * n);
  const singles = new Float64Array(n);
  for (const b of train) {
    for (const i of b.items) {
      singles[i]! += 1;
      const row = i * n;
      for (const j of b.items) if (i !== j) pairs[row + j]! += 1;
    }
  }
  const popular = [...singles.keys()].sort((a, b) => singles[b]! - singles[a]! || a - b);
  const popularityRank = new Int32Array(n);
  popular.forEach((item, place) => (popularityRank[item] = place));
  return { n, pairs, singles, popular, popularityRank };
}

/**
 * score = Σ_{i ∈ given} row i of a dense n × n matrix; the top k by score, ties and zeros by popularity.
 * Given items at or beyond n were never seen in training and add nothing. Shared by co-occurrence, Jaccard
 * and EASE.
 */
export function matrixRanker(matrix: Float64Array, counts: Counts, k: number): Ranker {
  const { n, popularityRank } = counts;
  const scores = new Float64Array(n);
  return ({ given, exclude }) => {
    scores.fill(0);
    for (const i of given) {
      if (i >= n) continue;
      const row = i * n;
      for (let j = 0; j < n; j++) scores[j]! += matrix[row + j]!;
    }
    return topK(scores, popularityRank, excluded(given, exclude), k);
  };
}

export function popularityRanker(counts: Counts, k = 10): Ranker {
  const zeros = new Float64Array(counts.n);
  return ({ given, exclude }) => topK(zeros, counts.popularityRank, excluded(given, exclude), k);
}

/** score_j = Σ_i c_ij: favours whatever is bought most, hence far below Jaccard. */
export function cooccurrenceRanker(counts: Counts, k = 10): Ranker {
  return matrixRanker(counts.pairs, counts, k);
}

/** score_j = Σ_i c_ij / (c_i + c_j − c_ij), the similarities worked out once at build time. */
export function jaccardRanker(counts: Counts, k = 10): Ranker {
  const { n, pairs, singles } = counts;
  const similarity = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) {
      const c = pairs[row + j]!;
      if (c > 0) similarity[row + j] = c / (singles[i]! + singles[j]! - c);
    }
  }
  return matrixRanker(similarity, counts, k);
}
