import { toGid } from '../store/gid.ts';
import type { SandboxOrder, SandboxRefund, SandboxShop } from '../store/types.ts';
import { lineItemPayload, type PayloadLookup } from './line-item-payload.ts';
import { money, moneySet, shopTime } from './payload-format.ts';

/**
 * The refund resource, as refunds/create sends it and as each entry of an order's `refunds` reads.
 * Keys follow the refunds/create sample payload of shopify.dev's webhook reference (2026-07).
 */
export function refundPayload(order: SandboxOrder, refund: SandboxRefund, shop: SandboxShop, lookup: PayloadLookup) {
  const currency = order.currencyCode;
  const createdAt = shopTime(refund.createdAt, shop);
  return {
    id: refund.id,
    order_id: order.id,
    created_at: createdAt,
    note: refund.note,
    user_id: null,
    processed_at: createdAt,
    duties: [],
    total_duties_set: moneySet(0, currency),
    return: null,
    refund_shipping_lines: [],
    restock: false,
    admin_graphql_api_id: toGid('Refund', refund.id),
    order_adjustments: [],
    refund_line_items: refund.refundLineItems.map((refunded, index) => {
      const line = order.lineItems.find((candidate) => candidate.id === refunded.lineItemId);
      if (!line) throw new Error(`Refund ${refund.id} names line item ${refunded.lineItemId}, not in order ${order.id}`);
      const subtotal = Number(line.price) * refunded.quantity;
      const full = lineItemPayload(order, line, lookup);
      return {
        // The store keeps no id for a refund line; this one is stable and unique within the refund.
        id: refund.id * 1000 + index + 1,
        quantity: refunded.quantity,
        line_item_id: line.id,
        location_id: null,
        restock_type: 'no_restock',
        subtotal: Number(money(subtotal)),
        total_tax: 0,
        subtotal_set: moneySet(subtotal, currency),
        total_tax_set: moneySet(0, currency),
        line_item: {
          id: full.id,
          variant_id: full.variant_id,
          title: full.title,
          quantity: full.quantity,
          sku: full.sku,
          variant_title: full.variant_title,
          vendor: full.vendor,
          fulfillment_service: full.fulfillment_service,
          product_id: full.product_id,
          requires_shipping: full.requires_shipping,
          taxable: full.taxable,
          gift_card: full.gift_card,
          name: full.name,
          variant_inventory_management: full.variant_inventory_management,
          properties: full.properties,
          product_exists: full.product_exists,
          fulfillable_quantity: full.fulfillable_quantity,
          grams: full.grams,
          price: full.price,
          total_discount: full.total_discount,
          fulfillment_status: full.fulfillment_status,
          price_set: full.price_set,
          total_discount_set: full.total_discount_set,
          discount_allocations: full.discount_allocations,
          duties: full.duties,
          admin_graphql_api_id: full.admin_graphql_api_id,
          tax_lines: full.tax_lines,
        },
      };
    }),
    // The sandbox moves no money; Shopify would list the refund transaction here.
    transactions: [],
  };
}
