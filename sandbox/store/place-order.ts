import type { SandboxStore } from './store.ts';
import type { SandboxAttribute, SandboxOrder, SandboxProduct, SandboxVariant } from './types.ts';

/**
 * An order as a customer places it in the shop: one of each product's first variant at its price, in the shop's
 * currency, placed now (or at `createdAt`). What the sandbox admin's Orders page and tests need; the seed, which
 * replays a history, builds its orders itself.
 */
export function placeOrder(
  store: SandboxStore,
  input: { customerId: number; productIds: readonly number[]; createdAt?: string; customerLocale?: string },
): SandboxOrder {
  const customer = store.customers.get(input.customerId);
  if (!customer) throw new Error(`No customer with id ${input.customerId} in the sandbox store`);
  return store.addOrder({
    customerId: customer.id,
    email: customer.email,
    phone: null,
    note: null,
    shippingAddress: null,
    currencyCode: store.shop.currencyCode,
    createdAt: input.createdAt ?? new Date().toISOString(),
    ...(input.customerLocale ? { customerLocale: input.customerLocale } : {}),
    lineItems: input.productIds.map((id) => {
      const product = store.products.get(id);
      const variant = product?.variants[0];
      if (!product || !variant) throw new Error(`No product with id ${id} (and a variant) in the sandbox store`);
      return { productId: product.id, variantId: variant.id, title: product.title, sku: variant.sku ?? '', quantity: 1, price: variant.price };
    }),
  });
}

/** One line of a storefront cart at checkout. */
export interface CheckoutLine {
  variantId: number;
  quantity: number;
  properties: SandboxAttribute[];
}

/**
 * An order as Shopify's checkout creates it from a storefront cart: each line's variant, quantity and current price,
 * its properties as line item properties, the cart's attributes as the order's note attributes. Placed through
 * `store.addOrder`, as the Orders page's orders are, so the same webhooks follow (orders/create).
 * Throws when a variant is no longer for sale: the caller checks the cart first.
 */
export function placeCartOrder(
  store: SandboxStore,
  input: { customerId: number; lines: readonly CheckoutLine[]; attributes: SandboxAttribute[]; createdAt?: string },
): SandboxOrder {
  const customer = store.customers.get(input.customerId);
  if (!customer) throw new Error(`No customer with id ${input.customerId} in the sandbox store`);
  if (input.lines.length === 0) throw new Error('An order needs at least one line');
  return store.addOrder({
    customerId: customer.id,
    email: customer.email,
    phone: null,
    note: null,
    noteAttributes: input.attributes.map((attribute) => ({ ...attribute })),
    shippingAddress: customer.addresses[0] ?? null,
    currencyCode: store.shop.currencyCode,
    createdAt: input.createdAt ?? store.now().toISOString(),
    lineItems: input.lines.map((line) => {
      const found = variantOnSale(store, line.variantId);
      if (!found) throw new Error(`Variant ${line.variantId} is not for sale in the sandbox store`);
      return {
        productId: found.product.id,
        variantId: found.variant.id,
        title: found.product.title,
        sku: found.variant.sku ?? '',
        quantity: line.quantity,
        price: found.variant.price,
        properties: line.properties.map((property) => ({ ...property })),
      };
    }),
  });
}

/** The variant and its product, if the product is on sale (ACTIVE) in the store. */
export function variantOnSale(store: SandboxStore, variantId: number): { product: SandboxProduct; variant: SandboxVariant } | null {
  for (const product of store.products.values()) {
    if (product.status !== 'ACTIVE') continue;
    const variant = product.variants.find((candidate) => candidate.id === variantId);
    if (variant) return { product, variant };
  }
  return null;
}
