import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog.ts';

/**
 * The merchant's own levers over picks (README, "Merchandising"), as the engine reads them: products, collections
 * and tags never picked; complements pinned to a product; pairs never shown together. Plain data, validated at the
 * edges (server/recommendations/merchandising-document.ts).
 */
export interface Merchandising {
  excludedProducts: readonly number[];
  /** A collection's title is kept with its id: the admin and the explain tool name it, and Tacto stores no collections. */
  excludedCollections: readonly { id: number; title: string }[];
  excludedTags: readonly string[];
  pins: readonly { productId: number; complements: readonly number[] }[];
  neverTogether: readonly (readonly [number, number])[];
}

export const NO_MERCHANDISING: Merchandising = { excludedProducts: [], excludedCollections: [], excludedTags: [], pins: [], neverTogether: [] };

/** Which of the merchant's rules held a product back: the explain tool names it in words. */
export type MerchantHold =
  | { rule: 'merchant-excluded'; by: 'product' }
  | { rule: 'merchant-excluded'; by: 'collection'; collectionId: number; collectionTitle: string }
  | { rule: 'merchant-excluded'; by: 'tag'; tag: string }
  | { rule: 'never-together'; withProductId: number };

/** Keys already worked out, per rules object: the service hands out one object per shop and model version. */
const keys = new WeakMap<Merchandising, string>();

/** One short key per set of rules: a page's pool is remembered per model state and per key. */
export function merchandisingKey(merchandising: Merchandising): string {
  if (isEmpty(merchandising)) return 'none';
  let key = keys.get(merchandising);
  if (key === undefined) keys.set(merchandising, (key = createHash('sha1').update(JSON.stringify(merchandising)).digest('base64url').slice(0, 16)));
  return key;
}

function isEmpty(m: Merchandising): boolean {
  return m.excludedProducts.length + m.excludedCollections.length + m.excludedTags.length + m.pins.length + m.neverTogether.length === 0;
}

const tagKey = (tag: string) => tag.trim().toLowerCase();

/**
 * The merchant's rules for one page: what they hold back and which complements they pinned to its context (the
 * product on the page, the cart, the order). Tags and collections are read from the catalog as it is now, so a
 * product tagged or added to an excluded collection a minute ago is held back at once.
 */
export class MerchantRules {
  private readonly products: ReadonlySet<number>;
  private readonly collections: ReadonlyMap<number, string>;
  private readonly tags: ReadonlySet<string>;
  /** Product → the context product it must never be shown with. */
  private readonly apart = new Map<number, number>();
  private readonly pinned: number[] = [];

  constructor(
    merchandising: Merchandising,
    private readonly catalog: Catalog,
    context: readonly number[],
  ) {
    this.products = new Set(merchandising.excludedProducts);
    this.collections = new Map(merchandising.excludedCollections.map((c) => [c.id, c.title]));
    this.tags = new Set(merchandising.excludedTags.map(tagKey));
    const inContext = new Set(context);
    // Symmetric: a pair holds whichever of the two is in view.
    for (const [a, b] of merchandising.neverTogether) {
      if (inContext.has(a) && !this.apart.has(b)) this.apart.set(b, a);
      if (inContext.has(b) && !this.apart.has(a)) this.apart.set(a, b);
    }
    for (const id of context) {
      for (const pin of merchandising.pins) {
        if (pin.productId !== id) continue;
        for (const complement of pin.complements) if (!inContext.has(complement) && !this.pinned.includes(complement)) this.pinned.push(complement);
      }
    }
  }

  /** The merchant's rule that keeps this product off the page, or null. Exclusions come before pairs. */
  holdOf(productId: number): MerchantHold | null {
    if (this.products.has(productId)) return { rule: 'merchant-excluded', by: 'product' };
    const product = this.catalog.get(productId)?.product;
    if (product) {
      for (const collectionId of product.collectionIds) {
        const title = this.collections.get(collectionId);
        if (title !== undefined) return { rule: 'merchant-excluded', by: 'collection', collectionId, collectionTitle: title };
      }
      for (const tag of product.tags) if (this.tags.has(tagKey(tag))) return { rule: 'merchant-excluded', by: 'tag', tag: tag.trim() };
    }
    const other = this.apart.get(productId);
    return other === undefined ? null : { rule: 'never-together', withProductId: other };
  }

  /**
   * Complements the merchant pinned to the context, in the order they chose them, none it holds back. They lead
   * the page's pool with its top weight — within the visitor cap like every product, never a forced slot.
   */
  pins(): number[] {
    return this.pinned.filter((id) => this.holdOf(id) === null);
  }
}
