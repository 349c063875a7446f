import type { SandboxStore } from './store.ts';
import type { SandboxOrder } from './types.ts';

/**
 * An order as a customer places it in the shop: one of each product's first variant at its price, in the shop's
 * currency, placed now (or at `createdAt`). What the sandbox admin's Orders page and tests need; the seed, which
 * replays a history, builds its orders itself.
 */
export function placeOrder(store: SandboxStore, input: { customerId: number; productIds: readonly number[]; createdAt?: string }): SandboxOrder {
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
    lineItems: input.productIds.map((id) => {
      const product = store.products.get(id);
      const variant = product?.variants[0];
      if (!product || !variant) throw new Error(`No product with id ${id} (and a variant) in the sandbox store`);
      return { productId: product.id, variantId: variant.id, title: product.title, sku: variant.sku ?? '', quantity: 1, price: variant.price };
    }),
  });
}
