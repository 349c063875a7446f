import type { ShopModel } from '../model/shop-model.ts';

/**
 * The relevance floor: on a product page, a cart and a follow-up, every pick is related to what the shopper is
 * looking at (or bought). Related means one of two kinds of evidence, each with a documented threshold:
 * - bought together: at least `minCoPurchases` orders hold both, `minLift` times as often as chance would put
 *   them together (ShopModel.boughtTogether);
 * - a catalog complement scoring at least `catalogFloor` (Catalog.complementScores: a shared collection, or a
 *   shared tag in the same taxonomy vertical), or a best-seller of the same category as a product bought with it.
 * Home and collection pages have no context and may use best-sellers.
 */
export class RelevanceFloor {
  private readonly catalogScores: Map<number, number>;

  constructor(
    private readonly model: ShopModel,
    private readonly context: readonly number[],
  ) {
    this.catalogScores = model.catalog.complementScores(context, model.policy.broadCollectionShare);
  }

  /** A catalog complement of the context above the floor. */
  isCatalogComplement(productId: number): boolean {
    return (this.catalogScores.get(productId) ?? 0) >= this.model.policy.catalogFloor;
  }

  /** Catalog complements above the floor, best first (ties: the better seller first). */
  catalogComplements(): number[] {
    const floor = this.model.policy.catalogFloor;
    return [...this.catalogScores]
      .filter(([, score]) => score >= floor)
      .sort((a, b) => b[1] - a[1] || this.model.popularityRank(a[0]) - this.model.popularityRank(b[0]) || a[0] - b[0])
      .map(([id]) => id);
  }

  boughtWithContext(productId: number): boolean {
    return this.context.some((id) => this.model.boughtTogether(id, productId));
  }

  /** Whether a product may be shown with this context at all. */
  admits(productId: number): boolean {
    if (this.context.includes(productId)) return false;
    if (this.isCatalogComplement(productId) || this.boughtWithContext(productId)) return true;
    // A best-seller of a category bought with the context (other gloves, when gloves go with the coat).
    const category = this.model.catalog.get(productId)?.product.categoryId;
    if (!category) return false;
    return this.model.catalog.inCategory(category).some((sibling) => sibling !== productId && this.boughtWithContext(sibling));
  }
}

/** The floor's verdict for one product: what the benchmark's journey and the scenario tests check every pick with. */
export function isRelatedToContext(model: ShopModel, contextProductIds: readonly number[], productId: number): boolean {
  return new RelevanceFloor(model, contextProductIds).admits(productId);
}
