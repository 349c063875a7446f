import { ItemIndex } from './item-index.ts';

/**
 * How often products were bought together: the Gram matrix XᵀX of the order × product matrix, kept sparse.
 * A full build packs each product's row into sorted typed arrays (compact, fast to search); orders learned
 * afterwards land in a small Map overlay until the next build. `orders[i]` is the diagonal.
 */
export class CooccurrenceCounts {
  readonly items = new ItemIndex();
  readonly orders: number[] = [];
  /** Row i of the packed build: co-purchased product indices (ascending) and their counts. */
  private packedIndices: Int32Array[] = [];
  private packedCounts: Float32Array[] = [];
  /** Counts added since the build, per row. */
  private readonly added: (Map<number, number> | undefined)[] = [];

  /**
   * Counts one order (its distinct products) and returns the indices it touched. Pairs already in the packed
   * build are incremented in place; only pairs never seen before go to the overlay.
   */
  addOrder(productIds: readonly number[]): number[] {
    const touched = this.distinctIndices(productIds);
    for (const i of touched) {
      this.orders[i]! += 1;
      for (const j of touched) {
        if (j === i) continue;
        const at = this.packedPosition(i, j);
        if (at >= 0) {
          this.packedCounts[i]![at]! += 1;
          continue;
        }
        let row = this.added[i];
        if (!row) this.added[i] = row = new Map();
        row.set(j, (row.get(j) ?? 0) + 1);
      }
    }
    return touched;
  }

  /** Counts many orders at once, accumulating each row in a dense scratch array: fast and compact. */
  static fromOrders(orders: readonly (readonly number[])[]): CooccurrenceCounts {
    const counts = new CooccurrenceCounts();
    const baskets = orders.map((order) => counts.distinctIndices(order));
    const n = counts.items.size;
    const ordersOf: number[][] = Array.from({ length: n }, () => []);
    baskets.forEach((basket, b) => {
      for (const i of basket) ordersOf[i]!.push(b);
    });
    const scratch = new Float64Array(n);
    const seen = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let size = 0;
      for (const b of ordersOf[i]!) {
        for (const j of baskets[b]!) {
          if (j === i) continue;
          if (scratch[j] === 0) seen[size++] = j;
          scratch[j]! += 1;
        }
      }
      const indices = seen.slice(0, size).sort();
      const values = new Float32Array(size);
      for (let k = 0; k < size; k++) {
        values[k] = scratch[indices[k]!]!;
        scratch[indices[k]!] = 0;
      }
      counts.packedIndices[i] = indices;
      counts.packedCounts[i] = values;
      counts.orders[i] = ordersOf[i]!.length;
    }
    return counts;
  }

  /** Orders holding both products (i ≠ j), or the orders holding i when i = j. */
  count(i: number, j: number): number {
    if (i === j) return this.orders[i] ?? 0;
    return this.packedCount(i, j) + (this.added[i]?.get(j) ?? 0);
  }

  /**
   * Row i: every product bought with i and how often — the packed build's pairs, then pairs first seen later
   * (the two never overlap). Without later pairs the packed arrays are returned as they are, uncopied.
   */
  row(i: number): { indices: Int32Array; counts: Float32Array } {
    const indices = this.packedIndices[i] ?? new Int32Array(0);
    const counts = this.packedCounts[i] ?? new Float32Array(0);
    const added = this.added[i];
    if (!added || added.size === 0) return { indices, counts };
    const allIndices = new Int32Array(indices.length + added.size);
    const allCounts = new Float32Array(indices.length + added.size);
    allIndices.set(indices);
    allCounts.set(counts);
    let at = indices.length;
    for (const [j, count] of added) {
      allIndices[at] = j;
      allCounts[at++] = count;
    }
    return { indices: allIndices, counts: allCounts };
  }

  /** Stored co-purchase pairs (each direction counted), for memory reports. */
  get pairCount(): number {
    let total = 0;
    for (let i = 0; i < this.items.size; i++) total += (this.packedIndices[i]?.length ?? 0) + (this.added[i]?.size ?? 0);
    return total;
  }

  private packedCount(i: number, j: number): number {
    const at = this.packedPosition(i, j);
    return at < 0 ? 0 : this.packedCounts[i]![at]!;
  }

  /** Where j sits in row i of the packed build (binary search), or -1. */
  private packedPosition(i: number, j: number): number {
    const indices = this.packedIndices[i];
    if (!indices) return -1;
    let low = 0;
    let high = indices.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const value = indices[mid]!;
      if (value === j) return mid;
      if (value < j) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  private distinctIndices(productIds: readonly number[]): number[] {
    const indices = new Set<number>();
    for (const id of productIds) {
      const index = this.items.intern(id);
      if (index === this.orders.length) this.orders.push(0);
      indices.add(index);
    }
    return [...indices];
  }
}
