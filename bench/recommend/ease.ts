/**
 * Full EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019) as the quality bar:
 * P = (XᵀX + λI)⁻¹, B_ij = −P_ij / P_jj, B_jj = 0, score = x·B. The inverse of the dense item × item matrix is
 * the whole cost — O(items³), which is why Tacto fits EASE per neighbourhood instead (server/recommend/model).
 */
import type { Counts, Ranker } from './baselines.ts';
import { topK } from './metrics.ts';

/**
 * Inverse of a symmetric positive definite n×n matrix (row-major, lower triangle read), by Cholesky:
 * A = LLᵀ, X = L⁻¹ row by row (each row an axpy over earlier rows), P = XᵀX as a sum of row outer products.
 * Every inner loop runs over contiguous memory. Returns P with both triangles filled; `a` is destroyed.
 */
export function invertSpd(a: Float64Array, n: number): Float64Array {
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * n;
      let sum = a[rowI + j]!;
      for (let k = 0; k < j; k++) sum -= a[rowI + k]! * a[rowJ + k]!;
      a[rowI + j] = i === j ? Math.sqrt(sum) : sum / a[rowJ + j]!;
    }
  }
  const x = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    x[rowI + i] = 1;
    for (let k = 0; k < i; k++) {
      const factor = a[rowI + k]!;
      if (factor === 0) continue;
      const rowK = k * n;
      for (let c = 0; c <= k; c++) x[rowI + c]! -= factor * x[rowK + c]!;
    }
    const diagonal = a[rowI + i]!;
    for (let c = 0; c <= i; c++) x[rowI + c]! /= diagonal;
  }
  a.fill(0);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    for (let r = 0; r <= i; r++) {
      const factor = x[rowI + r]!;
      if (factor === 0) continue;
      const rowR = r * n;
      for (let c = 0; c <= r; c++) a[rowR + c]! += factor * x[rowI + c]!;
    }
  }
  for (let r = 0; r < n; r++) for (let c = 0; c < r; c++) a[c * n + r] = a[r * n + c]!;
  return a;
}

/** EASE with penalty λ on the same counts as the other baselines; also reports how long the fit took. */
export function easeRanker(counts: Counts, lambda: number, k = 10): { rank: Ranker; buildMs: number } {
  const started = performance.now();
  const { n, pairs, singles, popular } = counts;
  const gram = Float64Array.from(pairs);
  for (let i = 0; i < n; i++) gram[i * n + i] = singles[i]! + lambda;
  const p = invertSpd(gram, n);
  // B in place of P: column j divided by −P_jj, diagonal zero.
  const diagonal = new Float64Array(n);
  for (let j = 0; j < n; j++) diagonal[j] = p[j * n + j]!;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) p[i * n + j] = i === j ? 0 : -p[i * n + j]! / diagonal[j]!;
  const buildMs = performance.now() - started;
  const scores = new Float64Array(n);
  const rank: Ranker = ({ given }) => {
    scores.fill(0);
    for (const i of given) {
      if (i >= n) continue;
      const row = i * n;
      for (let j = 0; j < n; j++) scores[j]! += p[row + j]!;
    }
    return topK(scores, new Set(given), popular, k);
  };
  return { rank, buildMs };
}
