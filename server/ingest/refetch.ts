import type { Session } from '@shopify/shopify-api';
import { addBulkLine } from '../backfill/map-bulk-line.ts';
import { adminGraphql, type GraphqlOptions } from '../shopify/admin-graphql.ts';
import type { ShopifyApp } from '../shopify/shopify-app.ts';
import { emptyBatch, type IngestBatch } from './records.ts';

/*
 * When a webhook only says *that* something changed (a refund, a consent change), Tacto reads the current
 * state through the Admin API, with the same fields as the backfill, and maps it with the same code. Reading
 * the current state makes a repeated read harmless: the webhook queue may run it again after an outage.
 * Errors (Shopify unreachable, 5xx, throttled) are thrown for the queue to classify.
 */

/** How long throttles are waited out in place and how long an answer may take (the queue retries later). */
export type RefetchOptions = Pick<GraphqlOptions, 'maxThrottledAttempts' | 'sleep' | 'timeoutMs'>;

const ORDER = `#graphql
  query TactoOrder($id: ID!) {
    order(id: $id) {
      id createdAt updatedAt cancelledAt
      customer { id }
      fulfillments { createdAt status }
      customAttributes { key value }
      currentSubtotalPriceSet { shopMoney { amount } }
      lineItems(first: 250) {
        nodes {
          id quantity currentQuantity product { id } variant { id }
          customAttributes { key value }
          originalUnitPriceSet { shopMoney { amount } }
          totalDiscountSet { shopMoney { amount } }
        }
      }
    }
  }`;

const CUSTOMER = `#graphql
  query TactoCustomer($id: ID!) {
    customer(id: $id) {
      id firstName email locale updatedAt
      emailMarketingConsent { marketingState consentUpdatedAt }
      defaultAddress { countryCodeV2 }
    }
  }`;

export async function refetchOrder(shopify: ShopifyApp, session: Session, orderId: number, options: RefetchOptions = {}): Promise<IngestBatch> {
  const data = await adminGraphql<{ order: (Record<string, unknown> & { id: string; lineItems: { nodes: object[] } }) | null }>(
    shopify,
    session,
    ORDER,
    { ...options, variables: { id: `gid://shopify/Order/${orderId}` } },
  );
  const batch = emptyBatch();
  if (!data.order) return batch;
  const { lineItems, ...order } = data.order;
  addBulkLine(batch, order);
  for (const line of lineItems.nodes) addBulkLine(batch, { ...line, __parentId: order.id });
  return batch;
}

export async function refetchCustomer(shopify: ShopifyApp, session: Session, customerId: number, options: RefetchOptions = {}): Promise<IngestBatch> {
  const data = await adminGraphql<{ customer: object | null }>(shopify, session, CUSTOMER, {
    ...options,
    variables: { id: `gid://shopify/Customer/${customerId}` },
  });
  const batch = emptyBatch();
  if (data.customer) addBulkLine(batch, data.customer);
  return batch;
}
