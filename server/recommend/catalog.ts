import { sensitiveTopicsOf, type SensitiveTopic } from './sensitive-topics.ts';
import type { CatalogProduct } from './types.ts';

/** A catalog product with what the rules ask of it, worked out once. */
export interface CatalogEntry {
  product: CatalogProduct;
  topics: readonly SensitiveTopic[];
  /** Lower-cased product type, or null when the merchant set none. */
  typeKey: string | null;
}

/** The shop's catalog, indexed the ways the engine looks it up. */
export class Catalog {
  private readonly entries = new Map<number, CatalogEntry>();
  private readonly byType = new Map<string, number[]>();
  private readonly byCategory = new Map<string, number[]>();
  private readonly byCollection = new Map<number, number[]>();
  private readonly byTag = new Map<string, number[]>();

  constructor(products: readonly CatalogProduct[]) {
    for (const product of products) {
      const typeKey = product.productType.trim().toLowerCase() || null;
      this.entries.set(product.id, { product, topics: sensitiveTopicsOf(product), typeKey });
      if (typeKey) push(this.byType, typeKey, product.id);
      if (product.categoryId) push(this.byCategory, product.categoryId, product.id);
      for (const collection of product.collectionIds) push(this.byCollection, collection, product.id);
      for (const tag of descriptiveTags(product)) push(this.byTag, tag, product.id);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(productId: number): CatalogEntry | undefined {
    return this.entries.get(productId);
  }

  /** Every product id, ascending. */
  ids(): number[] {
    return [...this.entries.keys()].sort((a, b) => a - b);
  }

  /** Only available products are ever recommended. */
  isRecommendable(productId: number): boolean {
    return this.entries.get(productId)?.product.available === true;
  }

  /**
   * Products that do the same job as `productId`, itself included. After a coat, another coat is a
   * substitute; gloves are a complement. See `areSubstitutes`.
   */
  substitutesOf(productId: number): number[] {
    const entry = this.entries.get(productId);
    if (!entry || (!entry.typeKey && !entry.product.categoryId)) return [productId];
    const ids = new Set<number>([productId]);
    if (entry.product.categoryId) for (const id of this.byCategory.get(entry.product.categoryId) ?? []) ids.add(id);
    for (const id of entry.typeKey ? (this.byType.get(entry.typeKey) ?? []) : []) {
      if (areSubstitutes(entry, this.entries.get(id)!)) ids.add(id);
    }
    return [...ids];
  }

  inCollection(collectionId: number): readonly number[] {
    return this.byCollection.get(collectionId) ?? [];
  }

  /** Every collection at least one product belongs to, ascending. */
  collectionIds(): number[] {
    return [...this.byCollection.keys()].sort((a, b) => a - b);
  }

  /**
   * Catalog complements of the given products, each scored by what it shares with the one it is closest to: a
   * collection 1 (store-wide collections such as "All products", and tags as wide, say nothing and count 0), a descriptive tag 0.5
   * each, the taxonomy vertical (Apparel, Animals & Pet Supplies…) 0.5. The relevance floor (catalogFloor)
   * admits scores of 1 and more: a shared collection, or a shared tag in the same vertical — so gloves go with a
   * coat (Winter, apparel) and cat food never does. The given products are left out.
   */
  complementScores(productIds: readonly number[], broadCollectionShare: number): Map<number, number> {
    const best = new Map<number, number>();
    const broad = broadLimit(this.entries.size, broadCollectionShare);
    for (const id of productIds) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      const scores = new Map<number, number>();
      const add = (other: number, points: number) => scores.set(other, (scores.get(other) ?? 0) + points);
      for (const collection of entry.product.collectionIds) {
        const members = this.byCollection.get(collection) ?? [];
        if (members.length <= broad) for (const other of members) add(other, 1);
      }
      for (const tag of descriptiveTags(entry.product)) {
        const tagged = this.byTag.get(tag) ?? [];
        if (tagged.length <= broad) for (const other of tagged) add(other, 0.5);
      }
      const vertical = verticalOf(entry.product.categoryId);
      for (const [other, score] of scores) {
        const total = score + (vertical && verticalOf(this.entries.get(other)!.product.categoryId) === vertical ? 0.5 : 0);
        if (total > (best.get(other) ?? 0)) best.set(other, total);
      }
    }
    for (const id of productIds) best.delete(id);
    return best;
  }

  /** Products in the same taxonomy leaf, for "best-sellers of related categories". */
  inCategory(categoryId: string): readonly number[] {
    return this.byCategory.get(categoryId) ?? [];
  }
}

/**
 * The most products a collection (or tag) may hold and still say something about them: beyond this share of the
 * catalog ("All products") it describes the store, not its products. Never below 2, so a tiny catalog still has one.
 */
export function broadLimit(catalogSize: number, broadCollectionShare: number): number {
  return Math.max(2, broadCollectionShare * catalogSize);
}

/** The taxonomy's first level (`aa` Apparel & Accessories, `ap` Animals & Pet Supplies…), or null. */
export function verticalOf(categoryId: string | null): string | null {
  return categoryId ? categoryId.split('-')[0]! : null;
}

function descriptiveTags(product: CatalogProduct): Set<string> {
  return new Set(product.tags.filter(isDescriptiveTag).map((t) => t.trim().toLowerCase()));
}

/**
 * The same taxonomy leaf; or the same product type where the taxonomy does not tell them apart (one has no
 * category, or both sit under one specific parent such as Coats & Jackets). Merchants' types are often broad
 * ("Health", "Travel Accessory"): a pregnancy test and ovulation tests, or packing cubes and a luggage tag,
 * share a type but not a job, and their taxonomy says so.
 */
export function areSubstitutes(a: CatalogEntry, b: CatalogEntry): boolean {
  const [ca, cb] = [a.product.categoryId, b.product.categoryId];
  if (ca && ca === cb) return true;
  if (!a.typeKey || a.typeKey !== b.typeKey) return false;
  if (!ca || !cb) return true;
  const parent = (id: string) => id.split('-').slice(0, -1).join('-');
  // A parent two levels deep (`lb-9` Luggage Accessories) groups different jobs; three or more is specific.
  return parent(ca) === parent(cb) && parent(ca).split('-').length >= 3;
}

/** Tags that describe the product, not Tacto's or the merchant's bookkeeping. */
function isDescriptiveTag(tag: string): boolean {
  return !/^(tacto:|reorder-days:)/i.test(tag) && !/^(consumable|one-time)$/i.test(tag.trim());
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
