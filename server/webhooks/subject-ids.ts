/*
 * Pure: the Shopify ids a merchant needs to look up what a dead letter was about (the order, the customer, the
 * product, the collection …). They are all a dead letter keeps of its payload: addresses, phone numbers, notes, prices and
 * browser IPs stay out.
 */

export type SubjectKind = 'order' | 'customer' | 'product' | 'collection' | 'refund';
export type SubjectIds = Partial<Record<SubjectKind, number[]>>;

/** Lists longer than this (orders_to_redact) are cut: enough to find the request in Shopify. */
const MAX_IDS_PER_KIND = 20;

export function subjectIdsOf(topic: string, payload: unknown): SubjectIds {
  const body = isObject(payload) ? payload : {};
  const customer = isObject(body.customer) ? body.customer : {};
  const ids: Record<SubjectKind, unknown[]> = { order: [], customer: [], product: [], collection: [], refund: [] };
  if (topic.startsWith('orders/')) ids.order.push(body.id);
  if (topic.startsWith('products/')) ids.product.push(body.id);
  if (topic.startsWith('collections/')) ids.collection.push(body.id);
  if (topic === 'refunds/create') {
    ids.order.push(body.order_id);
    ids.refund.push(body.id);
  }
  ids.customer.push(body.customer_id, customer.id);
  for (const key of ['orders_requested', 'orders_to_redact'] as const) {
    if (Array.isArray(body[key])) ids.order.push(...body[key]);
  }
  const result: SubjectIds = {};
  for (const [kind, values] of Object.entries(ids) as [SubjectKind, unknown[]][]) {
    const valid = [...new Set(values.filter(isShopifyId))].slice(0, MAX_IDS_PER_KIND);
    if (valid.length > 0) result[kind] = valid;
  }
  return result;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isShopifyId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
