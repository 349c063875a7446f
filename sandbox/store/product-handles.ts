import type { SandboxProduct } from './types.ts';

/**
 * Pure: the active product a storefront URL names in `locale` — by its translated handle in that language (Shopify
 * serves `/es/products/<translated-handle>`), else by its own handle (which Shopify serves in every language).
 */
export function productAtHandle(products: Iterable<SandboxProduct>, handle: string, locale: string): SandboxProduct | null {
  let byDefault: SandboxProduct | null = null;
  for (const product of products) {
    if (product.status !== 'ACTIVE') continue;
    if (product.translations[locale]?.handle === handle) return product;
    if (product.handle === handle) byDefault ??= product;
  }
  return byDefault;
}

/** Pure: the locale whose translated handle this is, with its product (a link that lost its language prefix). */
export function translatedHandleOwner(products: Iterable<SandboxProduct>, handle: string): { product: SandboxProduct; locale: string } | null {
  for (const product of products) {
    if (product.status !== 'ACTIVE') continue;
    for (const [locale, translation] of Object.entries(product.translations)) {
      if (translation.handle === handle) return { product, locale };
    }
  }
  return null;
}

/** Pure: the product's handle in `locale` (its translated one when it has one). */
export function handleIn(product: SandboxProduct, locale: string): string {
  return product.translations[locale]?.handle ?? product.handle;
}
