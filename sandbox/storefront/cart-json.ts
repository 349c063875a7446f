import { variantOnSale } from '../store/place-order.ts';
import type { SandboxStore } from '../store/store.ts';
import { lineKey, type Cart, type CartLine } from './cart.ts';
import { productObject, type ProductObject } from './liquid-objects.ts';

/**
 * Shopify's cart and line item JSON (Ajax API `cart.js`, `cart/add.js`) for the lines still on sale, titles in the
 * page's locale, prices in cents. The sandbox has no discounts, taxes or weights, so those read zero.
 */
export function lineItemJson(store: SandboxStore, line: CartLine, locale: string) {
  const found = variantOnSale(store, line.variantId);
  if (!found) return null;
  const product = productObject(found.product, locale);
  const price = product.variants.find((variant) => variant.id === found.variant.id)!.price;
  const variantTitle = found.variant.title === 'Default Title' ? null : found.variant.title;
  const linePrice = price * line.quantity;
  return {
    id: found.variant.id,
    properties: { ...line.properties },
    quantity: line.quantity,
    variant_id: found.variant.id,
    key: lineKey(line),
    title: variantTitle ? `${product.title} - ${variantTitle}` : product.title,
    price,
    original_price: price,
    discounted_price: price,
    line_price: linePrice,
    original_line_price: linePrice,
    final_price: price,
    final_line_price: linePrice,
    total_discount: 0,
    discounts: [],
    line_level_discount_allocations: [],
    line_level_total_discount: 0,
    sku: found.variant.sku || null,
    grams: 0,
    vendor: product.vendor,
    taxable: true,
    product_id: product.id,
    product_has_only_default_variant: product.has_only_default_variant,
    gift_card: false,
    url: `${product.url}?variant=${found.variant.id}`,
    featured_image: product.featured_image ? { url: product.featured_image.src, alt: product.featured_image.alt } : null,
    image: product.featured_image?.src ?? null,
    handle: product.handle,
    requires_shipping: true,
    product_type: product.type,
    product_title: product.title,
    variant_title: variantTitle,
  };
}

export type LineItemJson = NonNullable<ReturnType<typeof lineItemJson>>;

/** `GET /cart.js`: the whole cart; `token` is null for a cart never saved (Shopify would have made one). */
export function cartJson(store: SandboxStore, cart: Cart, token: string | null, locale: string) {
  const items = cart.lines.flatMap((line) => lineItemJson(store, line, locale) ?? []);
  const total = items.reduce((sum, item) => sum + item.line_price, 0);
  return {
    token,
    note: null,
    attributes: { ...cart.attributes },
    original_total_price: total,
    total_price: total,
    total_discount: 0,
    total_weight: 0,
    item_count: items.reduce((sum, item) => sum + item.quantity, 0),
    items,
    requires_shipping: items.length > 0,
    // The shopper's presentment currency; the sandbox has no Markets, so always the shop's.
    currency: store.shop.currencyCode,
    items_subtotal_price: total,
    cart_level_discount_applications: [],
  };
}

/** Liquid's `cart`: the same lines, each with its `product` object, and `currency` as an object. */
export function cartObject(store: SandboxStore, cart: Cart, locale: string) {
  const items = cart.lines.flatMap((line) => {
    const item = lineItemJson(store, line, locale);
    const found = variantOnSale(store, line.variantId);
    if (!item || !found) return [];
    const product: ProductObject = productObject(found.product, locale);
    return [{ ...item, product, image: product.featured_image }];
  });
  return { ...cartJson(store, cart, null, locale), items, currency: { iso_code: store.shop.currencyCode } };
}
