import type { StoreChange } from '../store/store.ts';
import type { SandboxShop } from '../store/types.ts';
import { collectionDeletePayload, collectionPayload } from './collection-payload.ts';
import type { PayloadLookup } from './line-item-payload.ts';
import { orderPayload } from './order-payload.ts';
import { productDeletePayload, productPayload } from './product-payload.ts';
import { refundPayload } from './refund-payload.ts';
import { emailMarketingConsentPayload } from './shop-payloads.ts';

export { collectionDeletePayload, collectionPayload } from './collection-payload.ts';
export type { PayloadLookup } from './line-item-payload.ts';
export { lineItemPayload } from './line-item-payload.ts';
export { orderPayload } from './order-payload.ts';
export { productDeletePayload, productPayload } from './product-payload.ts';
export { refundPayload } from './refund-payload.ts';
export {
  appUninstalledPayload,
  bulkOperationsFinishPayload,
  customersDataRequestPayload,
  customersRedactPayload,
  emailMarketingConsentPayload,
  shopRedactPayload,
  type BulkOperationSummary,
} from './shop-payloads.ts';

export interface TopicPayload {
  topic: string;
  payload: object;
}

/**
 * The webhook(s) Shopify would send for a store change, with the REST JSON body of each topic (API 2025-01
 * onwards). A list because one change can be announced under several topics; today each change maps to one.
 *
 * Pass the store as `lookup` so that order payloads carry their customer and product details:
 * `payloadForChange(change, store.shop, store)`. The payload is built now, from the records as they are now,
 * which is what Shopify does too (a webhook shows the resource at delivery time, not a diff).
 */
export function payloadForChange(change: StoreChange, shop: SandboxShop, lookup: PayloadLookup = {}): TopicPayload[] {
  switch (change.topic) {
    case 'orders/create':
    case 'orders/updated':
    case 'orders/cancelled':
    case 'orders/fulfilled':
      return [{ topic: change.topic, payload: orderPayload(change.order, shop, lookup) }];
    case 'refunds/create': {
      const refund = change.order.refunds.find((candidate) => candidate.id === change.refundId);
      if (!refund) throw new Error(`Refund ${change.refundId} is not on order ${change.order.id}`);
      return [{ topic: change.topic, payload: refundPayload(change.order, refund, shop, lookup) }];
    }
    case 'products/create':
    case 'products/update':
      return [{ topic: change.topic, payload: productPayload(change.product, shop) }];
    case 'products/delete':
      return [{ topic: change.topic, payload: productDeletePayload(change.productId) }];
    case 'collections/create':
    case 'collections/update':
      return [{ topic: change.topic, payload: collectionPayload(change.collection, shop) }];
    case 'collections/delete':
      return [{ topic: change.topic, payload: collectionDeletePayload(change.collectionId) }];
    case 'customers_email_marketing_consent/update':
      return [{ topic: change.topic, payload: emailMarketingConsentPayload(change.customer, shop) }];
  }
}
