import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { postWebhook } from '../support/signed-requests.ts';

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;

/** Every value of every row of every table, as text, for "no trace left" assertions. */
function everything(): string {
  const tables = queryDb<{ name: string }>(env.app.databasePath, "select name from sqlite_master where type = 'table'");
  return JSON.stringify(tables.map(({ name }) => queryDb(env.app.databasePath, `select * from "${name}"`)));
}

async function compliance(topic: string, body: unknown) {
  const response = await postWebhook(env.app.url, { topic, shop: shop(), body, secret: SANDBOX_API_SECRET });
  expect(response.status).toBe(200);
  await env.app.webhookWorker.idle();
}

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env.close());

/** A subscribed customer with orders: the richest trace Tacto can hold. */
function subscribedBuyer() {
  const { store } = env.sandbox;
  return [...store.customers.values()].find(
    (c) => c.emailMarketingConsent.marketingState === 'SUBSCRIBED' && [...store.orders.values()].some((o) => o.customerId === c.id),
  )!;
}

/** What the storefront records for a shopper: settings, "not for me", what they were shown. */
async function shopperState(customerId: number) {
  const { recommendations } = env.app.storage;
  const productId = [...env.sandbox.store.products.values()][0]!.id;
  const at = new Date().toISOString();
  await recommendations.saveSettings(shop(), customerId, { personalization: 'off', declaredTopics: ['baby'] }, at);
  await recommendations.saveFeedback(shop(), customerId, productId, 'too-personal', at);
  await recommendations.recordImpressions(shop(), customerId, [productId], 'home', at);
}

describe('mandatory privacy webhooks', () => {
  it('customers/data_request compiles everything Tacto holds about the customer', async () => {
    const customer = subscribedBuyer();
    const orderIds = [...env.sandbox.store.orders.values()].filter((o) => o.customerId === customer.id).map((o) => o.id);
    await shopperState(customer.id);
    await compliance('customers/data_request', {
      shop_id: 1,
      shop_domain: shop(),
      orders_requested: orderIds,
      customer: { id: customer.id, email: customer.email, phone: null },
      data_request: { id: 9 },
    });
    const [request] = await env.app.storage.privacy.listDataRequests(shop());
    expect(request?.customerId).toBe(customer.id);
    const exported = await env.app.storage.privacy.dataRequest(shop(), request!.id);
    expect(exported?.customer).toMatchObject({ id: customer.id, email: customer.email });
    expect(exported?.orders.map((o) => o.id).sort()).toEqual([...orderIds].sort());
    expect(Object.keys(exported?.other ?? {}).sort()).toEqual(['recommendation_feedback', 'recommendation_impressions', 'shopper_settings']);
    expect(exported?.other?.shopper_settings?.[0]).toMatchObject({ personalization: 'off', declared_topics: '["baby"]' });
  });

  it('customers/redact leaves no trace of the customer\'s id or email in any table, and can be repeated', async () => {
    const customer = subscribedBuyer();
    const orderIds = [...env.sandbox.store.orders.values()].filter((o) => o.customerId === customer.id).map((o) => o.id);
    expect(everything()).toContain(customer.email!);
    await shopperState(customer.id);
    const body = { shop_id: 1, shop_domain: shop(), customer: { id: customer.id, email: customer.email, phone: null }, orders_to_redact: orderIds };
    await compliance('customers/redact', body);
    expect(everything()).not.toContain(customer.email!);
    // Every value of every row of every table: none is the customer's id, none of their orders' ids.
    const tables = queryDb<{ name: string }>(env.app.databasePath, "select name from sqlite_master where type = 'table'");
    for (const { name } of tables) {
      for (const row of queryDb<Record<string, unknown>>(env.app.databasePath, `select * from "${name}"`)) {
        for (const value of Object.values(row)) {
          expect([customer.id, ...orderIds], `${name} still holds ${String(value)}`).not.toContain(value);
          if (typeof value === 'string') expect(value).not.toMatch(new RegExp(`(?<![0-9])${customer.id}(?![0-9])`));
        }
      }
    }
    // The raw webhook body names the customer; the queue row is erased too.
    expect(queryDb(env.app.databasePath, "select * from webhook_events where payload like ?", `%${customer.email}%`)).toEqual([]);
    await compliance('customers/redact', body);
  });

  it('shop/redact removes every row of the shop', async () => {
    await compliance('shop/redact', { shop_id: 1, shop_domain: shop() });
    expect(everything()).not.toContain(shop());
  });
});
