import { toGid } from '../store/gid.ts';
import type { SandboxCustomer, SandboxLineItem, SandboxOrder, SandboxProduct } from '../store/types.ts';
import { money, moneySet } from './payload-format.ts';

/**
 * Records a payload may need beyond the change itself: the order's customer and the products its lines name.
 * A SandboxStore fits this shape, so `payloadForChange(change, store.shop, store)` is the usual call.
 */
export interface PayloadLookup {
  customers?: ReadonlyMap<number, SandboxCustomer>;
  products?: ReadonlyMap<number, SandboxProduct>;
}

/** Units of a line given back in refunds so far. */
export function refundedQuantity(order: SandboxOrder, lineItemId: number): number {
  let total = 0;
  for (const refund of order.refunds) {
    for (const line of refund.refundLineItems) if (line.lineItemId === lineItemId) total += line.quantity;
  }
  return total;
}

/**
 * Units still on the order. A cancelled order keeps its lines but none of them counts any more, as Shopify
 * shows once the cancellation has refunded and restocked them (the sandbox records no refund for that).
 */
export function currentQuantity(order: SandboxOrder, line: SandboxLineItem): number {
  if (order.cancelledAt !== null) return 0;
  return Math.max(0, line.quantity - refundedQuantity(order, line.id));
}

function isFulfilled(order: SandboxOrder): boolean {
  return order.fulfillments.some((fulfillment) => fulfillment.status === 'SUCCESS');
}

/** A line item as it appears in the REST order resource (API 2025-01 onwards). */
export function lineItemPayload(order: SandboxOrder, line: SandboxLineItem, lookup: PayloadLookup) {
  const product = line.productId === null ? undefined : lookup.products?.get(line.productId);
  const variant = product?.variants.find((candidate) => candidate.id === line.variantId);
  const variantTitle = variant && variant.title !== 'Default Title' ? variant.title : null;
  const fulfilled = isFulfilled(order);
  const current = currentQuantity(order, line);
  const currency = order.currencyCode;
  return {
    id: line.id,
    admin_graphql_api_id: toGid('LineItem', line.id),
    attributed_staffs: [],
    current_quantity: current,
    fulfillable_quantity: fulfilled ? 0 : current,
    fulfillment_service: 'manual',
    fulfillment_status: fulfilled ? 'fulfilled' : null,
    gift_card: false,
    grams: 0,
    name: variantTitle ? `${line.title} - ${variantTitle}` : line.title,
    price: line.price,
    price_set: moneySet(line.price, currency),
    // Without a product lookup the sandbox cannot tell a deleted product apart, so it trusts the id.
    product_exists: lookup.products ? product !== undefined : line.productId !== null,
    product_id: line.productId,
    properties: (line.properties ?? []).map(({ name, value }) => ({ name, value })),
    quantity: line.quantity,
    requires_shipping: true,
    sales_line_item_group_id: null,
    sku: line.sku || null,
    taxable: true,
    title: line.title,
    total_discount: money(0),
    total_discount_set: moneySet(0, currency),
    variant_id: line.variantId,
    variant_inventory_management: line.variantId === null ? null : 'shopify',
    variant_title: variantTitle,
    vendor: product?.vendor ?? null,
    tax_lines: [],
    duties: [],
    discount_allocations: [],
  };
}

export type LineItemPayload = ReturnType<typeof lineItemPayload>;
