import { toGid } from '../../store/gid.ts';
import type { SandboxAttribute, SandboxFulfillment, SandboxLineItem, SandboxOrder, SandboxRefund } from '../../store/types.ts';
import { requireScope } from './access.ts';
import { connectionOf, positionalList, type ConnectionArgs } from './connection.ts';
import { mailingAddress } from './customers.ts';
import { dateTime, decimalAmount, unsignedInt64 } from './format.ts';
import { variantIndex } from './lookup.ts';
import type { ResolverMap, Resolvers } from './resolver-types.ts';

/** Line items and refund lines need their order (currency, refunds), which the store does not link back. */
interface LineItemSource {
  line: SandboxLineItem;
  order: SandboxOrder;
}
interface RefundSource {
  refund: SandboxRefund;
  order: SandboxOrder;
}
interface RefundLineSource {
  lineItemId: number;
  quantity: number;
  order: SandboxOrder;
}

const CANCEL_REASONS = new Set(['CUSTOMER', 'DECLINED', 'FRAUD', 'INVENTORY', 'STAFF', 'OTHER']);

function refundedQuantity(order: SandboxOrder, lineItemId: number): number {
  let refunded = 0;
  for (const refund of order.refunds) {
    for (const entry of refund.refundLineItems) if (entry.lineItemId === lineItemId) refunded += entry.quantity;
  }
  return refunded;
}

/** PAID, PARTIALLY_REFUNDED or REFUNDED: sandbox orders are paid when placed. */
function financialStatus(order: SandboxOrder): string {
  if (order.refunds.length === 0) return 'PAID';
  const allRefunded = order.lineItems.every((line) => refundedQuantity(order, line.id) >= line.quantity);
  return allRefunded ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
}

function moneyBag(amount: string, currencyCode: string) {
  const money = { amount: decimalAmount(amount), currencyCode };
  return { shopMoney: money, presentmentMoney: money };
}

/** The units of a line still on the order: after refunds, and none once cancelled. */
function currentQuantity(order: SandboxOrder, line: SandboxLineItem): number {
  return order.cancelledAt ? 0 : Math.max(0, line.quantity - refundedQuantity(order, line.id));
}

function subtotal(order: SandboxOrder, quantity: (line: SandboxLineItem) => number): string {
  const cents = order.lineItems.reduce((sum, line) => sum + Math.round(Number(line.price) * 100) * quantity(line), 0);
  return (cents / 100).toFixed(2);
}

function attributes(entries: readonly SandboxAttribute[] | undefined) {
  return (entries ?? []).map(({ name, value }) => ({ key: name, value }));
}

function firstOf<T>(items: readonly T[], first: number | null | undefined): readonly T[] {
  return first == null ? items : items.slice(0, Math.max(0, first));
}

const order: Resolvers<SandboxOrder> = {
  id: (o) => toGid('Order', o.id),
  legacyResourceId: (o) => unsignedInt64(o.id),
  createdAt: (o) => dateTime(o.createdAt),
  processedAt: (o) => dateTime(o.processedAt),
  updatedAt: (o) => dateTime(o.updatedAt),
  cancelledAt: (o) => dateTime(o.cancelledAt),
  cancelReason: (o) => (o.cancelReason === null ? null : CANCEL_REASONS.has(o.cancelReason) ? o.cancelReason : 'OTHER'),
  customer: (o, _args, ctx) => {
    requireScope(ctx, 'customer', 'read_customers');
    return o.customerId === null ? null : (ctx.store.customers.get(o.customerId) ?? null);
  },
  lineItems: (o, args: ConnectionArgs, ctx, info) => {
    const sources = o.lineItems.map((line): LineItemSource => ({ line, order: o }));
    return connectionOf(positionalList(sources, (source) => source.line.id, args.reverse ?? false), args, ctx, info);
  },
  refunds: (o, args: { first?: number | null }) =>
    firstOf(o.refunds, args.first).map((refund): RefundSource => ({ refund, order: o })),
  fulfillments: (o, args: { first?: number | null }) => firstOf(o.fulfillments, args.first),
  displayFinancialStatus: (o) => financialStatus(o),
  displayFulfillmentStatus: (o) =>
    o.fulfillments.some((fulfillment) => fulfillment.status === 'SUCCESS') ? 'FULFILLED' : 'UNFULFILLED',
  customAttributes: (o) => attributes(o.noteAttributes),
  customerLocale: (o) => o.customerLocale ?? null,
  // The sandbox has no discounts: the subtotal is the lines' price; the current one leaves refunded units out.
  subtotalPriceSet: (o) => moneyBag(subtotal(o, (line) => line.quantity), o.currencyCode),
  currentSubtotalPriceSet: (o) => moneyBag(subtotal(o, (line) => currentQuantity(o, line)), o.currencyCode),
  shippingAddress: (o) => (o.shippingAddress ? mailingAddress(o.shippingAddress, o.id * 10 + 5, 'Address') : null),
};

const lineItem: Resolvers<LineItemSource> = {
  id: (s) => toGid('LineItem', s.line.id),
  title: (s) => s.line.title,
  sku: (s) => s.line.sku || null,
  quantity: (s) => s.line.quantity,
  // What is left after refunds; a cancelled order keeps nothing.
  currentQuantity: (s) => currentQuantity(s.order, s.line),
  customAttributes: (s) => attributes(s.line.properties),
  originalUnitPriceSet: (s) => moneyBag(s.line.price, s.order.currencyCode),
  totalDiscountSet: (s) => moneyBag('0', s.order.currencyCode),
  product: (s, _args, ctx) => {
    requireScope(ctx, 'product', 'read_products');
    return s.line.productId === null ? null : (ctx.store.products.get(s.line.productId) ?? null);
  },
  variant: (s, _args, ctx) => {
    requireScope(ctx, 'variant', 'read_products');
    return s.line.variantId === null ? null : (variantIndex(ctx).get(s.line.variantId)?.variant ?? null);
  },
};

const refund: Resolvers<RefundSource> = {
  id: (s) => toGid('Refund', s.refund.id),
  legacyResourceId: (s) => unsignedInt64(s.refund.id),
  createdAt: (s) => dateTime(s.refund.createdAt),
  note: (s) => s.refund.note,
  refundLineItems: (s, args: ConnectionArgs, ctx, info) => {
    const sources = s.refund.refundLineItems.map((entry): RefundLineSource => ({ ...entry, order: s.order }));
    return connectionOf(positionalList(sources, (source) => source.lineItemId, args.reverse ?? false), args, ctx, info);
  },
};

const refundLineItem: Resolvers<RefundLineSource> = {
  // Shopify's RefundLineItem.id is nullable; the store keeps no id for it.
  id: () => null,
  quantity: (s) => s.quantity,
  lineItem: (s) => {
    const line = s.order.lineItems.find((candidate) => candidate.id === s.lineItemId);
    return line ? { line, order: s.order } : null;
  },
};

const fulfillment: Resolvers<SandboxFulfillment> = {
  id: (f) => toGid('Fulfillment', f.id),
  legacyResourceId: (f) => unsignedInt64(f.id),
  createdAt: (f) => dateTime(f.createdAt),
};

export const orderResolvers: ResolverMap = {
  Order: order,
  LineItem: lineItem,
  Refund: refund,
  RefundLineItem: refundLineItem,
  Fulfillment: fulfillment,
};
