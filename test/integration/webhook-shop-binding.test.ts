/**
 * The HMAC covers a webhook's body, not X-Shopify-Shop-Domain. One app, two installed sandbox shops (A and B,
 * seeded alike, so they share customer ids as two real shops' ids never collide only by luck): a signed body
 * captured for A and replayed under B's header must change nothing in B — nor anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { customersRedactPayload, shopRedactPayload } from '../../sandbox/webhooks/payloads.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { queryDb } from '../support/db.ts';
import { backfillSettled } from '../support/sandbox.ts';
import { postWebhook } from '../support/signed-requests.ts';
import { freePort, tempDir } from '../support/temp.ts';

let app: TestApp;
let a: Sandbox;
let b: Sandbox;
const A = 'shop-a.sandbox.test';
const B = 'shop-b.sandbox.test';
const db = <T>(sql: string, ...params: unknown[]) => queryDb<T>(app.databasePath, sql, ...params);

beforeAll(async () => {
  const port = await freePort();
  const appUrl = new URL(`http://localhost:${port}`);
  const sandbox = (shop: string) =>
    startSandbox({ appUrl, port: 0, smtpPort: null, dataDir: tempDir(), webhookRetryDelaysMs: [50, 200], shop: { myshopifyDomain: shop, name: shop } });
  [a, b] = await Promise.all([sandbox(A), sandbox(B)]);
  app = await startTestApp({
    SHOPIFY_API_KEY: SANDBOX_API_KEY,
    SHOPIFY_API_SECRET: SANDBOX_API_SECRET,
    HOST: appUrl.origin,
    PORT: String(port),
    SHOP_ORIGINS: `${A}=${a.apiOrigin},${B}=${b.apiOrigin}`,
    APP_BRIDGE_URL: new URL('/cdn/app-bridge.js', a.url).toString(),
  });
  await a.install();
  await b.install();
  await backfillSettled(app, A);
  await backfillSettled(app, B);
  await settled();
});
afterAll(async () => {
  await app.close();
  await Promise.all([a.close(), b.close()]);
});

async function settled() {
  await Promise.all([a.webhooks.idle(), b.webhooks.idle()]);
  await app.webhookWorker.idle();
}

/** A's customer with orders, also a customer of B (same seed, same ids): what a replay would hit in B. */
function sharedBuyer() {
  const customer = [...a.store.customers.values()].find(
    (c) => [...a.store.orders.values()].some((o) => o.customerId === c.id) && db('select id from customers where shop = ? and id = ?', B, c.id).length === 1,
  );
  if (!customer) throw new Error('the two sandbox shops share no customer: the replay could not hit anything');
  return { customer, orderIds: [...a.store.orders.values()].filter((o) => o.customerId === customer.id).map((o) => o.id) };
}

const send = (topic: string, shop: string, body: unknown) => postWebhook(app.url, { topic, shop, body, secret: SANDBOX_API_SECRET });
const rowsOf = (shop: string, table: string) => db(`select * from "${table}" where shop = ?`, shop);

