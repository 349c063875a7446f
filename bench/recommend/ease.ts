/**
 * Full EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019) as the quality bar:
 * G = XᵀX + λI over binary basket × item rows, P = G⁻¹, B_ij = −P_ij / P_jj, B_jj = 0, score = x·B. The inverse
 * of the dense item × item matrix is the whole cost — O(items³), which is why Tacto fits EASE per
 * neighbourhood instead (server/recommend/model).
 */
import { matrixRanker, type Counts, type Ranker } from './baselines.ts';

/** Rows and columns per block: a block of rows × K_TILE doubles (128 kB) stays in L2 while other rows stream. */
const BLOCK = 64;
const K_TILE = 256;

/**
 * c[i·n + j] += alpha · Σ_{k0 ≤ k < k1} x[i·n + k] · y[j·n + k] for i0 ≤ i < i1, j0 ≤ j < j1: every product the
 * inverse needs is a dot of two contiguous row segments. Tiles of 4 x-rows × 2 y-rows keep eight independent
 * sums in registers (two loads per four multiply-adds instead of two per one); the last partial tile reuses
 * row i0 or j0 as a stand-in and drops those sums.
 */
function addRowProducts(
  c: Float64Array, x: Float64Array, y: Float64Array, n: number,
  i0: number, i1: number, j0: number, j1: number, k0: number, k1: number, alpha: number,
): void {
  for (let kt = k0; kt < k1; kt += K_TILE) {
    const ke = Math.min(kt + K_TILE, k1);
    for (let i = i0; i < i1; i += 4) {
      const xa = i * n;
      const xb = i + 1 < i1 ? xa + n : xa;
      const xc = i + 2 < i1 ? xa + 2 * n : xa;
      const xd = i + 3 < i1 ? xa + 3 * n : xa;
      for (let j = j0; j < j1; j += 2) {
        const ya = j * n;
        const yb = j + 1 < j1 ? ya + n : ya;
        let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
        for (let k = kt; k < ke; k++) {
          const b0 = y[ya + k]!, b1 = y[yb + k]!;
          const a0 = x[xa + k]!, a1 = x[xb + k]!, a2 = x[xc + k]!, a3 = x[xd + k]!;
          s00 += a0 * b0; s01 += a0 * b1; s10 += a1 * b0; s11 += a1 * b1;
          s20 += a2 * b0; s21 += a2 * b1; s30 += a3 * b0; s31 += a3 * b1;
        }
        const two = yb !== ya;
        c[xa + j]! += alpha * s00;
        if (two) c[xa + j + 1]! += alpha * s01;
        if (xb !== xa) { c[xb + j]! += alpha * s10; if (two) c[xb + j + 1]! += alpha * s11; }
        if (xc !== xa) { c[xc + j]! += alpha * s20; if (two) c[xc + j + 1]! += alpha * s21; }
        if (xd !== xa) { c[xd + j]! += alpha * s30; if (two) c[xd + j + 1]! += alpha * s31; }
      }
    }
  }
}

/**
 * Inverse of a symmetric positive definite n×n matrix (row-major; only the lower triangle is read), in place:
 * returns `a` itself, overwritten by the inverse with both triangles filled. Three blocked passes of n³/6
 * multiply-adds each, all through addRowProducts:
 *   1. Cholesky A = LLᵀ, left-looking by column blocks (L in the lower triangle of a);
 *   2. U = L⁻ᵀ from U·Lᵀ = I, which makes U_ij a dot of row i of U and row j of L (U in a second array);
 *   3. A⁻¹ = L⁻ᵀL⁻¹ = UUᵀ, lower blocks written into a, then mirrored.
 * Throws when a pivot is not positive (the matrix is not SPD).
 */
export function invertSpd(a: Float64Array, n: number): Float64Array {
  for (let j0 = 0; j0 < n; j0 += BLOCK) {
    const j1 = Math.min(j0 + BLOCK, n);
    // Columns j0..j1 of every row below, less what earlier blocks of L account for; then the block itself.
    addRowProducts(a, a, a, n, j0, n, j0, j1, 0, j0, -1);
    for (let j = j0; j < j1; j++) {
      const rj = j * n;
      let pivot = a[rj + j]!;
      for (let k = j0; k < j; k++) pivot -= a[rj + k]! * a[rj + k]!;
      if (!(pivot > 0)) throw new Error(`invertSpd: matrix is not positive definite (pivot ${j} is ${pivot})`);
      pivot = Math.sqrt(pivot);
      a[rj + j] = pivot;
      for (let i = j + 1; i < n; i++) {
        const ri = i * n;
        let sum = a[ri + j]!;
        for (let k = j0; k < j; k++) sum -= a[ri + k]! * a[rj + k]!;
        a[ri + j] = sum / pivot;
      }
    }
  }
  // U_ij (j ≥ i) = (δ_ij − Σ_{i ≤ k < j} U_ik L_jk) / L_jj. U's zero lower triangle lets whole blocks run from i0.
  const u = new Float64Array(n * n);
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const i1 = Math.min(i0 + BLOCK, n);
    for (let j0 = i0; j0 < n; j0 += BLOCK) {
      const j1 = Math.min(j0 + BLOCK, n);
      addRowProducts(u, u, a, n, i0, i1, j0, j1, i0, j0, -1);
      for (let i = i0; i < i1; i++) {
        const ri = i * n;
        for (let j = Math.max(j0, i); j < j1; j++) {
          const rj = j * n;
          let sum = (i === j ? 1 : 0) + u[ri + j]!;
          for (let k = Math.max(j0, i); k < j; k++) sum -= u[ri + k]! * a[rj + k]!;
          u[ri + j] = sum / a[rj + j]!;
        }
      }
    }
  }
  // (UUᵀ)_ij = Σ_{k ≥ max(i, j)} U_ik U_jk; blocks on or below the diagonal, k from the row block's start.
  a.fill(0);
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const i1 = Math.min(i0 + BLOCK, n);
    for (let j0 = 0; j0 < i1; j0 += BLOCK) addRowProducts(a, u, u, n, i0, i1, j0, Math.min(j0 + BLOCK, i1), i0, n, 1);
  }
  for (let r = 1; r < n; r++) for (let c = 0; c < r; c++) a[c * n + r] = a[r * n + c]!;
  return a;
}

export interface EaseModel {
  rank: Ranker;
  /** Gram matrix, inverse and weights, in milliseconds. */
  buildMs: number;
  /** The inverse alone. */
  invertMs: number;
}

/** EASE with penalty λ on the same counts as the other baselines (c_ij = (XᵀX)_ij, c_i = (XᵀX)_ii). */
export function easeRanker(counts: Counts, lambda: number, k = 10): EaseModel {
  const started = performance.now();
  const { n, pairs, singles } = counts;
  const gram = Float64Array.from(pairs);
  for (let i = 0; i < n; i++) gram[i * n + i] = singles[i]! + lambda;
  const inverting = performance.now();
  const p = invertSpd(gram, n);
  const invertMs = performance.now() - inverting;
  // B in place of P: column j divided by −P_jj, diagonal zero (the constraint that rules out B = I).
  const diagonal = new Float64Array(n);
  for (let j = 0; j < n; j++) diagonal[j] = p[j * n + j]!;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) p[row + j] = -p[row + j]! / diagonal[j]!;
    p[row + i] = 0;
  }
  return { rank: matrixRanker(p, counts, k), buildMs: performance.now() - started, invertMs };
}
