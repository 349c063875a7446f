/**
 * Scores of some products, read best first. A request usually needs a handful of the best among thousands,
 * so the ranking is produced in blocks (the best 32, the next 96, …): each block is cut at a score threshold
 * and ordered on its own, so a caller that stops early never pays for sorting the rest.
 */
export class RankedScores {
  private lookup: Map<number, number> | null = null;

  /** `ids[k]` has score `values[k]`; `idOf` maps the stored key to a product id (identity by default). */
  constructor(
    private readonly ids: ArrayLike<number>,
    private readonly values: readonly number[],
    private readonly idOf: (key: number) => number = (key) => key,
  ) {}

  static fromMap(scores: ReadonlyMap<number, number>): RankedScores {
    return new RankedScores([...scores.keys()], [...scores.values()]);
  }

  get size(): number {
    return this.values.length;
  }

  score(id: number): number {
    if (!this.lookup) {
      this.lookup = new Map();
      for (let k = 0; k < this.values.length; k++) this.lookup.set(this.idOf(this.ids[k]!), this.values[k]!);
    }
    return this.lookup.get(id) ?? 0;
  }

  /** The scores of just these ids (absent: not related), without indexing every score. */
  scoresOf(ids: ReadonlySet<number>): Map<number, number> {
    const found = new Map<number, number>();
    if (ids.size === 0) return found;
    for (let k = 0; k < this.values.length; k++) {
      const id = this.idOf(this.ids[k]!);
      if (ids.has(id)) found.set(id, this.values[k]!);
    }
    return found;
  }

  /** Ids, highest score first (ties: lower id first). */
  *ranked(): Generator<number> {
    const n = this.values.length;
    let upper = Infinity;
    let taken = 0;
    for (let block = 32; taken < n; block *= 4) {
      const lower = this.nthBest(Math.min(n, taken + block), upper, taken);
      // Everything at or above the cut and below the previous one: ties never straddle two blocks.
      const members: number[] = [];
      for (let k = 0; k < n; k++) {
        const v = this.values[k]!;
        if (v >= lower && v < upper) members.push(k);
      }
      const ids = members.map((k) => this.idOf(this.ids[k]!));
      const order = members.map((_, m) => m).sort((a, b) => this.values[members[b]!]! - this.values[members[a]!]! || ids[a]! - ids[b]!);
      for (const m of order) yield ids[m]!;
      taken += members.length;
      upper = lower;
    }
  }

  /**
   * The (rank)-th best score overall, knowing the best `taken` are at or above `upper`: a bounded min-heap
   * over the scores below `upper`, so the first cut costs one pass and a 32-slot heap, not a sort.
   */
  private nthBest(rank: number, upper: number, taken: number): number {
    const size = rank - taken;
    const heap: number[] = [];
    let filled = 0;
    for (let k = 0; k < this.values.length; k++) {
      const v = this.values[k]!;
      if (v >= upper) continue;
      if (filled < size) {
        heap[filled] = v;
        siftUp(heap, filled++);
      } else if (v > heap[0]!) {
        heap[0] = v;
        siftDown(heap, size);
      }
    }
    return heap[0]!;
  }
}

function siftUp(heap: number[], at: number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (heap[parent]! <= heap[at]!) return;
    [heap[parent], heap[at]] = [heap[at]!, heap[parent]!];
    at = parent;
  }
}

function siftDown(heap: number[], size: number): void {
  let at = 0;
  for (;;) {
    const left = 2 * at + 1;
    const right = left + 1;
    let least = at;
    if (left < size && heap[left]! < heap[least]!) least = left;
    if (right < size && heap[right]! < heap[least]!) least = right;
    if (least === at) return;
    [heap[least], heap[at]] = [heap[at]!, heap[least]!];
    at = least;
  }
}