describe('a signed webhook acts only on the shop its body names', () => {
  it('a customers/redact captured for shop A and replayed with shop B’s header is refused (401): B’s customer intact, nothing written', async () => {
    const { customer, orderIds } = sharedBuyer();
    const capturedForA = customersRedactPayload(a.shop, customer, orderIds);
    const before = app.snapshot();

    const replay = await send('customers/redact', B, capturedForA);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: string }).error).toBe('shop_mismatch');
    await settled();
    expect(app.snapshot()).toEqual(before);
    expect(db('select id from customers where shop = ? and id = ?', B, customer.id)).toHaveLength(1);

    // The very same signed bytes are honoured for the shop they name: the signature was good, the binding refused.
    expect((await send('customers/redact', A, capturedForA)).status).toBe(200);
    await settled();
    expect(db('select id from customers where shop = ? and id = ?', A, customer.id)).toEqual([]);
    expect(db('select id from customers where shop = ? and id = ?', B, customer.id)).toHaveLength(1);
  });

  it('a shop/redact captured for shop A and replayed with shop B’s header is refused (401): B keeps every row', async () => {
    const before = app.snapshot();
    const replay = await send('shop/redact', B, shopRedactPayload(a.shop));
    expect(replay.status).toBe(401);
    await settled();
    expect(app.snapshot()).toEqual(before);
    expect(rowsOf(B, 'orders').length).toBeGreaterThan(0);
  });

  it('a privacy body that names no shop is refused (401), nothing written', async () => {
    const { customer } = sharedBuyer();
    const before = app.snapshot();
    const response = await send('customers/redact', B, { shop_id: 1, customer: { id: customer.id }, orders_to_redact: [] });
    expect(response.status).toBe(401);
    await settled();
    expect(app.snapshot()).toEqual(before);
  });

  it('an app/uninstalled captured for shop A and replayed with shop B’s header is refused: B keeps its token', async () => {
    const body = { domain: A, myshopify_domain: A };
    const replay = await send('app/uninstalled', B, body);
    expect(replay.status).toBe(401);
    expect(await app.storage.sessions.loadSession(app.shopify.api.session.getOfflineId(B))).toBeDefined();
    expect((await app.storage.shops.find(B))?.uninstalledAt).toBeNull();
  });
});

describe('a shop that is not installed', () => {
  const order = { id: 5550001, created_at: '2026-01-01T10:00:00Z', updated_at: '2026-01-01T10:00:00Z', line_items: [{ id: 5550002, quantity: 1 }] };

  it('a signed orders/create for a shop that never installed is acknowledged (200) and dropped: no row anywhere', async () => {
    const before = app.snapshot();
    const response = await send('orders/create', 'never-installed.myshopify.com', order);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, dropped: true });
    await settled();
    expect(app.snapshot()).toEqual(before);
  });

  it('privacy requests and app/uninstalled for a shop that never installed are acknowledged and dropped', async () => {
    const shop = 'never-installed.myshopify.com';
    const before = app.snapshot();
    for (const [topic, body] of [
      ['customers/redact', { shop_id: 9, shop_domain: shop, customer: { id: 1 }, orders_to_redact: [] }],
      ['customers/data_request', { shop_id: 9, shop_domain: shop, customer: { id: 1 }, orders_requested: [], data_request: { id: 1 } }],
      ['shop/redact', { shop_id: 9, shop_domain: shop }],
      ['app/uninstalled', { domain: shop, myshopify_domain: shop }],
    ] as const) {
      const response = await send(topic, shop, body);
      expect(response.status, topic).toBe(200);
    }
    await settled();
    expect(app.snapshot()).toEqual(before);
  });

  it('after B uninstalls: its orders are dropped, its privacy requests still applied (shop/redact comes 48 h later)', async () => {
    const uninstall = await fetch(new URL(`${ADMIN_APP_PATH}/uninstall`, b.url), { method: 'POST', redirect: 'manual' });
    expect(uninstall.status).toBe(303);
    await settled();
    expect((await app.storage.shops.find(B))?.uninstalledAt).toBeInstanceOf(Date);

    const before = app.snapshot();
    expect((await send('orders/create', B, order)).status).toBe(200);
    await settled();
    expect(app.snapshot()).toEqual(before);

    const { customer, orderIds } = sharedBuyer();
    expect((await send('customers/redact', B, customersRedactPayload(b.shop, customer, orderIds))).status).toBe(200);
    await settled();
    expect(db('select id from customers where shop = ? and id = ?', B, customer.id)).toEqual([]);

    const aOrders = rowsOf(A, 'orders').length;
    expect((await send('shop/redact', B, shopRedactPayload(b.shop))).status).toBe(200);
    await settled();
    expect(JSON.stringify(app.snapshot())).not.toContain(B);
    expect(rowsOf(A, 'orders')).toHaveLength(aOrders);
  });
});
