import { z } from 'zod';
import { amountOf, experimentOf, surfaceOf } from '../analytics/cart-marks.ts';
import { matchLocale } from '../i18n/locales.ts';
import { isoTime, type OrderLineRecord, type OrderRecord, type ProductRecord } from '../ingest/records.ts';

/*
 * Pure: the REST payloads Shopify sends (API 2025-01 onwards), validated and turned into Tacto's records.
 * Only the fields Tacto keeps are read; everything else in the payload is ignored.
 */

const id = z.number().int().positive();
const time = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be a timestamp');

const orderPayload = z.object({
  id,
  created_at: time,
  updated_at: time,
  cancelled_at: time.nullable().optional(),
  customer: z.object({ id }).nullable().optional(),
  customer_locale: z.string().max(64).nullable().optional(),
  // Cart attributes and line properties come from the shopper's browser: read loosely, kept only when they are
  // exactly Tacto's marks (analytics/cart-marks.ts).
  note_attributes: z.array(z.object({ name: z.string(), value: z.unknown() })).nullable().optional(),
  current_subtotal_price: z.string().nullable().optional(),
  line_items: z.array(
    z.object({
      id,
      product_id: id.nullable().optional(),
      variant_id: id.nullable().optional(),
      quantity: z.number().int().nonnegative(),
      price: z.string().nullable().optional(),
      properties: z.array(z.object({ name: z.string(), value: z.unknown() })).nullable().optional(),
      discount_allocations: z.array(z.object({ amount: z.string() })).nullable().optional(),
    }),
  ),
  refunds: z
    .array(z.object({ refund_line_items: z.array(z.object({ line_item_id: id, quantity: z.number().int().nonnegative() })) }))
    .default([]),
  fulfillments: z.array(z.object({ created_at: time, status: z.string() })).default([]),
});

/** orders/create, orders/updated, orders/cancelled: the order with its complete set of lines. */
export function orderFromPayload(payload: unknown): { order: OrderRecord; lines: OrderLineRecord[] } {
  const o = orderPayload.parse(payload);
  const refunded = new Map<number, number>();
  for (const refund of o.refunds) {
    for (const line of refund.refund_line_items) refunded.set(line.line_item_id, (refunded.get(line.line_item_id) ?? 0) + line.quantity);
  }
  const fulfilled = o.fulfillments.filter((f) => f.status === 'success').map((f) => isoTime(f.created_at)).sort();
  const experiment = experimentOf(o.note_attributes);
  return {
    order: {
      id: o.id,
      customerId: o.customer?.id ?? null,
      createdAt: isoTime(o.created_at),
      cancelledAt: isoTime(o.cancelled_at),
      fulfilledAt: fulfilled[0] ?? null,
      updatedAt: isoTime(o.updated_at),
      experiment,
      subtotal: experiment ? amountOf(o.current_subtotal_price) : null,
      customerLocale: matchLocale(o.customer_locale),
    },
    lines: o.line_items.map((line) => {
      const surface = surfaceOf(line.properties);
      const price = amountOf(line.price);
      const discounts = (line.discount_allocations ?? []).reduce((sum, d) => sum + (amountOf(d.amount) ?? 0), 0);
      return {
        id: line.id,
        orderId: o.id,
        productId: line.product_id ?? null,
        variantId: line.variant_id ?? null,
        quantity: line.quantity,
        refundedQuantity: Math.min(line.quantity, refunded.get(line.id) ?? 0),
        surface,
        netAmount: surface && price !== null ? Math.max(0, price * line.quantity - discounts) : null,
      };
    }),
  };
}

const productPayload = z.object({
  id,
  title: z.string(),
  handle: z.string(),
  product_type: z.string().default(''),
  status: z.string(),
  tags: z.string().default(''),
  updated_at: time,
  image: z.object({ src: z.string() }).nullable().optional(),
  category: z.object({ admin_graphql_api_id: z.string(), full_name: z.string() }).nullable().optional(),
  variants: z
    .array(z.object({ price: z.string(), inventory_policy: z.string().optional(), inventory_quantity: z.number().int().optional() }))
    .default([]),
});

/** products/create and products/update (the same REST product resource). */
export function productFromPayload(payload: unknown): ProductRecord {
  const p = productPayload.parse(payload);
  const prices = p.variants.map((v) => Number(v.price)).filter(Number.isFinite);
  return {
    id: p.id,
    title: p.title,
    handle: p.handle,
    productType: p.product_type,
    categoryId: p.category ? p.category.admin_graphql_api_id.replace(/^gid:\/\/shopify\/TaxonomyCategory\//, '') : null,
    categoryName: p.category?.full_name ?? null,
    tags: p.tags.split(',').map((t) => t.trim()).filter(Boolean),
    imageUrl: p.image?.src ?? null,
    price: prices.length > 0 ? Math.min(...prices).toFixed(2) : null,
    available: p.variants.some((v) => v.inventory_policy === 'continue' || (v.inventory_quantity ?? 0) > 0),
    status: p.status.toUpperCase(),
    updatedAt: isoTime(p.updated_at),
  };
}

/** products/delete. */
export const deletedProductId = (payload: unknown): number => z.object({ id }).parse(payload).id;

/**
 * collections/create, collections/update and collections/delete: which collection changed. Only the id is read:
 * the payload lists no products, so its members are read again through the Admin API (or dropped, once deleted).
 */
export const changedCollectionId = (payload: unknown): number => z.object({ id }).parse(payload).id;

/** refunds/create: which order changed (the order is then read again through the Admin API). */
export const refundedOrderId = (payload: unknown): number => z.object({ order_id: id }).parse(payload).order_id;

/** customers_email_marketing_consent/update (API 2025-01 onwards: lowercase states). */
export function consentChange(payload: unknown): { customerId: number; subscribed: boolean; state: string } {
  const p = z
    .object({ customer_id: id, email_marketing_consent: z.object({ state: z.string() }).nullable().optional() })
    .parse(payload);
  const state = (p.email_marketing_consent?.state ?? 'not_subscribed').toUpperCase();
  return { customerId: p.customer_id, subscribed: state === 'SUBSCRIBED', state };
}

/** customers/data_request and customers/redact. */
export function privacyRequest(payload: unknown): { customerId: number; email: string | null; orderIds: number[] } {
  const p = z
    .object({
      customer: z.object({ id, email: z.string().nullable().optional() }),
      orders_requested: z.array(id).optional(),
      orders_to_redact: z.array(id).optional(),
    })
    .parse(payload);
  return { customerId: p.customer.id, email: p.customer.email ?? null, orderIds: p.orders_to_redact ?? p.orders_requested ?? [] };
}
