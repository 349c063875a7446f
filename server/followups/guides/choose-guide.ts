import type { Guide } from './types.ts';

/** One line of the order as the guide chooser needs it; `sensitive` comes from the sensitive-topic classifier. */
export interface GuideProduct {
  productType: string;
  collectionHandles: string[];
  sensitive: boolean;
}

const key = (text: string): string => text.trim().toLowerCase();

/**
 * The guide for the order's first non-sensitive product that has one: for each product in order, a guide
 * naming its product type (case-insensitive) wins over one naming one of its collections. Sensitive products
 * are skipped entirely, so an order of only sensitive items gets no guide (null), as does an order nothing fits.
 */
export function chooseGuide(input: { products: GuideProduct[]; guides: readonly Guide[] }): Guide | null {
  for (const product of input.products) {
    if (product.sensitive) continue;
    const type = key(product.productType);
    if (type !== '') {
      const byType = input.guides.find((guide) => guide.productTypes.some((t) => key(t) === type));
      if (byType) return byType;
    }
    for (const handle of product.collectionHandles.map(key)) {
      if (handle === '') continue;
      const byCollection = input.guides.find((guide) => guide.collectionHandles.some((h) => key(h) === handle));
      if (byCollection) return byCollection;
    }
  }
  return null;
}
