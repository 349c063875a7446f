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

  constructor(products: readonly CatalogProduct[]) {
    for (const product of products) {
      const typeKey = product.productType.trim().toLowerCase() || null;
      this.entries.set(product.id, { product, topics: sensitiveTopicsOf(product), typeKey });
      if (typeKey) push(this.byType, typeKey, product.id);
      if (product.categoryId) push(this.byCategory, product.categoryId, product.id);
      for (const collection of product.collectionIds) push(this.byCollection, collection, product.id);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(productId: number): CatalogEntry | undefined {
    return this.entries.get(productId);
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

  /**
   * Cold start: products that share collections or descriptive tags with the given ones, for products with no
   * co-purchases yet. Scores count what is shared; the engine ranks these below any co-purchase evidence.
   */
  relatedByCatalog(productIds: readonly number[]): Map<number, number> {
    const scores = new Map<number, number>();
    for (const id of productIds) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      for (const collection of entry.product.collectionIds) {
        for (const other of this.byCollection.get(collection) ?? []) scores.set(other, (scores.get(other) ?? 0) + 1);
      }
      const tags = new Set(entry.product.tags.filter(isDescriptiveTag).map((t) => t.toLowerCase()));
      if (tags.size === 0) continue;
      for (const [other, candidate] of this.entries) {
        const shared = candidate.product.tags.filter((t) => tags.has(t.toLowerCase())).length;
        if (shared > 0) scores.set(other, (scores.get(other) ?? 0) + 0.5 * shared);
      }
    }
    for (const id of productIds) scores.delete(id);
    return scores;
  }
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
  return !/^(tacto:|reorder-days:)/i.test(tag) && !/^(consumable|one-time)$/i.test(tag);
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
