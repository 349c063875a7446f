import type { Session } from '@shopify/shopify-api';
import { z } from 'zod';
import { adminGraphql } from '../shopify/admin-graphql.ts';
import type { ShopifyApp } from '../shopify/shopify-app.ts';

const RUN = `#graphql
  mutation TactoBackfill($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status }
      userErrors { field message }
    }
  }`;

const POLL = `#graphql
  query TactoBulkStatus($id: ID!) {
    node(id: $id) { ... on BulkOperation { id status errorCode objectCount url } }
  }`;

const runResult = z.object({
  bulkOperationRunQuery: z.object({
    bulkOperation: z.object({ id: z.string() }).nullable(),
    userErrors: z.array(z.object({ message: z.string() })),
  }),
});
const pollResult = z.object({
  node: z
    .object({ id: z.string(), status: z.string(), errorCode: z.string().nullable(), objectCount: z.string(), url: z.string().nullable() })
    .nullable(),
});

/** The shop no longer knows the operation, or its results expired. */
export class BulkOperationGone extends Error {
  constructor(id: string) {
    super(`Bulk operation ${id} is no longer available`);
    this.name = 'BulkOperationGone';
  }
}

export type BulkOperationStatus = NonNullable<z.infer<typeof pollResult>['node']>;

export async function startBulkQuery(shopify: ShopifyApp, session: Session, query: string): Promise<string> {
  const data = runResult.parse(await adminGraphql(shopify, session, RUN, { variables: { query } }));
  const operation = data.bulkOperationRunQuery.bulkOperation;
  if (!operation) throw new Error(`Shopify refused the bulk query: ${data.bulkOperationRunQuery.userErrors.map((e) => e.message).join('; ')}`);
  return operation.id;
}

/** Polls until the operation is final (Shopify also announces it with bulk_operations/finish). */
export async function waitForBulkOperation(
  shopify: ShopifyApp,
  session: Session,
  id: string,
  options: { intervalMs: number; signal?: AbortSignal },
): Promise<BulkOperationStatus> {
  for (;;) {
    const data = pollResult.parse(await adminGraphql(shopify, session, POLL, { variables: { id } }));
    if (!data.node) throw new BulkOperationGone(id);
    if (['COMPLETED', 'FAILED', 'CANCELED', 'EXPIRED'].includes(data.node.status)) return data.node;
    options.signal?.throwIfAborted();
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
}

const COUNT = `#graphql
  query TactoOrdersCount { ordersCount(limit: null) { count } }`;

export async function countOrders(shopify: ShopifyApp, session: Session): Promise<number> {
  const data = z.object({ ordersCount: z.object({ count: z.number() }).nullable() }).parse(await adminGraphql(shopify, session, COUNT));
  return data.ordersCount?.count ?? 0;
}
