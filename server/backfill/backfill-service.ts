import type { Session } from '@shopify/shopify-api';
import type { Storage } from '../db/storage.ts';
import type { Logger } from '../logger.ts';
import type { ShopifyApp } from '../shopify/shopify-app.ts';
import { BulkOperationGone, countOrders, startBulkQuery, waitForBulkOperation } from './bulk-operation.ts';
import { BACKFILL_STAGES, BULK_QUERIES } from './bulk-queries.ts';
import { jsonlLines } from './jsonl-lines.ts';
import { importJsonl } from './import-jsonl.ts';

export interface BackfillOptions {
  /** How often to ask Shopify whether a bulk operation is done. */
  pollIntervalMs?: number;
  /** Records per transaction. */
  batchRecords?: number;
  /**
   * Called after every stored batch (the CLI draws its progress bar from it). The backfill waits for what it
   * returns before reading on: tests hold a backfill between two batches this way.
   */
  onProgress?: (shop: string) => void | Promise<void>;
  /** Called when a shop's backfill has stored everything (recommendation models rebuild from it). */
  onCompleted?: (shop: string) => void;
}

/**
 * Imports a shop's products, customers and orders through bulk operations, one stage after another, and
 * keeps going from where it stopped after a crash: the backfill row records the running bulk operation and
 * how many of its result lines are stored, in the same transaction as those lines. Upserts are keyed by
 * Shopify's ids, so even a replayed line cannot double anything.
 */
export class BackfillService {
  private readonly running = new Map<string, Promise<void>>();
  /** Aborted on shutdown: a stopped backfill stays `running` in storage and resumes at the next start. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly deps: {
      shopify: ShopifyApp;
      storage: Storage;
      logger: Logger;
      /** Reads the catalog's translations once the products are in (server/translations/). */
      translations?: { refreshShop(shop: string): Promise<void> };
    },
    private readonly options: BackfillOptions = {},
  ) {}

  /** Starts a fresh backfill (or joins the one running for this shop). */
  start(shop: string, options: { fresh: boolean } = { fresh: true }): Promise<void> {
    const current = this.running.get(shop);
    if (current) return current;
    const run = this.run(shop, options.fresh).finally(() => this.running.delete(shop));
    this.running.set(shop, run);
    return run;
  }

  /** At boot: continue every backfill a previous process left running. */
  async resumeUnfinished(): Promise<void> {
    for (const record of await this.deps.storage.backfills.listUnfinished()) {
      this.start(record.shop, { fresh: false }).catch(() => undefined);
    }
  }

  /** Stops every backfill between two batches; what is stored stays stored. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled(this.running.values());
  }

  isRunning(shop: string): boolean {
    return this.running.has(shop);
  }

  private async run(shop: string, fresh: boolean): Promise<void> {
    const { shopify, storage, logger } = this.deps;
    const session = await storage.sessions.loadSession(shopify.api.session.getOfflineId(shop));
    if (!session?.accessToken) throw new Error(`${shop} has not installed Tacto`);
    let record = await storage.backfills.find(shop);
    if (fresh || !record || record.status !== 'running') {
      await storage.backfills.start(shop, { allOrdersVisible: grantsAllOrders(session), startedAt: new Date().toISOString() });
      record = (await storage.backfills.find(shop))!;
    }
    try {
      for (const stage of BACKFILL_STAGES.slice(BACKFILL_STAGES.indexOf(record.stage))) {
        if (stage === 'orders') await storage.backfills.setOrdersEstimate(shop, await countOrders(shopify, session));
        const resuming = record.stage === stage && record.bulkOperationId !== null;
        if (resuming) {
          try {
            await this.importStage(shop, session, stage, record.bulkOperationId!, record.linesDone);
            record = (await storage.backfills.find(shop))!;
            continue;
          } catch (error) {
            // A result file expires after a week and a shop may forget an operation: run the stage again
            // (upserts make the lines already stored harmless).
            if (!(error instanceof BulkOperationGone)) throw error;
          }
        }
        const operationId = await startBulkQuery(shopify, session, BULK_QUERIES[stage]);
        await storage.backfills.beginStage(shop, stage, operationId);
        await this.importStage(shop, session, stage, operationId, 0);
        record = (await storage.backfills.find(shop))!;
      }
      // The catalog's translations, once its products are stored. A failure does not fail the import: the picks show
      // default titles until the next read (a localized storefront request starts one after a few hours).
      await this.deps.translations?.refreshShop(shop).catch((error: unknown) => logger.warn({ shop, err: error }, 'product translations: read failed'));
      await storage.backfills.finish(shop, new Date().toISOString());
      logger.info({ shop, ...(await storage.backfills.summary(shop)) }, 'backfill completed');
      this.options.onCompleted?.(shop);
    } catch (error) {
      if (this.stopping.signal.aborted) return;
      await storage.backfills.fail(shop, error instanceof Error ? error.message : String(error), new Date().toISOString());
      logger.error({ shop, err: error }, 'backfill failed');
      throw error;
    }
  }

  private async importStage(shop: string, session: Session, stage: string, operationId: string, skip: number): Promise<void> {
    const { shopify, storage } = this.deps;
    const operation = await waitForBulkOperation(shopify, session, operationId, {
      intervalMs: this.options.pollIntervalMs ?? 1_000,
      signal: this.stopping.signal,
    });
    if (operation.status === 'EXPIRED') throw new BulkOperationGone(operationId);
    if (operation.status !== 'COMPLETED') throw new Error(`Bulk ${stage} query ended ${operation.status} (${operation.errorCode ?? 'no code'})`);
    if (!operation.url) return; // Shopify gives no file when nothing matched.
    await importJsonl(storage.ingest, shop, stage, jsonlLines(operation.url), {
      skip,
      batchRecords: this.options.batchRecords,
      signal: this.stopping.signal,
      onBatch: () => this.options.onProgress?.(shop),
    });
  }
}

/** Without read_all_orders Shopify shows the last 60 days only. */
export function grantsAllOrders(session: Session): boolean {
  return (session.scope ?? '').split(',').includes('read_all_orders');
}
