/**
 * The 95 % t-interval of a paired difference: two models scored on the same draws, so the draw-to-draw
 * movement they share cancels and only their difference is judged.
 */

/** t_{0.975, df} for df = 1..30 (Student's t, two-sided 95 %). */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The two-sided 95 % quantile of t with `df` degrees of freedom; past 30, df = 30's (slightly wide: t falls with df). */
export function t975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new Error(`t975: degrees of freedom must be a positive integer, got ${df}`);
  return T_975[Math.min(df, T_975.length) - 1]!;
}

export interface PairedInterval {
  n: number;
  meanA: number;
  meanB: number;
  /** Mean of a_k − b_k. */
  meanDifference: number;
  /** The 95 % interval of the mean difference: mean ± t_{0.975, n−1} · s / √n. */
  low: number;
  high: number;
}

const mean = (xs: readonly number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;

/** a and b: the same draws' figures, in the same order (at least two). */
export function pairedTInterval(a: readonly number[], b: readonly number[]): PairedInterval {
  if (a.length !== b.length) throw new Error(`pairedTInterval: ${a.length} against ${b.length} draws`);
  const n = a.length;
  if (n < 2) throw new Error('pairedTInterval: needs at least two draws');
  const differences = a.map((x, k) => x - b[k]!);
  const meanDifference = mean(differences);
  const variance = differences.reduce((sum, d) => sum + (d - meanDifference) ** 2, 0) / (n - 1);
  const half = t975(n - 1) * Math.sqrt(variance / n);
  return { n, meanA: mean(a), meanB: mean(b), meanDifference, low: meanDifference - half, high: meanDifference + half };
}
