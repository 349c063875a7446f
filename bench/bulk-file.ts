import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { BULK_QUERIES } from '../server/backfill/bulk-queries.ts';
import { createAdminApiRouter } from '../sandbox/admin-api/index.ts';
import { loadOnlineRetail } from '../sandbox/seed/online-retail.ts';
import { SandboxStore } from '../sandbox/store/store.ts';

export interface BulkFile {
  url: string;
  orders: number;
  lineItems: number;
  close(): Promise<void>;
}

/**
 * Setup, not measured: the whole Online Retail data set in a sandbox store, exported by the sandbox's
 * bulk operation with the app's own orders query, and served on loopback as Shopify serves result files.
 */
export async function produceOrdersBulkFile(maxLines?: number): Promise<BulkFile> {
  const store = new SandboxStore({
    name: 'Bench',
    myshopifyDomain: 'bench.sandbox.test',
    email: 'bench@example.com',
    currencyCode: 'GBP',
    ianaTimezone: 'Europe/London',
    primaryLocale: 'en',
    grantsReadAllOrders: true,
  });
  await loadOnlineRetail(store, { maxLines });
  const app = express();
  const router = createAdminApiRouter({
    store,
    publicUrl: 'http://127.0.0.1:0',
    bulkResultsDir: mkdtempSync(join(tmpdir(), 'tacto-bench-')),
    authenticate: () => ({ scopes: ['read_orders', 'read_all_orders', 'read_products', 'read_customers'] }),
  });
  app.use(router);
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const response = await fetch(`${origin}/admin/api/2026-07/graphql.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': 'bench' },
    body: JSON.stringify({ query: `mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { message } } }`, variables: { q: BULK_QUERIES.orders } }),
  });
  const body = (await response.json()) as { data: { bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: { message: string }[] } } };
  const operation = body.data.bulkOperationRunQuery.bulkOperation;
  if (!operation) throw new Error(`bulk query refused: ${JSON.stringify(body.data.bulkOperationRunQuery.userErrors)}`);
  const finished = await router.bulkOperations.settled(operation.id);
  if (finished.status !== 'COMPLETED' || !finished.url) throw new Error(`bulk query ended ${finished.status}`);
  // The record's URL names the placeholder origin given above; the file is served by this server.
  const url = `${origin}${new URL(finished.url).pathname}`;
  let lineItems = 0;
  for (const order of store.orders.values()) lineItems += order.lineItems.length;
  return {
    url,
    orders: store.orders.size,
    lineItems,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
