import type { SandboxCollection, SandboxCustomer, SandboxOrder, SandboxProduct } from '../../store/types.ts';
import type { BulkOperationRecord } from '../bulk/bulk-operation-record.ts';
import type { SearchSpec } from './search-filter.ts';

/**
 * The search fields the sandbox understands per resource, named as in Shopify's `query` argument tables
 * (Admin GraphQL 2026-07). Shopify knows more; those are ignored with a warning.
 */

export const PRODUCT_SEARCH: SearchSpec<SandboxProduct> = {
  fields: {
    id: { kind: 'id', get: (p) => p.id },
    title: { kind: 'text', match: 'contains', get: (p) => p.title },
    handle: { kind: 'text', match: 'exact', get: (p) => p.handle },
    product_type: { kind: 'text', match: 'exact', get: (p) => p.productType },
    vendor: { kind: 'text', match: 'exact', get: (p) => p.vendor },
    status: { kind: 'text', match: 'exact', get: (p) => p.status },
    tag: { kind: 'keywords', get: (p) => p.tags },
    tag_not: { kind: 'keywords', negate: true, get: (p) => p.tags },
    sku: { kind: 'keywords', get: (p) => p.variants.map((v) => v.sku) },
    category_id: { kind: 'text', match: 'exact', get: (p) => p.category?.id ?? null },
    collection_id: { kind: 'keywords', get: (p) => p.collectionIds.map(String) },
    inventory_total: { kind: 'number', get: (p) => p.variants.reduce((sum, v) => sum + v.inventoryQuantity, 0) },
    created_at: { kind: 'time', get: (p) => p.createdAt },
    updated_at: { kind: 'time', get: (p) => p.updatedAt },
  },
  defaultText: (p) => [p.title, p.handle, p.vendor, p.productType, ...p.tags],
};

export const ORDER_SEARCH: SearchSpec<SandboxOrder> = {
  fields: {
    id: { kind: 'id', get: (o) => o.id },
    name: { kind: 'text', match: 'exact', get: (o) => o.name.replace(/^#/, '') },
    email: { kind: 'text', match: 'exact', get: (o) => o.email },
    customer_id: { kind: 'id', get: (o) => o.customerId },
    sku: { kind: 'keywords', get: (o) => o.lineItems.map((line) => line.sku) },
    status: { kind: 'keywords', get: (o) => (o.cancelledAt ? ['cancelled', 'closed'] : ['open']) },
    created_at: { kind: 'time', get: (o) => o.createdAt },
    processed_at: { kind: 'time', get: (o) => o.processedAt },
    updated_at: { kind: 'time', get: (o) => o.updatedAt },
  },
  defaultText: (o) => [o.name, o.email],
};

export const CUSTOMER_SEARCH: SearchSpec<SandboxCustomer> = {
  fields: {
    id: { kind: 'id', get: (c) => c.id },
    email: { kind: 'text', match: 'exact', get: (c) => c.email },
    first_name: { kind: 'text', match: 'exact', get: (c) => c.firstName },
    last_name: { kind: 'text', match: 'exact', get: (c) => c.lastName },
    country: { kind: 'keywords', get: (c) => c.addresses.map((address) => address.countryCode) },
    created_at: { kind: 'time', get: (c) => c.createdAt },
    customer_date: { kind: 'time', get: (c) => c.createdAt },
    updated_at: { kind: 'time', get: (c) => c.updatedAt },
  },
  defaultText: (c) => [c.firstName, c.lastName, `${c.firstName} ${c.lastName}`, c.email],
};

export const COLLECTION_SEARCH: SearchSpec<SandboxCollection> = {
  fields: {
    id: { kind: 'id', get: (c) => c.id },
    title: { kind: 'text', match: 'contains', get: (c) => c.title },
    handle: { kind: 'text', match: 'exact', get: (c) => c.handle },
  },
  defaultText: (c) => [c.title, c.handle],
};

export const BULK_OPERATION_SEARCH: SearchSpec<BulkOperationRecord> = {
  fields: {
    id: { kind: 'id', get: (b) => b.legacyId },
    status: { kind: 'text', match: 'exact', get: (b) => b.status },
    operation_type: { kind: 'text', match: 'exact', get: (b) => b.type },
    created_at: { kind: 'time', get: (b) => b.createdAt },
  },
  defaultText: () => [],
};
