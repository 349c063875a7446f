/**
 * A refund is read back through the Admin API (refunds/create says only that something changed). With each line's
 * attributes and prices, one query for all of a large order's lines would cost more than the 1,000 points Shopify
 * allows a single query (MAX_COST_EXCEEDED, a dead letter): the re-read pages its lines, 100 at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundPayload } from '../../sandbox/webhooks/payloads.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

const POLL = { timeout: 15_000, interval: 20 };
const LINES = 230;

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;
const db = <T>(sql: string, ...params: unknown[]) => queryDb<T>(env.app.databasePath, sql, ...params);

beforeAll(async () => {
  // Shopify Plus's bucket (10,000 points, 500 a second): three pages of about 810 points pass without a throttle
  // wait. On a standard shop they are throttled and waited out, which other tests cover.
  env = await startInstalledApp({ throttle: { maximumAvailable: 10_000, restoreRate: 500 } });
});
afterAll(() => env.close());

describe('a refund on an order of 230 lines', () => {
  it('is applied to its last line: the whole order is read, each page within the cost limit', async () => {
    const { store } = env.sandbox;
    const products = [...store.products.values()];
    const order = store.addOrder({
      customerId: null,
      email: null,
      phone: null,
      note: null,
      shippingAddress: null,
      currencyCode: 'USD',
      createdAt: new Date().toISOString(),
      lineItems: Array.from({ length: LINES }, (_, k) => {
        const product = products[k % products.length]!;
        return { productId: product.id, variantId: product.variants[0]!.id, title: product.title, sku: '', quantity: 2, price: '10.00' };
      }),
    });
    await expect.poll(() => db<{ n: number }>('select count(*) as n from order_lines where shop = ? and order_id = ?', shop(), order.id)[0]!.n, POLL).toBe(LINES);

    // Only refunds/create is delivered, so nothing but the re-read can bring the refund in.
    const last = order.lineItems.at(-1)!;
    const at = new Date().toISOString();
    const refund = { id: 991_000_001, createdAt: at, note: null, refundLineItems: [{ lineItemId: last.id, quantity: 1 }] };
    order.refunds.push(refund);
    order.updatedAt = at;
    const delivery = env.sandbox.webhooks.send('refunds/create', refundPayload(order, refund, env.sandbox.shop, env.sandbox.store))!;
    await env.sandbox.webhooks.idle();

    const state = () => db<{ state: string; error: string | null }>('select state, error from webhook_events where event_id = ?', delivery.eventId)[0];
    await expect.poll(() => state()?.state, POLL).toBe('done');
    expect(state()!.error).toBeNull();
    expect(db<{ q: number }>('select refunded_quantity as q from order_lines where shop = ? and id = ?', shop(), last.id)).toEqual([{ q: 1 }]);
    expect(db<{ n: number }>('select count(*) as n from order_lines where shop = ? and order_id = ? and refunded_quantity = 0', shop(), order.id)[0]!.n).toBe(LINES - 1);
  });
});
