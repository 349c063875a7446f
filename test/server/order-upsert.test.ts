/**
 * Orders arrive by webhook in any order. A later update wins; an earlier one changes nothing; and when two carry
 * the same time (Shopify's have whole seconds), neither undoes what the other knows — an order fulfilled at
 * checkout must not lose its fulfillment to the orders/create that arrived second.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '../../server/db/sqlite/storage.ts';
import type { Storage } from '../../server/db/storage.ts';
import { emptyBatch, type OrderRecord } from '../../server/ingest/records.ts';
import { queryDb, TEST_STORAGE_KEYS } from '../support/db.ts';
import { tempDir } from '../support/temp.ts';

const SHOP = 'upsert.myshopify.com';
let storage: Storage;
let file: string;

beforeAll(() => {
  file = join(tempDir(), 'tacto.sqlite');
  storage = createSqliteStorage(file, TEST_STORAGE_KEYS);
});
afterAll(() => storage.close());

const order = (id: number, patch: Partial<OrderRecord>): OrderRecord => ({
  id,
  customerId: 7,
  createdAt: '2026-11-01T10:00:00Z',
  cancelledAt: null,
  fulfilledAt: null,
  updatedAt: '2026-11-01T10:00:00Z',
  ...patch,
});
const apply = (o: OrderRecord) => storage.ingest.applyBatch(SHOP, { ...emptyBatch(), orders: [o] });
const stored = (id: number) => queryDb<{ fulfilled_at: string | null; cancelled_at: string | null }>(file, 'select fulfilled_at, cancelled_at from orders where id = ?', id)[0]!;

describe('order upserts', () => {
  it('keeps a fulfillment when orders/create of the same second arrives after it', async () => {
    await apply(order(1, { fulfilledAt: '2026-11-01T10:00:00Z' }));
    await apply(order(1, {}));
    expect(stored(1).fulfilled_at).toBe('2026-11-01T10:00:00Z');
  });

  it('lets a later update change it, and ignores an older one', async () => {
    await apply(order(2, { fulfilledAt: '2026-11-01T10:00:00Z' }));
    await apply(order(2, { updatedAt: '2026-11-01T11:00:00Z', cancelledAt: '2026-11-01T11:00:00Z', fulfilledAt: null }));
    expect(stored(2)).toEqual({ fulfilled_at: null, cancelled_at: '2026-11-01T11:00:00Z' });
    await apply(order(2, { updatedAt: '2026-11-01T09:00:00Z', fulfilledAt: '2026-11-01T09:00:00Z' }));
    expect(stored(2)).toEqual({ fulfilled_at: null, cancelled_at: '2026-11-01T11:00:00Z' });
  });
});
