import { Router } from 'express';
import type { SandboxStore } from '../store/store.ts';
import type { BulkOperationRecord, FinishedBulkOperation } from './bulk/bulk-operation-record.ts';
import type { BulkOperations } from './bulk/bulk-operations.ts';
import { AdminGraphql } from './graphql/admin-graphql.ts';
import type { ObservedQuery } from './graphql/field-coordinates.ts';
import { bulkResultsRoute } from './http/bulk-results-route.ts';
import { graphqlRoute } from './http/graphql-route.ts';
import { OutageSwitch } from './http/outage.ts';

export type { BulkOperationRecord, FinishedBulkOperation } from './bulk/bulk-operation-record.ts';
export type { BulkOperations } from './bulk/bulk-operations.ts';
export type { ObservedQuery } from './graphql/field-coordinates.ts';
export type { AdminApiOutage } from './http/outage.ts';
export { AdminGraphql } from './graphql/admin-graphql.ts';

export interface AdminApiOptions {
  store: SandboxStore;
  /** Base URL the sandbox is reachable at, e.g. http://127.0.0.1:3457 — used for bulk result file URLs. */
  publicUrl: string;
  /** Directory where bulk operation JSONL result files are written. */
  bulkResultsDir: string;
  /** Verifies an X-Shopify-Access-Token; returns the scopes granted to it, or null when unknown. */
  authenticate(accessToken: string): { scopes: string[] } | null;
  /** Called when a bulk operation reaches a final state, so the sandbox can send bulk_operations/finish. */
  onBulkOperationFinish?(operation: FinishedBulkOperation): void;
  /** Milliseconds clock for throttling (tests inject one). Default Date.now. */
  now?: () => number;
  /** Cost bucket; Shopify's standard plan: 1000 points, restoring 50/s. */
  throttle?: { maximumAvailable: number; restoreRate: number };
  /** Sees every valid query (and bulk query) with the schema fields it selects; for tests of what the app reads. */
  onQuery?(query: ObservedQuery): void;
  /**
   * Bulk pacing: root nodes per chunk (default 250), pause between chunks in ms (default 0), and how many
   * query operations may run at once (default 1; Shopify allows 5 from API 2026-01).
   */
  bulk?: { chunkSize?: number; pauseMs?: number; maxConcurrentQueries?: number };
}

/** The router, with the shop's bulk operations reachable (e.g. `await router.bulkOperations.settled(id)`). */
export type AdminApiRouter = Router & { bulkOperations: BulkOperations; graphql: AdminGraphql; outage: OutageSwitch };

export const DEFAULT_THROTTLE = { maximumAvailable: 1000, restoreRate: 50 } as const;

/**
 * The sandbox store's Admin GraphQL API: `POST /admin/api/:version/graphql.json` and
 * `GET /bulk-results/:file`. Mount it at the sandbox's root: `app.use(createAdminApiRouter({...}))`.
 */
export function createAdminApiRouter(options: AdminApiOptions): AdminApiRouter {
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const throttle = options.throttle ?? DEFAULT_THROTTLE;
  const graphql = new AdminGraphql({
    store: options.store,
    publicUrl,
    bulkResultsDir: options.bulkResultsDir,
    throttle,
    now: options.now ?? Date.now,
    onBulkOperationFinish: options.onBulkOperationFinish,
    onQuery: options.onQuery,
    bulk: options.bulk,
  });
  const outage = new OutageSwitch(throttle);
  const router = Router();
  // Before the token check: an unreachable or failing Shopify answers nothing else either.
  router.post('/admin/api/:version/graphql.json', outage.gate);
  router.use(graphqlRoute({ graphql, authenticate: options.authenticate }));
  router.use(bulkResultsRoute(options.bulkResultsDir));
  return Object.assign(router, { bulkOperations: graphql.bulkOperations, graphql, outage });
}

/** Waits for a bulk operation (by gid) to finish; a helper for tests and scripts. */
export function bulkOperationSettled(router: AdminApiRouter, id: string): Promise<BulkOperationRecord> {
  return router.bulkOperations.settled(id);
}
