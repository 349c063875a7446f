import type { SandboxCollection, SandboxCustomer, SandboxOrder, SandboxProduct } from '../../store/types.ts';
import type { BulkOperationRecord } from '../bulk/bulk-operation-record.ts';
import type { CursorKey } from './connection.ts';

/**
 * `sortKey` values mapped to what they sort by. Keys Shopify ranks by data the sandbox lacks (RELEVANCE,
 * BEST_SELLING, DESTINATION…) fall back to the id, which is creation order.
 */

const time = (iso: string | null) => (iso === null ? 0 : Date.parse(iso));
const lower = (text: string | null) => (text ?? '').toLowerCase();

export function productSortKey(sortKey: string): (product: SandboxProduct) => CursorKey {
  switch (sortKey) {
    case 'TITLE':
      return (p) => ({ id: p.id, value: lower(p.title) });
    case 'CREATED_AT':
    case 'CREATED':
    case 'PUBLISHED_AT':
      return (p) => ({ id: p.id, value: time(p.createdAt) });
    case 'UPDATED_AT':
      return (p) => ({ id: p.id, value: time(p.updatedAt) });
    case 'PRODUCT_TYPE':
      return (p) => ({ id: p.id, value: lower(p.productType) });
    case 'VENDOR':
      return (p) => ({ id: p.id, value: lower(p.vendor) });
    case 'INVENTORY_TOTAL':
      return (p) => ({ id: p.id, value: p.variants.reduce((sum, v) => sum + v.inventoryQuantity, 0) });
    case 'PRICE':
      return (p) => ({ id: p.id, value: Math.min(...p.variants.map((v) => Number(v.price)), Number.MAX_SAFE_INTEGER) });
    default:
      return (p) => ({ id: p.id, value: p.id });
  }
}

export function orderTotal(order: SandboxOrder): number {
  return order.lineItems.reduce((sum, line) => sum + Number(line.price) * line.quantity, 0);
}

export function orderSortKey(sortKey: string, customers: ReadonlyMap<number, SandboxCustomer>): (order: SandboxOrder) => CursorKey {
  switch (sortKey) {
    case 'PROCESSED_AT':
      return (o) => ({ id: o.id, value: time(o.processedAt) });
    case 'CREATED_AT':
      return (o) => ({ id: o.id, value: time(o.createdAt) });
    case 'UPDATED_AT':
      return (o) => ({ id: o.id, value: time(o.updatedAt) });
    case 'TOTAL_PRICE':
    case 'CURRENT_TOTAL_PRICE':
      return (o) => ({ id: o.id, value: orderTotal(o) });
    case 'TOTAL_ITEMS_QUANTITY':
      return (o) => ({ id: o.id, value: o.lineItems.reduce((sum, line) => sum + line.quantity, 0) });
    case 'CUSTOMER_NAME':
      return (o) => {
        const customer = o.customerId === null ? undefined : customers.get(o.customerId);
        return { id: o.id, value: customer ? lower(`${customer.firstName} ${customer.lastName}`) : '' };
      };
    default:
      return (o) => ({ id: o.id, value: o.id });
  }
}

export function customerSortKey(sortKey: string): (customer: SandboxCustomer) => CursorKey {
  switch (sortKey) {
    case 'CREATED_AT':
      return (c) => ({ id: c.id, value: time(c.createdAt) });
    case 'UPDATED_AT':
      return (c) => ({ id: c.id, value: time(c.updatedAt) });
    case 'NAME':
      return (c) => ({ id: c.id, value: lower(`${c.firstName} ${c.lastName}`) });
    case 'LOCATION':
      return (c) => ({ id: c.id, value: lower(c.addresses[0]?.countryCode ?? '') });
    default:
      return (c) => ({ id: c.id, value: c.id });
  }
}

export function collectionSortKey(sortKey: string): (collection: SandboxCollection) => CursorKey {
  if (sortKey === 'TITLE') return (c) => ({ id: c.id, value: lower(c.title) });
  return (c) => ({ id: c.id, value: c.id });
}

export function bulkOperationSortKey(sortKey: string): (operation: BulkOperationRecord) => CursorKey {
  if (sortKey === 'COMPLETED_AT') return (b) => ({ id: b.legacyId, value: time(b.completedAt) });
  return (b) => ({ id: b.legacyId, value: time(b.createdAt) });
}
