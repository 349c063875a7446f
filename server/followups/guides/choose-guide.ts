import type { Guide, GuideLocale } from './types.ts';

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

/** The guide language for a BCP 47-ish locale ("es", "es-MX", "pt_BR"), or null when it is not es or pt. */
function languageOf(locale: string): GuideLocale | null {
  const language = key(locale).split(/[-_]/)[0];
  return language === 'es' || language === 'pt' ? language : null;
}

/**
 * The language to send a guide in: the customer's own locale when they have one (Spanish and Portuguese
 * variants map to es and pt; English and anything else to en), else the shop's primary locale.
 */
export function guideLocale(customerLocale: string | null, shopLocale: string): GuideLocale {
  const chosen = customerLocale !== null && customerLocale.trim() !== '' ? customerLocale : shopLocale;
  return languageOf(chosen) ?? 'en';
}
