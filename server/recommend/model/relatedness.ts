import type { CooccurrenceCounts } from './cooccurrence.ts';
import { choleskySolveInPlace } from './ridge-solve.ts';

/**
 * Item-to-item relatedness by EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019)
 * restricted to neighbourhoods: EASE's closed form is one ridge regression per product j, predicting "j is in
 * the order" from every other product. Here each regression uses only j's `neighbours` most co-purchased
 * products, so fitting costs O(items · m³) instead of O(items³), one product can be refitted alone when its
 * orders change, and products that were never bought together get no weight at all. On Online Retail 50
 * neighbours score like full EASE (README, "Recommendations").
 *
 * Weights may be negative (EASE learns "bought instead of" as well as "bought with"); scores add them up.
 */
export class RelatednessModel {
  /** incoming[i]: for each product j whose neighbourhood holds i, i's weight in predicting j. */
  private readonly incoming: Map<number, number>[] = [];
  /** incoming[i] packed into arrays for fast scoring; dropped when a refit changes the row. */
  private readonly packed: ({ targets: Int32Array; weights: Float64Array } | undefined)[] = [];
  /** The neighbourhood each product was last fitted on, to retract its old weights on a refit. */
  private readonly fitted: Int32Array[] = [];
  private readonly gram: Float64Array;
  private readonly rhs: Float64Array;
  private scratch = new Float64Array(0);
  private marks = new Uint8Array(0);
  private selection = new Float64Array(0);

  constructor(
    private readonly counts: CooccurrenceCounts,
    private readonly neighbours: number,
    private readonly ridge: number,
  ) {
    this.gram = new Float64Array(neighbours * neighbours);
    this.rhs = new Float64Array(neighbours);
  }

  fitAll(): void {
    for (let j = 0; j < this.counts.items.size; j++) this.fit(j);
  }

  /** Refits the given products, e.g. those of a newly counted order. */
  refit(targets: readonly number[]): void {
    for (const j of targets) this.fit(j);
  }

  /**
   * Σ over context items i of w(i → j), for every j with a positive total; context items left out. Returns
   * product indices and their scores as parallel arrays — plain arrays: per-request typed arrays would each get
   * an off-heap buffer, and those make garbage collection far busier.
   */
  scores(context: readonly number[]): { indices: number[]; scores: number[] } {
    if (this.scratch.length < this.counts.items.size) {
      this.scratch = new Float64Array(this.counts.items.size * 2);
      this.marks = new Uint8Array(this.counts.items.size * 2);
    }
    const { scratch, marks } = this;
    const touched: number[] = [];
    for (const i of context) {
      const row = this.packedRow(i);
      if (!row) continue;
      const { targets, weights } = row;
      for (let k = 0; k < targets.length; k++) {
        const j = targets[k]!;
        if (marks[j] === 0) {
          marks[j] = 1;
          touched.push(j);
        }
        scratch[j]! += weights[k]!;
      }
    }
    for (const i of context) marks[i] = 2;
    const indices: number[] = [];
    const scores: number[] = [];
    for (const j of touched) {
      if (marks[j] === 1 && scratch[j]! > 0) {
        indices.push(j);
        scores.push(scratch[j]!);
      }
      scratch[j] = 0;
      marks[j] = 0;
    }
    for (const i of context) marks[i] = 0;
    return { indices, scores };
  }

  private packedRow(i: number): { targets: Int32Array; weights: Float64Array } | undefined {
    const row = this.incoming[i];
    if (!row) return undefined;
    let packed = this.packed[i];
    if (!packed) this.packed[i] = packed = { targets: Int32Array.from(row.keys()), weights: Float64Array.from(row.values()) };
    return packed;
  }

  private fit(j: number): void {
    while (this.incoming.length < this.counts.items.size) this.incoming.push(new Map());
    const chosen = this.topNeighbours(j);
    const m = chosen.length;
    const { gram, rhs, counts } = this;
    for (let a = 0; a < m; a++) {
      const ia = chosen[a]!;
      for (let b = 0; b < a; b++) gram[a * m + b] = counts.count(ia, chosen[b]!);
      gram[a * m + a] = counts.orders[ia]!;
      rhs[a] = counts.count(ia, j);
    }
    choleskySolveInPlace(gram, rhs, m, this.ridge);
    // Retract j's weight only from neighbours it lost: deleting and re-adding every entry would make the big
    // Maps of popular products rehash over and over.
    const previous = this.fitted[j];
    if (previous) {
      const kept = new Set(chosen);
      for (const i of previous) {
        if (kept.has(i)) continue;
        this.incoming[i]!.delete(j);
        this.packed[i] = undefined;
      }
    }
    for (let a = 0; a < m; a++) {
      this.incoming[chosen[a]!]!.set(j, rhs[a]!);
      this.packed[chosen[a]!] = undefined;
    }
    this.fitted[j] = chosen;
  }

  /** The products most often bought with j (ties: first in row order, so fits are deterministic). */
  private topNeighbours(j: number): Int32Array {
    const { indices, counts } = this.counts.row(j);
    if (indices.length <= this.neighbours) return indices;
    // The m-th largest count is the cut: everything above it, then ties at it by ascending index.
    if (this.selection.length < counts.length) this.selection = new Float64Array(counts.length * 2);
    const work = this.selection;
    for (let k = 0; k < counts.length; k++) work[k] = counts[k]!;
    const threshold = kthLargest(work, counts.length, this.neighbours);
    const chosen = new Int32Array(this.neighbours);
    let size = 0;
    for (let k = 0; k < indices.length; k++) if (counts[k]! > threshold) chosen[size++] = indices[k]!;
    for (let k = 0; k < indices.length && size < this.neighbours; k++) if (counts[k] === threshold) chosen[size++] = indices[k]!;
    return chosen;
  }
}

/** The k-th largest of values[0..n) by quickselect (reorders `values`); O(n) on average, no allocation. */
function kthLargest(values: Float64Array, n: number, k: number): number {
  let low = 0;
  let high = n - 1;
  const target = k - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else return values[target]!;
  }
  return values[target]!;
}
