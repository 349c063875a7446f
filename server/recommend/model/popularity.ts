import { DAY_MS } from '../policy.ts';

/**
 * Popularity with exponential time decay: an order counts 2^((t − t₀)/h), so last month's best sellers lead
 * the fallback rather than last winter's. The shared reference time t₀ scales every weight alike, so ranks need
 * no renormalisation as time passes; weights stay finite for centuries at any sane half-life.
 */
export class DecayedPopularity {
  private readonly weights = new Map<number, number>();
  private readonly halfLifeMs: number;
  private cache: number[] | null = null;

  constructor(
    halfLifeDays: number,
    private readonly reference: number,
  ) {
    this.halfLifeMs = halfLifeDays * DAY_MS;
  }

  addOrder(productIds: readonly number[], orderedAt: number): void {
    const weight = 2 ** ((orderedAt - this.reference) / this.halfLifeMs);
    for (const id of new Set(productIds)) this.weights.set(id, (this.weights.get(id) ?? 0) + weight);
    this.cache = null;
  }

  /** Product ids, most popular first (ties: lower id first). */
  ranked(): readonly number[] {
    this.cache ??= [...this.weights.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
    return this.cache;
  }
}
