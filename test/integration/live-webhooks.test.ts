import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { postWebhook } from '../support/signed-requests.ts';

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;
const db = <T>(sql: string, ...params: unknown[]) => queryDb<T>(env.app.databasePath, sql, ...params);

/** Waits until the sandbox delivered everything and the app applied it. */
async function settled() {
  await env.sandbox.webhooks.idle();
  await env.app.webhookWorker.idle();
}

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env.close());

describe('live updates through webhooks', () => {
  it('a new order arrives with its lines', async () => {
    const { store } = env.sandbox;
    const product = [...store.products.values()][0]!;
    const customer = [...store.customers.values()][0]!;
    const order = store.addOrder({
      customerId: customer.id,
      email: customer.email,
      phone: null,
      note: 'leave at the door',
      shippingAddress: null,
      currencyCode: 'EUR',
      createdAt: new Date().toISOString(),
      lineItems: [{ productId: product.id, variantId: product.variants[0]!.id, title: product.title, sku: '', quantity: 2, price: '10.00' }],
    });
    await settled();
    expect(db('select customer_id as customerId from orders where shop = ? and id = ?', shop(), order.id)).toEqual([{ customerId: customer.id }]);
    expect(db('select quantity from order_lines where shop = ? and order_id = ?', shop(), order.id)).toEqual([{ quantity: 2 }]);
    expect(JSON.stringify(db('select * from orders where shop = ?', shop()))).not.toContain('leave at the door');
  });

  it('cancellations and refunds are reflected', async () => {
    const { store } = env.sandbox;
    const order = [...store.orders.values()].find((o) => !o.cancelledAt && o.refunds.length === 0 && o.lineItems[0]!.quantity > 1)
      ?? [...store.orders.values()].find((o) => !o.cancelledAt && o.refunds.length === 0)!;
    const line = order.lineItems[0]!;
    store.refundOrder(order.id, [{ lineItemId: line.id, quantity: 1 }]);
    await settled();
    expect(db<{ r: number }>('select refunded_quantity as r from order_lines where shop = ? and id = ?', shop(), line.id)[0]!.r).toBe(1);
    store.cancelOrder(order.id);
    await settled();
    expect(db<{ c: string | null }>('select cancelled_at as c from orders where shop = ? and id = ?', shop(), order.id)[0]!.c).not.toBeNull();
  });

  it('product changes and deletions are reflected', async () => {
    const { store } = env.sandbox;
    const [kept, removed] = [...store.products.values()];
    store.updateProduct(kept!.id, { title: 'Renamed in the admin' });
    store.deleteProduct(removed!.id);
    await settled();
    expect(db('select title from products where shop = ? and id = ?', shop(), kept!.id)).toEqual([{ title: 'Renamed in the admin' }]);
    expect(db('select id from products where shop = ? and id = ?', shop(), removed!.id)).toEqual([]);
  });

  it('an unsubscribe clears the stored email and name', async () => {
    const { store } = env.sandbox;
    const subscribed = [...store.customers.values()].find((c) => c.emailMarketingConsent.marketingState === 'SUBSCRIBED')!;
    expect(db<{ email: string }>('select email from customers where shop = ? and id = ?', shop(), subscribed.id)[0]!.email).toBe(subscribed.email);
    store.updateEmailMarketingConsent(subscribed.id, { marketingState: 'UNSUBSCRIBED', marketingOptInLevel: null });
    await settled();
    expect(db('select marketing_state as state, email, first_name as firstName from customers where shop = ? and id = ?', shop(), subscribed.id)).toEqual([
      { state: 'UNSUBSCRIBED', email: null, firstName: null },
    ]);
  });
});

describe('delivery edge cases', () => {
  const orderBody = (updatedAt: string, quantity: number) => ({
    id: 987654321,
    created_at: '2026-01-01T10:00:00-05:00',
    updated_at: updatedAt,
    cancelled_at: null,
    customer: null,
    line_items: [{ id: 55501, product_id: null, variant_id: null, quantity }],
    refunds: [],
    fulfillments: [],
  });
  const send = (topic: string, body: unknown, eventId: string) =>
    postWebhook(env.app.url, { topic, shop: shop(), body, secret: SANDBOX_API_SECRET, eventId });

  it('a retried event (same X-Shopify-Event-Id) is applied once', async () => {
    const first = await send('orders/create', orderBody('2026-01-01T10:00:00-05:00', 1), 'evt-retry');
    const retry = await send('orders/create', orderBody('2026-01-01T10:00:00-05:00', 1), 'evt-retry');
    expect(await first.json()).toEqual({ ok: true, duplicate: false });
    expect(await retry.json()).toEqual({ ok: true, duplicate: true });
    await settled();
    expect(db<{ n: number }>("select count(*) as n from webhook_events where event_id = 'evt-retry'")[0]!.n).toBe(1);
  });

  it('an older event arriving late does not overwrite a newer state', async () => {
    await send('orders/updated', orderBody('2026-01-02T10:00:00-05:00', 3), 'evt-newer');
    await settled();
    await send('orders/updated', orderBody('2026-01-01T12:00:00-05:00', 7), 'evt-older');
    await settled();
    expect(db('select quantity from order_lines where shop = ? and id = 55501', shop())).toEqual([{ quantity: 3 }]);
    expect(db<{ u: string }>('select updated_at as u from orders where shop = ? and id = 987654321', shop())[0]!.u).toBe('2026-01-02T15:00:00.000Z');
  });

  it('a signed payload that does not parse is kept as a dead letter, answered 200, and touches nothing else', async () => {
    const before = db('select * from orders where shop = ? order by id', shop());
    const response = await send('orders/updated', { id: 'not-a-number', line_items: 'nope' }, 'evt-broken');
    expect(response.status).toBe(200);
    await settled();
    const dead = await env.app.storage.webhookQueue.deadLetters(shop());
    expect(dead.find((d) => d.eventId === 'evt-broken')?.error).toMatch(/id|line_items/);
    expect(db('select * from orders where shop = ? order by id', shop())).toEqual(before);
  });
});

describe('an unsubscribe whose customer cannot be read back', () => {
  it('still clears the stored email', async () => {
    const { store } = env.sandbox;
    const subscribed = [...store.customers.values()].find(
      (c) => c.emailMarketingConsent.marketingState === 'SUBSCRIBED' && db<{ email: string | null }>('select email from customers where shop = ? and id = ?', shop(), c.id)[0]?.email,
    )!;
    // The sandbox no longer knows this customer: the re-read brings nothing back; the withdrawal still holds.
    store.customers.delete(subscribed.id);
    const response = await postWebhook(env.app.url, {
      topic: 'customers_email_marketing_consent/update',
      shop: shop(),
      secret: SANDBOX_API_SECRET,
      body: { customer_id: subscribed.id, email_address: subscribed.email, email_marketing_consent: { state: 'unsubscribed', opt_in_level: 'single_opt_in', consent_updated_at: new Date().toISOString() } },
    });
    expect(response.status).toBe(200);
    await settled();
    expect(db('select marketing_state as state, email from customers where shop = ? and id = ?', shop(), subscribed.id)).toEqual([{ state: 'UNSUBSCRIBED', email: null }]);
  });
});
