import type { SandboxStore } from '../store/store.ts';
import { productObject, toCents } from './liquid-objects.ts';

/** The cookie holding the sandbox cart: Shopify keeps the cart server-side behind a `cart` token cookie. */
export const CART_COOKIE = 'sandbox_cart';
export const MAX_QUANTITY = 99;

export interface CartLine {
  variantId: number;
  quantity: number;
}

/** Pure: the cart lines in the cookie; anything unreadable counts as an empty cart. */
export function readCart(value: string | undefined): CartLine[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((line): line is [number, number] => Array.isArray(line) && line.every((n) => Number.isInteger(n) && n > 0))
      .map(([variantId, quantity]) => ({ variantId, quantity: Math.min(quantity, MAX_QUANTITY) }));
  } catch {
    return [];
  }
}

export function writeCart(lines: CartLine[]): string {
  return JSON.stringify(lines.map((line) => [line.variantId, line.quantity]));
}

/** Pure: the cart after adding `quantity` of a variant (merged into its line, capped). */
export function addToCart(lines: CartLine[], variantId: number, quantity: number): CartLine[] {
  const existing = lines.find((line) => line.variantId === variantId);
  if (!existing) return [...lines, { variantId, quantity: Math.min(quantity, MAX_QUANTITY) }];
  return lines.map((line) =>
    line === existing ? { variantId, quantity: Math.min(line.quantity + quantity, MAX_QUANTITY) } : line,
  );
}

/** The variant's product, if it is for sale on the storefront. */
export function findVariant(store: SandboxStore, variantId: number) {
  for (const product of store.products.values()) {
    if (product.status !== 'ACTIVE') continue;
    const variant = product.variants.find((candidate) => candidate.id === variantId);
    if (variant) return { product, variant };
  }
  return null;
}

/** Shopify's `cart` object for the lines still on sale, with titles in the page's locale. */
export function cartObject(store: SandboxStore, lines: CartLine[], locale: string) {
  const items = lines.flatMap((line) => {
    const found = findVariant(store, line.variantId);
    if (!found) return [];
    const product = productObject(found.product, locale);
    const price = toCents(found.variant.price);
    const variantTitle = found.variant.title === 'Default Title' ? null : found.variant.title;
    return [
      {
        id: found.variant.id,
        variant_id: found.variant.id,
        product_id: product.id,
        product,
        title: variantTitle ? `${product.title} - ${variantTitle}` : product.title,
        variant_title: variantTitle,
        quantity: line.quantity,
        price,
        line_price: price * line.quantity,
        url: `${product.url}?variant=${found.variant.id}`,
        image: product.featured_image,
      },
    ];
  });
  return {
    items,
    item_count: items.reduce((sum, item) => sum + item.quantity, 0),
    // The shopper's presentment currency; the sandbox has no Markets, so always the shop's.
    currency: { iso_code: store.shop.currencyCode },
    total_price: items.reduce((sum, item) => sum + item.line_price, 0),
  };
}
