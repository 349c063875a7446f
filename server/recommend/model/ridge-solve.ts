/**
 * Solves (A + λI) x = b for a small symmetric positive definite A by Cholesky factorisation, in place on
 * row-major Float64Arrays. Used once per product to fit its co-purchase weights, so it is kept allocation-free.
 * `a` (m×m, only the lower triangle is read) is overwritten by the factor; `b` (length m) by the solution.
 */
export function choleskySolveInPlace(a: Float64Array, b: Float64Array, m: number, lambda: number): void {
  for (let j = 0; j < m; j++) {
    const rowJ = j * m;
    let diagonal = a[rowJ + j]! + lambda;
    for (let k = 0; k < j; k++) diagonal -= a[rowJ + k]! * a[rowJ + k]!;
    // λ > 0 and A is a Gram matrix, so the diagonal stays positive; the guard only protects against λ = 0.
    diagonal = Math.sqrt(Math.max(diagonal, 1e-12));
    a[rowJ + j] = diagonal;
    for (let i = j + 1; i < m; i++) {
      const rowI = i * m;
      let value = a[rowI + j]!;
      for (let k = 0; k < j; k++) value -= a[rowI + k]! * a[rowJ + k]!;
      a[rowI + j] = value / diagonal;
    }
  }
  for (let i = 0; i < m; i++) {
    const rowI = i * m;
    let value = b[i]!;
    for (let k = 0; k < i; k++) value -= a[rowI + k]! * b[k]!;
    b[i] = value / a[rowI + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let value = b[i]!;
    for (let k = i + 1; k < m; k++) value -= a[k * m + i]! * b[k]!;
    b[i] = value / a[i * m + i]!;
  }
}
