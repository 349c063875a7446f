/**
 * Attributed orders from the order webhooks' own fields: a line marked `_tacto` counts for its surface at its price
 * after discounts; refunds and cancellations take it off; nothing of price is kept for any other line or order.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '../../server/db/sqlite/storage.ts';
import type { Storage } from '../../server/db/storage.ts';
import { emptyBatch } from '../../server/ingest/records.ts';
import { orderFromPayload } from '../../server/webhooks/payloads.ts';
import { queryDb, TEST_STORAGE_KEYS } from '../support/db.ts';
import { tempDir } from '../support/temp.ts';

const SHOP = 'attribution.myshopify.com';
let storage: Storage;
let file: string;

beforeAll(() => {
  file = join(tempDir(), 'tacto.sqlite');
  storage = createSqliteStorage(file, TEST_STORAGE_KEYS);
});
afterAll(() => storage.close());

/** An orders/create payload in Shopify's REST shape: two lines, the first added from a product page's pick. */
function payload(id: number, patch: { updatedAt?: string; cancelledAt?: string | null; refunds?: { line_item_id: number; quantity: number }[]; experiment?: string; subtotal?: string } = {}) {
  return {
    id,
    created_at: '2026-12-01T10:00:00-05:00',
    updated_at: patch.updatedAt ?? '2026-12-01T10:00:00-05:00',
    cancelled_at: patch.cancelledAt ?? null,
    customer: { id: 501 },
    currency: 'EUR',
    current_subtotal_price: patch.subtotal ?? '95.00',
    note_attributes: patch.experiment ? [{ name: '_tacto_exp', value: patch.experiment }] : [{ name: 'gift_note', value: 'Happy birthday' }],
    line_items: [
      {
        id: id * 10 + 1,
        product_id: 11,
        variant_id: 111,
        quantity: 2,
        price: '25.00',
        properties: [{ name: '_tacto', value: 'product-page' }],
        discount_allocations: [{ amount: '5.00' }],
      },
      { id: id * 10 + 2, product_id: 12, variant_id: 121, quantity: 1, price: '50.00', properties: [], discount_allocations: [] },
    ],
    refunds: patch.refunds ? [{ refund_line_items: patch.refunds }] : [],
    fulfillments: [],
  };
}

async function apply(body: unknown) {
  const { order, lines } = orderFromPayload(body);
  await storage.ingest.applyBatch(SHOP, { ...emptyBatch(), orders: [order], orderLines: lines });
}

describe('attributed orders', () => {
  it('counts a pick line at its price after discounts, for its surface only', async () => {
    await apply(payload(1));
    const lines = await storage.analytics.attributedLines(SHOP, '2026-12-01', '2026-12-01');
    expect(lines).toEqual([{ orderId: 1, day: '2026-12-01', surface: 'product-page', revenue: 45, refunded: 0 }]);
  });

  it('takes a refunded unit off', async () => {
    await apply(payload(2));
    await apply(payload(2, { updatedAt: '2026-12-02T10:00:00Z', refunds: [{ line_item_id: 21, quantity: 1 }] }));
    const [line] = (await storage.analytics.attributedLines(SHOP, '2026-12-01', '2026-12-01')).filter((l) => l.orderId === 2);
    expect(line).toMatchObject({ revenue: 22.5, refunded: 22.5 });
  });

  it('takes a cancelled order off entirely', async () => {
    await apply(payload(3));
    await apply(payload(3, { updatedAt: '2026-12-02T10:00:00Z', cancelledAt: '2026-12-02T10:00:00Z' }));
    const [line] = (await storage.analytics.attributedLines(SHOP, '2026-12-01', '2026-12-01')).filter((l) => l.orderId === 3);
    expect(line).toMatchObject({ revenue: 0, refunded: 45 });
  });

  it('keeps no price of an unmarked line or order, and no cart attribute but its own', () => {
    const lines = queryDb<{ id: number; surface: string | null; net_amount: number | null }>(file, 'select id, surface, net_amount from order_lines where order_id = 1 order by id');
    expect(lines).toEqual([
      { id: 11, surface: 'product-page', net_amount: 45 },
      { id: 12, surface: null, net_amount: null },
    ]);
    const [order] = queryDb<Record<string, unknown>>(file, 'select * from orders where id = 1');
    expect(order).toMatchObject({ experiment: null, subtotal: null });
    expect(JSON.stringify(queryDb(file, 'select * from orders')) + JSON.stringify(queryDb(file, 'select * from order_lines'))).not.toContain('birthday');
  });

  it('keeps an experiment order with its current subtotal, lowered by a refund', async () => {
    await apply(payload(4, { experiment: '1.h.20261201' }));
    await apply(payload(4, { experiment: '1.h.20261201', updatedAt: '2026-12-02T10:00:00Z', subtotal: '70.00', refunds: [{ line_item_id: 41, quantity: 1 }] }));
    const orders = await storage.analytics.experimentOrders(SHOP, 1, '2026-12-31');
    expect(orders).toEqual([{ orderId: 4, customerId: 501, mark: '1.h.20261201', createdAt: '2026-12-01T15:00:00.000Z', subtotal: 70, cancelled: false }]);
    expect(await storage.analytics.experimentOrders(SHOP, 2, '2026-12-31')).toEqual([]);
  });
});
