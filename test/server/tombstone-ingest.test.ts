/**
 * What a tombstone stops, at the storage level, on a real SQLite file: the redacted customer, any order whose id or
 * customer is redacted, and that order's lines (also when they come in a later batch) — and nothing else, in no
 * other shop. The tombstone rows themselves hold no id.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '../../server/db/sqlite/storage.ts';
import type { Storage } from '../../server/db/storage.ts';
import { emptyBatch, type CustomerRecord, type OrderLineRecord, type OrderRecord } from '../../server/ingest/records.ts';
import { queryDb, TEST_STORAGE_KEYS } from '../support/db.ts';
import { tempDir } from '../support/temp.ts';

const SHOP = 'tombstones.myshopify.com';
const OTHER = 'neighbour.myshopify.com';
const AT = '2026-11-01T10:00:00.000Z';
let storage: Storage;
let file: string;

const customer = (id: number): CustomerRecord => ({
  id,
  marketingState: 'SUBSCRIBED',
  consentUpdatedAt: null,
  email: `c${id}@example.com`,
  firstName: `C${id}`,
  locale: 'en',
  timeZoneHint: null,
  updatedAt: AT,
});
const order = (id: number, customerId: number | null): OrderRecord => ({ id, customerId, createdAt: AT, cancelledAt: null, fulfilledAt: null, updatedAt: AT });
const line = (id: number, orderId: number): OrderLineRecord => ({ id, orderId, productId: 1, variantId: 2, quantity: 1, refundedQuantity: 0 });
const ids = (table: string, shop = SHOP) => queryDb<{ id: number }>(file, `select id from ${table} where shop = ? order by id`, shop).map((r) => r.id);

beforeEach(() => {
  file = join(tempDir(), 'tacto.sqlite');
  storage = createSqliteStorage(file, TEST_STORAGE_KEYS);
});
afterEach(() => storage.close());

describe('ingest with tombstones', () => {
  it('skips the redacted customer, their orders (listed or not), redacted orders, and those orders\' lines', async () => {
    // Customer 1 redacted with order 10 listed; order 11 of theirs was not in the list; order 20 (customer 2) listed.
    await storage.privacy.eraseCustomer(SHOP, 1, [10, 20], null);
    await storage.ingest.applyBatch(SHOP, {
      ...emptyBatch(),
      customers: [customer(1), customer(2)],
      orders: [order(10, 1), order(11, 1), order(20, 2), order(21, 2), order(30, null)],
      orderLines: [line(100, 10), line(110, 11), line(200, 20), line(210, 21), line(300, 30)],
    });
    expect(ids('customers')).toEqual([2]);
    expect(ids('orders')).toEqual([21, 30]);
    expect(ids('order_lines')).toEqual([210, 300]);
  });

  it('skips the lines of a skipped order that arrive in a later batch, and keeps those of stored orders', async () => {
    await storage.privacy.eraseCustomer(SHOP, 1, [], null);
    await storage.ingest.applyBatch(SHOP, { ...emptyBatch(), orders: [order(11, 1), order(21, 2)], orderLines: [line(110, 11), line(210, 21)] });
    await storage.ingest.applyBatch(SHOP, { ...emptyBatch(), orderLines: [line(111, 11), line(211, 21)] });
    expect(ids('order_lines')).toEqual([210, 211]);
  });

  it('a redaction between two batches: the order stored by the first loses the lines the second brings', async () => {
    await storage.privacy.eraseCustomer(SHOP, 99, [], null); // the shop has had a redaction before
    await storage.ingest.applyBatch(SHOP, { ...emptyBatch(), customers: [customer(1)], orders: [order(10, 1)], orderLines: [line(100, 10)] });
    await storage.privacy.eraseCustomer(SHOP, 1, [], null);
    await storage.ingest.applyBatch(SHOP, { ...emptyBatch(), orderLines: [line(101, 10)] });
    expect([ids('customers'), ids('orders'), ids('order_lines')]).toEqual([[], [], []]);
  });

  it('stops nothing in another shop, and nothing where no redaction ever happened', async () => {
    await storage.privacy.eraseCustomer(SHOP, 1, [10], null);
    const batch = { ...emptyBatch(), customers: [customer(1)], orders: [order(10, 1)], orderLines: [line(100, 10), line(101, 10)] };
    await storage.ingest.applyBatch(OTHER, batch);
    expect([ids('customers', OTHER), ids('orders', OTHER), ids('order_lines', OTHER)]).toEqual([[1], [10], [100, 101]]);
    // Lines in a later batch are kept as before when the shop has no tombstone.
    await storage.ingest.applyBatch(OTHER, { ...emptyBatch(), orderLines: [line(102, 10)] });
    expect(ids('order_lines', OTHER)).toEqual([100, 101, 102]);
  });

  it('leaves rows that hold no id: an opaque subject and a time, one per customer and order, and again only once', async () => {
    await storage.ingest.applyBatch(SHOP, { ...emptyBatch(), customers: [customer(1234567890)], orders: [order(2345678901, 1234567890)] });
    await storage.privacy.eraseCustomer(SHOP, 1234567890, [3456789012], 'c1234567890@example.com');
    await storage.privacy.eraseCustomer(SHOP, 1234567890, [3456789012], 'c1234567890@example.com');
    const rows = queryDb<{ shop: string; subject: string; redacted_at: string }>(file, 'select * from redaction_tombstones');
    expect(rows).toHaveLength(3); // the customer, the listed order, the stored order
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['redacted_at', 'shop', 'subject']);
      expect(row.subject).toMatch(/^[0-9a-f]{64}$/);
      for (const id of ['1234567890', '2345678901', '3456789012']) expect(row.subject).not.toContain(id);
    }
    expect(await storage.privacy.isRedactedCustomer(SHOP, 1234567890)).toBe(true);
    expect(await storage.privacy.isRedactedCustomer(OTHER, 1234567890)).toBe(false);
  });

  it('right after the erasure, neither the database file nor its write-ahead log holds the customer', async () => {
    const email = 'quirinus.unique@example.com';
    await storage.ingest.applyBatch(SHOP, { ...emptyBatch(), customers: [{ ...customer(4242424242), email, firstName: 'Quirinus' }] });
    const bytes = () => [file, `${file}-wal`].map((f) => (existsSync(f) ? readFileSync(f).toString('latin1') : '')).join('\n');
    expect(bytes().includes(email)).toBe(true);
    await storage.privacy.eraseCustomer(SHOP, 4242424242, [], email);
    expect(bytes().includes(email)).toBe(false);
    expect(bytes().includes('Quirinus')).toBe(false);
  });

  it('a redacted customer gets no new settings, feedback, impressions or follow-up jobs', async () => {
    await storage.privacy.eraseCustomer(SHOP, 1, [10], null);
    const { recommendations, followups } = storage;
    await recommendations.saveSettings(SHOP, 1, { personalization: 'off', declaredTopics: [] }, AT);
    await recommendations.saveFeedback(SHOP, 1, 5, 'not-relevant', AT);
    await recommendations.recordImpressions(SHOP, 1, [5], 'home', AT);
    expect(await followups.scheduleJobs(SHOP, [{ orderId: 11, customerId: 1, dueAt: AT }, { orderId: 10, customerId: 2, dueAt: AT }], AT)).toBe(0);
    await recommendations.saveSettings(SHOP, 2, { personalization: 'off', declaredTopics: [] }, AT);
    expect(await followups.scheduleJobs(SHOP, [{ orderId: 21, customerId: 2, dueAt: AT }], AT)).toBe(1);
    const keyed = ['shopper_settings', 'recommendation_feedback', 'recommendation_impressions', 'followup_jobs'].map((table) =>
      queryDb<{ customer_id: number }>(file, `select customer_id from ${table}`).map((r) => r.customer_id),
    );
    expect(keyed).toEqual([[2], [], [], [2]]);
  });
});
