import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { BULK_QUERIES } from '../server/backfill/bulk-queries.ts';
import { createAdminApiRouter } from '../sandbox/admin-api/index.ts';
import { loadOnlineRetail } from '../sandbox/seed/online-retail.ts';
import { SandboxStore } from '../sandbox/store/store.ts';

/** What the sandbox store holds: the figures the ingested database must match. */
export interface SourceTotals {
  orders: number;
  lineItems: number;
  quantity: number;
}

/** The exported file, described (sent as is from the sandbox's process to the orchestrator). */
export interface BulkFileInfo {
  /** Loopback URL of the JSONL result file, served as Shopify serves bulk results. */
  url: string;
  bytes: number;
  jsonlLines: number;
  source: SourceTotals;
}

export interface BulkFile extends BulkFileInfo {
  close(): Promise<void>;
}

const API_VERSION = '2026-07';
const RUN_QUERY = `mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { message } } }`;

/**
 * Setup, not measured: Online Retail (or its first `maxLines` lines) in a sandbox store, exported by the
 * sandbox's bulk operation with the app's own orders query, over its Admin GraphQL HTTP API.
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
  const source: SourceTotals = { orders: store.orders.size, lineItems: 0, quantity: 0 };
  for (const order of store.orders.values()) {
    source.lineItems += order.lineItems.length;
    for (const line of order.lineItems) source.quantity += line.quantity;
  }

  // Listen first: the router writes result URLs on this origin.
  const app = express();
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const resultsDir = mkdtempSync(join(tmpdir(), 'tacto-bench-bulk-'));
  const close = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    rmSync(resultsDir, { recursive: true, force: true });
  };
  try {
    const router = createAdminApiRouter({
      store,
      publicUrl: origin,
      bulkResultsDir: resultsDir,
      // Any token is the installed app's: the bench exercises the bulk export, not OAuth.
      authenticate: () => ({ scopes: ['read_orders', 'read_all_orders', 'read_products', 'read_customers'] }),
    });
    app.use(router);
    const response = await fetch(`${origin}/admin/api/${API_VERSION}/graphql.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': 'bench' },
      body: JSON.stringify({ query: RUN_QUERY, variables: { q: BULK_QUERIES.orders } }),
    });
    const body = (await response.json()) as { data: { bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: { message: string }[] } } };
    const operation = body.data.bulkOperationRunQuery.bulkOperation;
    if (!operation) throw new Error(`bulk query refused: ${JSON.stringify(body.data.bulkOperationRunQuery.userErrors)}`);
    const finished = await router.bulkOperations.settled(operation.id);
    if (finished.status !== 'COMPLETED' || !finished.url) throw new Error(`bulk query ended ${finished.status}`);
    return { url: finished.url, bytes: finished.fileSize ?? 0, jsonlLines: finished.objectCount, source, close };
  } catch (error) {
    await close();
    throw error;
  }
}
