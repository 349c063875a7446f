import type { SandboxProduct } from '../store/types.ts';
import { productObject } from './liquid-objects.ts';

/**
 * Shopify's product JSON (`GET /products/<handle>.js`): prices in cents, a variant `available` when it can be
 * bought now, titles in the page's locale. The subset of keys a theme or app script reads.
 */
export function productJson(product: SandboxProduct, locale: string) {
  const object = productObject(product, locale);
  const prices = object.variants.map((variant) => variant.price);
  const optionName = object.has_only_default_variant ? 'Title' : 'Option';
  return {
    id: object.id,
    title: object.title,
    handle: object.handle,
    description: object.description,
    published_at: product.createdAt,
    created_at: product.createdAt,
    vendor: object.vendor,
    type: object.type,
    tags: [...product.tags],
    price: object.price,
    price_min: Math.min(...prices),
    price_max: Math.max(...prices),
    available: object.available,
    price_varies: new Set(prices).size > 1,
    compare_at_price: null,
    compare_at_price_min: 0,
    compare_at_price_max: 0,
    compare_at_price_varies: false,
    variants: object.variants.map((variant) => {
      const sandboxVariant = product.variants.find((candidate) => candidate.id === variant.id)!;
      return {
        id: variant.id,
        title: variant.title,
        option1: variant.title,
        option2: null,
        option3: null,
        sku: sandboxVariant.sku || null,
        requires_shipping: true,
        taxable: true,
        featured_image: null,
        available: variant.available,
        name: variant.title === 'Default Title' ? object.title : `${object.title} - ${variant.title}`,
        public_title: variant.title === 'Default Title' ? null : variant.title,
        options: [variant.title],
        price: variant.price,
        weight: 0,
        compare_at_price: null,
        inventory_management: 'shopify',
        barcode: null,
      };
    }),
    images: object.featured_image ? [object.featured_image.src] : [],
    featured_image: object.featured_image?.src ?? null,
    options: [optionName],
    url: object.url,
  };
}
