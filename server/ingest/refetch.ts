import type { Session } from '@shopify/shopify-api';
import { addBulkLine } from '../backfill/map-bulk-line.ts';
import { adminGraphql } from '../shopify/admin-graphql.ts';
import type { ShopifyApp } from '../shopify/shopify-app.ts';
import { emptyBatch, type IngestBatch } from './records.ts';

/*
 * When a webhook only says *that* something changed (a refund, a consent change), Tacto reads the current
 * state through the Admin API, with the same fields as the backfill, and maps it with the same code.
 */

const ORDER = `#graphql
  query TactoOrder($id: ID!) {
    order(id: $id) {
      id createdAt updatedAt cancelledAt
      customer { id }
      fulfillments { createdAt status }
      lineItems(first: 250) { nodes { id quantity currentQuantity product { id } variant { id } } }
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

export async function refetchOrder(shopify: ShopifyApp, session: Session, orderId: number): Promise<IngestBatch> {
  const data = await adminGraphql<{ order: (Record<string, unknown> & { id: string; lineItems: { nodes: object[] } }) | null }>(
    shopify,
    session,
    ORDER,
    { variables: { id: `gid://shopify/Order/${orderId}` } },
  );
  const batch = emptyBatch();
  if (!data.order) return batch;
  const { lineItems, ...order } = data.order;
  addBulkLine(batch, order);
  for (const line of lineItems.nodes) addBulkLine(batch, { ...line, __parentId: order.id });
  return batch;
}

export async function refetchCustomer(shopify: ShopifyApp, session: Session, customerId: number): Promise<IngestBatch> {
  const data = await adminGraphql<{ customer: object | null }>(shopify, session, CUSTOMER, {
    variables: { id: `gid://shopify/Customer/${customerId}` },
  });
  const batch = emptyBatch();
  if (data.customer) addBulkLine(batch, data.customer);
  return batch;
}
