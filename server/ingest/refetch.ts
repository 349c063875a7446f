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

/**
 * Lines come 100 a page: with each line's attributes and prices a page of 250 would cost over 2,000 points, and
 * Shopify refuses any single query above 1,000 (MAX_COST_EXCEEDED). A page costs about 810.
 */
const LINES_PER_PAGE = 100;
/** An order has at most a few thousand lines; past this many pages something is wrong, and the queue retries. */
const MAX_LINE_PAGES = 50;

const ORDER = `#graphql
  query TactoOrder($id: ID!, $after: String) {
    order(id: $id) {
      id createdAt updatedAt cancelledAt customerLocale
      customer { id }
      fulfillments { createdAt status }
      customAttributes { key value }
      currentSubtotalPriceSet { shopMoney { amount } }
      lineItems(first: ${LINES_PER_PAGE}, after: $after) {
        nodes {
          id quantity currentQuantity product { id } variant { id }
          customAttributes { key value }
          originalUnitPriceSet { shopMoney { amount } }
          totalDiscountSet { shopMoney { amount } }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`;

type OrderPage = Record<string, unknown> & {
  id: string;
  lineItems: { nodes: object[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
};

const CUSTOMER = `#graphql
  query TactoCustomer($id: ID!) {
    customer(id: $id) {
      id firstName email locale updatedAt
      emailMarketingConsent { marketingState consentUpdatedAt }
      defaultAddress { countryCodeV2 }
    }
  }`;

export async function refetchOrder(shopify: ShopifyApp, session: Session, orderId: number, options: RefetchOptions = {}): Promise<IngestBatch> {
  const batch = emptyBatch();
  let after: string | null = null;
  for (let page = 0; page < MAX_LINE_PAGES; page++) {
    const data: { order: OrderPage | null } = await adminGraphql<{ order: OrderPage | null }>(shopify, session, ORDER, {
      ...options,
      variables: { id: `gid://shopify/Order/${orderId}`, after },
    });
    if (!data.order) return emptyBatch();
    const { lineItems, ...order } = data.order;
    if (page === 0) addBulkLine(batch, order);
    for (const line of lineItems.nodes) addBulkLine(batch, { ...line, __parentId: order.id });
    if (!lineItems.pageInfo.hasNextPage || !lineItems.pageInfo.endCursor) return batch;
    after = lineItems.pageInfo.endCursor;
  }
  throw new Error(`Order ${orderId} has more than ${MAX_LINE_PAGES * LINES_PER_PAGE} lines`);
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
