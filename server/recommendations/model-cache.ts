import type { Storage } from '../db/storage.ts';
import type { Logger } from '../logger.ts';
import { ShopModel } from '../recommend/model/shop-model.ts';
import type { RecommendPolicy } from '../recommend/policy.ts';
import { MerchandisingCache } from './merchandising-cache.ts';
import { RecommendationSettingsStore } from './settings-store.ts';

interface Entry {
  model: ShopModel;
  /** Orders created up to here were in the full build; later ones are learned one by one. */
  builtFrom: number;
  learnedSince: Set<number>;
  /** Something a full build would see differently (a cancellation, a refund, an erasure): rebuild soon. */
  stale: boolean;
  /** The shop's catalog generation this model's catalog was read at: behind the shop's means read it again. */
  catalogRead: number;
  /** The re-read under way: every request arriving meanwhile waits for it rather than serving the old catalog. */
  catalogRefresh: Promise<void> | null;
}

/**
 * Each shop's recommendation model, in memory, kept current from the webhooks the app already receives: a new
 * order is learned at once; a catalog change swaps the catalog; anything a model cannot unlearn (a cancelled or
 * refunded order, an erased customer) marks it stale, and the next request rebuilds it in the background while
 * the old one keeps serving. A shop's first request waits for its first build.
 */
export class ShopModels {
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<string, Promise<Entry>>();
  private readonly versions = new Map<string, number>();
  /** Counts each shop's catalog changes; a model whose catalog was read at an earlier count re-reads it. */
  private readonly catalogGenerations = new Map<string, number>();
  private readonly forgetListeners: ((shop: string) => void)[] = [];
  /** Each shop's recommendation settings: the policy its picks are drawn with (`policy` when it saved none). */
  readonly settings: RecommendationSettingsStore;
  /** Each shop's merchandising rules, read once per version: every surface, and the preference block's topics. */
  readonly merchandising: MerchandisingCache;

  constructor(
    private readonly deps: { storage: Storage; logger: Logger; policy?: RecommendPolicy; clock?: () => number },
  ) {
    this.settings = new RecommendationSettingsStore({
      storage: deps.storage,
      ...(deps.policy ? { base: deps.policy } : {}),
      onInvalid: (shop, error) => deps.logger.warn({ shop, err: error }, 'recommendation settings invalid; using the defaults'),
    });
    // New settings change picks: answers remembered under the old version are not served again.
    this.settings.onChange((shop) => this.bump(shop));
    this.merchandising = new MerchandisingCache({ storage: deps.storage, models: this });
  }

  /**
   * Changes with anything that may change a shop's picks (an order learned, the catalog, a rebuild, an erasure):
   * answers remembered under one version are stale under the next.
   */
  version(shop: string): number {
    return this.versions.get(shop) ?? 0;
  }

  private bump(shop: string): void {
    this.versions.set(shop, this.version(shop) + 1);
  }

  async get(shop: string): Promise<ShopModel> {
    const entry = this.entries.get(shop) ?? (await this.build(shop));
    // Settings saved since the model last drew take effect on this very request.
    const policy = await this.settings.policy(shop);
    if (entry.model.policy !== policy) entry.model.usePolicy(policy);
    if (entry.stale) void this.build(shop).catch((error: unknown) => this.deps.logger.error({ shop, err: error }, 'model rebuild failed'));
    // A catalog change is never served late: not to a request that arrives while the catalog is being read
    // again (its answer would be remembered under the new version), nor after a build that read the catalog
    // just before the change.
    while (entry.catalogRead < this.catalogGeneration(shop)) {
      entry.catalogRefresh ??= this.refreshCatalog(shop, entry).finally(() => (entry.catalogRefresh = null));
      await entry.catalogRefresh;
    }
    return entry.model;
  }

  private catalogGeneration(shop: string): number {
    return this.catalogGenerations.get(shop) ?? 0;
  }

  private async refreshCatalog(shop: string, entry: Entry): Promise<void> {
    const generation = this.catalogGeneration(shop);
    entry.model.replaceCatalog(await this.deps.storage.recommendations.catalog(shop));
    entry.catalogRead = generation;
  }

  /** Full rebuild now (the admin's "rebuild", the end of a backfill). */
  async rebuild(shop: string): Promise<ShopModel> {
    this.changed(shop);
    return (await this.build(shop)).model;
  }

  /** An order was saved (created or updated): learn it if it is new to the model. */
  async orderSaved(shop: string, orderId: number): Promise<void> {
    const entry = this.entries.get(shop);
    if (!entry || entry.stale) return; // the next build reads it anyway
    const order = await this.deps.storage.recommendations.trainingOrder(shop, orderId);
    if (!order) return;
    if (order.orderedAt <= entry.builtFrom || entry.learnedSince.has(orderId)) return;
    entry.learnedSince.add(orderId);
    entry.model.addOrder(order);
    this.bump(shop);
    // Refit off the request path once the current burst of webhooks has been handled.
    setImmediate(() => entry.model.refresh());
  }

  /** The catalog changed (and is committed): the next request reads it again before answering. */
  catalogChanged(shop: string): void {
    this.catalogGenerations.set(shop, this.catalogGeneration(shop) + 1);
    this.bump(shop);
  }

  /** Product translations were read again: cards and answers remembered under the old version are not served again. */
  translationsChanged(shop: string): void {
    this.bump(shop);
  }

  /** The merchant saved their merchandising rules: answers remembered under the old version are not served again. */
  merchandisingChanged(shop: string): void {
    this.bump(shop);
  }

  /** Something a model cannot unlearn happened: rebuild on the next request. */
  changed(shop: string): void {
    const entry = this.entries.get(shop);
    if (entry) entry.stale = true;
    this.bump(shop);
  }

  /** Called by forget: caches of answers built from a shop's data (the proxy's visitor answers) drop them. */
  onForget(listener: (shop: string) => void): void {
    this.forgetListeners.push(listener);
  }

  /** The shop is gone (shop/redact): drop its model, its version and, through onForget, every answer built from it. */
  forget(shop: string): void {
    this.entries.delete(shop);
    this.settings.forget(shop);
    for (const listener of this.forgetListeners) listener(shop);
    // No answer remembered under an earlier version is left anywhere, so the count may start over: nothing of the
    // shop, not even its name, stays in memory.
    this.versions.delete(shop);
    this.catalogGenerations.delete(shop);
  }

  private build(shop: string): Promise<Entry> {
    let pending = this.building.get(shop);
    if (!pending) {
      pending = this.buildNow(shop).finally(() => this.building.delete(shop));
      this.building.set(shop, pending);
    }
    return pending;
  }

  private async buildNow(shop: string): Promise<Entry> {
    const { storage, logger } = this.deps;
    const now = (this.deps.clock ?? Date.now)();
    const started = performance.now();
    // Read before the catalog: a change committed while the build reads it leaves the new model behind, and
    // its first request reads the catalog again.
    const catalogRead = this.catalogGeneration(shop);
    const [products, orders, policy] = await Promise.all([
      storage.recommendations.catalog(shop),
      storage.recommendations.trainingOrders(shop),
      this.settings.policy(shop),
    ]);
    const model = ShopModel.build(products, orders, policy, now);
    const builtFrom = orders.reduce((latest, o) => Math.max(latest, o.orderedAt), 0);
    const entry: Entry = { model, builtFrom, learnedSince: new Set(), stale: false, catalogRead, catalogRefresh: null };
    this.entries.set(shop, entry);
    this.bump(shop);
    logger.info({ shop, orders: orders.length, products: products.length, ms: Math.round(performance.now() - started) }, 'recommendation model built');
    return entry;
  }
}
