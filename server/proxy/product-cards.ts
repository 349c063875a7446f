import type { ProductCard, Storage } from '../db/storage.ts';
import type { ShopModels } from '../recommendations/model-cache.ts';
import { VisitorAnswers } from './visitor-answers.ts';

const CARDS = { ttlMs: 60_000, maxEntries: 50_000 };

/**
 * What a storefront card shows of each product (title, handle, image, price), remembered under the shop model's
 * version: a card is the same for everyone, and every catalog change moves the version (ShopModels.catalogChanged),
 * so a card read under one version is still right under it. A logged-in answer, which is never cached whole,
 * then costs no storage read for its cards (4 point reads: about 6 % of its CPU time in the bench/proxy.ts profile).
 * Kept a minute at most, as visitor answers are, and dropped with the shop (shop/redact).
 */
export class ProductCards {
  private readonly cards: VisitorAnswers<ProductCard | null>;

  constructor(
    private readonly deps: { storage: Storage; models: ShopModels },
    options: { ttlMs: number; maxEntries: number; clock?: () => number } = CARDS,
  ) {
    this.cards = new VisitorAnswers(options);
    // Keys start with the shop: shop/redact leaves none of its cards in memory.
    deps.models.onForget((shop) => this.cards.forget((key) => key.startsWith(`${shop} `)));
  }

  /**
   * The cards of these products, in the order asked; unknown products are left out, as storage leaves them. With a
   * `locale`, titles and handles in that language where the shop translated them (each language its own entries).
   */
  async of(shop: string, productIds: readonly number[], locale: string | null = null): Promise<ProductCard[]> {
    const version = this.deps.models.version(shop);
    const key = (id: number) => `${shop} ${version} ${locale ?? ''} ${id}`;
    const known = new Map<number, ProductCard | null>();
    const missing: number[] = [];
    for (const id of productIds) {
      const card = this.cards.get(key(id));
      if (card === undefined) missing.push(id);
      else known.set(id, card);
    }
    if (missing.length > 0) {
      const read = new Map((await this.deps.storage.recommendations.productCards(shop, missing, locale)).map((card) => [card.id, card]));
      for (const id of missing) {
        const card = read.get(id) ?? null;
        known.set(id, card);
        this.cards.set(key(id), card);
      }
    }
    return productIds.flatMap((id) => known.get(id) ?? []);
  }
}
