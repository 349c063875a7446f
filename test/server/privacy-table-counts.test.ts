/**
 * Rows per table for one shop, on a real SQLite file: every table keyed by shop is counted (found from the schema),
 * another shop's rows never, and every such table is described for the Privacy page with the retention the code runs.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { COUNTER_RETENTION_DAYS } from '../../server/analytics/analytics-service.ts';
import { tablesWithColumn } from '../../server/db/sqlite/privacy.ts';
import { createSqliteStorage } from '../../server/db/sqlite/storage.ts';
import type { Storage } from '../../server/db/storage.ts';
import { createLogger } from '../../server/logger.ts';
import { TRANSLATIONS_MAX_AGE_MS } from '../../server/translations/translation-refresher.ts';
import { COUNTER_DAYS, DEAD_LETTER_DAYS, PROCESSED_WEBHOOK_DAYS, STORED_TABLES, tableText, TRANSLATIONS_REFRESH_HOURS } from '../../server/privacy/stored-tables.ts';
import { reportTranslator } from '../../server/privacy/report/report-words.ts';
import { DEFAULT_POLICY } from '../../server/recommend/policy.ts';
import { WebhookWorker } from '../../server/webhooks/queue-worker.ts';
import { TEST_STORAGE_KEYS } from '../support/db.ts';
import { tempDir } from '../support/temp.ts';

const SHOP = 'counted.myshopify.com';
const OTHER = 'neighbour.myshopify.com';
let storage: Storage;
let file: string;

beforeEach(() => {
  file = join(tempDir(), 'tacto.sqlite');
  storage = createSqliteStorage(file, TEST_STORAGE_KEYS);
});
afterEach(() => storage.close());

const emptyExport = { customer: null, orders: [], other: {} };
const countsOf = async (shop: string) => Object.fromEntries((await storage.privacy.tableCounts(shop)).map(({ table, rows }) => [table, rows]));

it('counts each shop-keyed table for this shop only, zeros included', async () => {
  await storage.shops.recordInstall(SHOP, ['read_orders'], new Date());
  await storage.shopSettings.save(SHOP, 'recommendations', { share: 0.5 }, new Date());
  await storage.shopSettings.save(SHOP, 'merchandising', { excluded: [] }, new Date());
  for (const customerId of [1, 2, 3]) await storage.privacy.saveDataRequest(SHOP, customerId, emptyExport, new Date().toISOString());
  await storage.shops.recordInstall(OTHER, ['read_orders'], new Date());
  await storage.privacy.saveDataRequest(OTHER, 9, emptyExport, new Date().toISOString());

  const counts = await countsOf(SHOP);
  expect(counts).toMatchObject({ shops: 1, shop_settings: 2, data_requests: 3, orders: 0, recommendation_impressions: 0 });
  expect(await countsOf(OTHER)).toMatchObject({ shops: 1, shop_settings: 0, data_requests: 1 });

  const client = new Database(file, { readonly: true });
  try {
    expect(Object.keys(counts)).toEqual(tablesWithColumn(client, 'shop').sort());
  } finally {
    client.close();
  }
  await storage.privacy.eraseShop(SHOP);
  expect(Object.values(await countsOf(SHOP)).every((rows) => rows === 0)).toBe(true);
});

it('describes every table keyed by shop, with the retention periods the code runs with', async () => {
  const tables = (await storage.privacy.tableCounts(SHOP)).map(({ table }) => table);
  expect(tables.filter((table) => !(table in STORED_TABLES))).toEqual([]);
  expect(COUNTER_DAYS).toBe(COUNTER_RETENTION_DAYS);
  expect(TRANSLATIONS_REFRESH_HOURS * 3_600_000).toBe(TRANSLATIONS_MAX_AGE_MS);
  expect(STORED_TABLES.block_counters!.kept).toEqual({ code: 'days', params: { count: COUNTER_RETENTION_DAYS } });
  expect(STORED_TABLES.recommendation_impressions!.kept).toEqual({ code: 'days', params: { count: DEFAULT_POLICY.frequencyCapDays } });
  // The worker's own defaults (private: read with the bracket escape hatch, as nothing else needs them).
  const worker = new WebhookWorker({ storage, handlers: {}, logger: createLogger({ level: 'silent' }) });
  expect(worker['deduplicationWindowMs']).toBe(PROCESSED_WEBHOOK_DAYS * 86_400_000);
  expect(worker['deadLetterTtlMs']).toBe(DEAD_LETTER_DAYS * 86_400_000);
  // …and the words merchants read say those numbers, in each language.
  const words = (locale: 'en' | 'es' | 'pt-BR', table: string) => tableText(table, (key, params) => String(reportTranslator(locale)(key as never, params as never))).kept;
  expect(words('en', 'webhook_events')).toMatch(/^Applied events 7 days, failed ones 30 days after failing/);
  expect(words('es', 'block_counters')).toBe(`${COUNTER_RETENTION_DAYS} días y luego se borra.`);
  expect(words('pt-BR', 'recommendation_impressions')).toBe(`${DEFAULT_POLICY.frequencyCapDays} dias, depois é apagado.`);
});
