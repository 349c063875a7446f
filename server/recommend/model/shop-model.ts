import { Catalog } from '../catalog.ts';
import type { RecommendPolicy } from '../policy.ts';
import type { CatalogProduct } from '../types.ts';
import { CooccurrenceCounts } from './cooccurrence.ts';
import { DecayedPopularity } from './popularity.ts';
import { RankedScores } from './ranked-scores.ts';
import { isEventProduct } from '../rules/decay-and-stop.ts';
import { RelatednessModel } from './relatedness.ts';
import { learnReorderIntervals, reorderIntervalOf } from './reorder-intervals.ts';

const MEMO_ENTRIES = 5_000;

/** An order as the model learns from it: who (if anyone), when, and which products (distinct, not refunded). */
export interface TrainingOrder {
  customerId: number | null;
  orderedAt: number;
  productIds: readonly number[];
}

/**
 * One shop's model: co-purchase relatedness, popularity, reorder intervals and the catalog. Built in full from
 * the shop's orders, then kept current order by order (`addOrder`); reorder intervals, which need every
 * customer's history, are relearned on the next full build.
 */
export class ShopModel {
  private readonly dirty = new Set<number>();
  /** Reorder intervals as read from tags and data, per product, until the catalog changes. */
  private readonly intervals = new Map<number, number | undefined>();
  private readonly events = new Map<number, boolean>();
  private popularityRanks: Map<number, number> | null = null;
  /** Page-level results (a page's pool) worked out since the model last changed. */
  private readonly memo = new Map<string, unknown>();

  private constructor(
    private currentCatalog: Catalog,
    private readonly counts: CooccurrenceCounts,
    private readonly relatedness: RelatednessModel,
    private readonly popularity: DecayedPopularity,
    private readonly learnedIntervals: Map<number, number>,
    private currentPolicy: RecommendPolicy,
    private orderCount: number,
  ) {}

  get policy(): RecommendPolicy {
    return this.currentPolicy;
  }

  /**
   * Draws with another policy from now on (the merchant saved new settings). Only the draw's values may change
   * this way — windows, caps, the bound — not what the model was fitted with (neighbours, ridge, half-life).
   */
  usePolicy(policy: RecommendPolicy): void {
    this.currentPolicy = policy;
    this.events.clear();
    this.memo.clear();
  }

  static build(products: readonly CatalogProduct[], orders: readonly TrainingOrder[], policy: RecommendPolicy, now: number): ShopModel {
    const counts = CooccurrenceCounts.fromOrders(orders.map((o) => o.productIds));
    const relatedness = new RelatednessModel(counts, policy.neighbours, policy.ridge);
    relatedness.fitAll();
    const popularity = new DecayedPopularity(policy.popularityHalfLifeDays, now);
    for (const order of orders) popularity.addOrder(order.productIds, order.orderedAt);
    const purchases = orders.flatMap((o) =>
      o.customerId === null ? [] : o.productIds.map((productId) => ({ customerId: o.customerId!, productId, orderedAt: o.orderedAt })),
    );
    return new ShopModel(new Catalog(products), counts, relatedness, popularity, learnReorderIntervals(purchases, policy), policy, orders.length);
  }

  get catalog(): Catalog {
    return this.currentCatalog;
  }

  /** Takes the catalog as it is now (a product edited, archived, deleted); what was learned stays. */
  replaceCatalog(products: readonly CatalogProduct[]): void {
    this.currentCatalog = new Catalog(products);
    this.intervals.clear();
    this.events.clear();
    this.memo.clear();
  }

  /**
   * Learns one new order: its co-purchase counts and popularity at once; the weights of its products are
   * refitted by the next `refresh` (a burst of orders refits each product once, not once per order).
   */
  addOrder(order: TrainingOrder): void {
    for (const index of this.counts.addOrder(order.productIds)) this.dirty.add(index);
    this.popularity.addOrder(order.productIds, order.orderedAt);
    this.orderCount += 1;
    this.popularityRanks = null;
    this.memo.clear();
  }

  /** Products whose weights wait for a refit. */
  get pendingRefits(): number {
    return this.dirty.size;
  }

  /** Refits every product touched by orders learned since the last refresh. */
  refresh(): void {
    if (this.dirty.size === 0) return;
    this.relatedness.refit([...this.dirty]);
    this.dirty.clear();
    this.memo.clear();
  }

  /**
   * A page-level result computed once per state of the model: whatever changes what the model knows (an order,
   * a refit, the catalog) forgets them all. Bounded: a flood of distinct carts cannot grow it without limit.
   */
  memoize<T>(key: string, compute: () => T): T {
    this.refresh();
    if (this.memo.has(key)) return this.memo.get(key) as T;
    if (this.memo.size >= MEMO_ENTRIES) this.memo.clear();
    const value = compute();
    this.memo.set(key, value);
    return value;
  }

  /** Co-purchase relatedness of every product to the given ones (positive scores only), best first. */
  relatedTo(productIds: readonly number[]): RankedScores {
    this.refresh();
    const indices: number[] = [];
    for (const id of productIds) {
      const index = this.counts.items.find(id);
      if (index !== undefined) indices.push(index);
    }
    const { indices: related, scores } = this.relatedness.scores(indices);
    return new RankedScores(related, scores, (index) => this.counts.items.idOf(index));
  }

  /** Size of what the model holds, for the admin and the benchmark. */
  get stats(): { products: number; pairs: number } {
    return { products: this.counts.items.size, pairs: this.counts.pairCount };
  }

  /** Every product ever ordered, most popular recently first. */
  popular(): readonly number[] {
    return this.popularity.ranked();
  }

  /** Position of a product in `popular()` (0 = best-seller); products never ordered come after all others. */
  popularityRank(productId: number): number {
    if (!this.popularityRanks) this.popularityRanks = new Map(this.popular().map((id, rank) => [id, rank]));
    return this.popularityRanks.get(productId) ?? Number.MAX_SAFE_INTEGER;
  }

  /**
   * Co-purchase evidence, the relevance floor's first road: bought together in at least `minCoPurchases` orders
   * and at least `minLift` times as often as chance would put them together. A best-seller lands in many baskets
   * by chance alone; lift keeps it from counting as related to everything (cat food next to a coat).
   */
  boughtTogether(a: number, b: number): boolean {
    const i = this.counts.items.find(a);
    const j = this.counts.items.find(b);
    if (i === undefined || j === undefined || i === j) return false;
    const together = this.counts.count(i, j);
    if (together < this.policy.minCoPurchases) return false;
    return (together * this.orderCount) / (this.counts.orders[i]! * this.counts.orders[j]!) >= this.policy.minLift;
  }

  /** Rule 4: a one-off or event purchase (a wedding dress, a trip), worked out once per catalog. */
  isEventPurchase(productId: number): boolean {
    let event = this.events.get(productId);
    if (event === undefined) this.events.set(productId, (event = isEventProduct(this.catalog, productId, this.policy)));
    return event;
  }

  /** How long after a purchase a consumable may come back (ms); undefined for a durable product. */
  reorderInterval(productId: number): number | undefined {
    if (this.intervals.has(productId)) return this.intervals.get(productId);
    const interval = reorderIntervalOf(this.catalog.get(productId)?.product.tags ?? [], this.learnedIntervals.get(productId));
    this.intervals.set(productId, interval);
    return interval;
  }
}
