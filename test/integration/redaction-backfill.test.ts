/**
 * Redactions stay: a customer erased by customers/redact never comes back — not from a backfill that was already
 * running when the redaction arrived (held between two batches, so the timing is exact), not from a later
 * backfill, not from a later webhook — and the database holds nothing of them, in its rows or in its bytes.
 */
import { readFileSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersRedactPayload } from '../../sandbox/webhooks/shop-payloads.ts';
import { sqliteIntegerBytes } from '../../server/db/sqlite/privacy.ts';
import type { SandboxCustomer, SandboxOrder } from '../../sandbox/store/types.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { queryDb } from '../support/db.ts';
import { backfillSettled, startAppWithSandbox, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;
const db = () => env.app.databasePath;

interface Buyer {
  customer: SandboxCustomer;
  orders: SandboxOrder[];
}

/** A subscribed buyer with distinctive name and address, so that any trace of them is unmistakable. */
function addBuyer(firstName: string, linesPerOrder: number[]): Buyer {
  const { store } = env.sandbox;
  const products = [...store.products.values()].filter((p) => p.variants.length > 0);
  const customer = store.addCustomer({
    firstName,
    lastName: 'Erasmus',
    email: `${firstName.toLowerCase()}.erasmus@redacted.example`,
    phone: null,
    locale: 'en',
    addresses: [],
    note: null,
    emailMarketingConsent: { marketingState: 'SUBSCRIBED', marketingOptInLevel: 'SINGLE_OPT_IN', consentUpdatedAt: null },
  });
  const orders = linesPerOrder.map((lines) =>
    store.addOrder({
      customerId: customer.id,
      email: customer.email,
      phone: null,
      note: null,
      shippingAddress: null,
      currencyCode: 'EUR',
      createdAt: new Date().toISOString(),
      lineItems: products.slice(0, lines).map((p) => ({ productId: p.id, variantId: p.variants[0]!.id, title: p.title, sku: 'SKU', quantity: 1, price: '10.00' })),
    }),
  );
  return { customer, orders };
}

/** Shopify's customers/redact for the buyer, signed and delivered by the sandbox, then applied by the app. */
async function redact(buyer: Buyer, ordersToRedact: SandboxOrder[]) {
  env.sandbox.webhooks.send('customers/redact', customersRedactPayload(env.sandbox.shop, buyer.customer, ordersToRedact.map((o) => o.id)));
  await settleWebhooks();
}

async function settleWebhooks() {
  await env.sandbox.webhooks.idle();
  await env.app.webhookWorker.idle();
  expect(env.sandbox.webhooks.log.filter((d) => d.state !== 'delivered').map((d) => d.topic)).toEqual([]);
}

const customerStored = (buyer: Buyer) => queryDb(db(), 'select 1 from customers where shop = ? and id = ?', shop(), buyer.customer.id).length > 0;
const orderStored = (order: SandboxOrder) => queryDb(db(), 'select 1 from orders where shop = ? and id = ?', shop(), order.id).length > 0;
const linesStored = (order: SandboxOrder) => queryDb<{ n: number }>(db(), 'select count(*) as n from order_lines where shop = ? and order_id = ?', shop(), order.id)[0]!.n;

/** Every row of every table, each value as it is stored. */
function allRows(): { table: string; row: Record<string, unknown> }[] {
  const tables = queryDb<{ name: string }>(db(), "select name from sqlite_master where type = 'table'");
  return tables.flatMap(({ name }) => queryDb<Record<string, unknown>>(db(), `select * from "${name}"`).map((row) => ({ table: name, row })));
}

const wholeNumber = (id: number) => new RegExp(`(?<![0-9])${id}(?![0-9])`);

/** Fails naming the table and value when any row holds the buyer's email, first name, or their or an order's id. */
function expectNoTraceInRows(buyers: Buyer[]) {
  const rows = allRows();
  for (const { customer, orders } of buyers) {
    const ids = [customer.id, ...orders.map((o) => o.id), ...orders.flatMap((o) => o.lineItems.map((l) => l.id))];
    for (const { table, row } of rows) {
      for (const value of Object.values(row)) {
        expect(ids, `${table} holds ${String(value)}`).not.toContain(value);
        // The planner's statistics keep sample index keys as SQLite stores integers.
        if (Buffer.isBuffer(value)) expect(value.includes(sqliteIntegerBytes(customer.id)), `${table} holds ${customer.id} in a sample`).toBe(false);
        if (typeof value !== 'string') continue;
        expect(value.toLowerCase(), `${table} holds the email`).not.toContain(customer.email!.toLowerCase());
        expect(value, `${table} holds the first name`).not.toContain(customer.firstName);
        expect(value, `${table} holds the customer id`).not.toMatch(wholeNumber(customer.id));
      }
    }
  }
}

let a: Buyer;
let b: Buyer;
let c: Buyer;
let others: { orders: number; lines: number };
const held = { customersStage: false, ordersStage: false };

/** Called by the backfill after each stored batch; the backfill waits while a redaction is applied here. */
let onBatch: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  // Five records per transaction: each stage commits many times, so there are points between batches to hold at.
  env = await startAppWithSandbox({}, { pollIntervalMs: 20, batchRecords: 5, onProgress: () => onBatch() });
  const { store } = env.sandbox;
  others = { orders: store.orders.size, lines: [...store.orders.values()].reduce((n, o) => n + o.lineItems.length, 0) };
  // Customers export in id order: five others between A and B put them in different batches of the customers
  // stage. C's first order has 8 lines: with 5 records per batch its lines always span two batches.
  a = addBuyer('Quintessa', [3, 6]);
  for (let i = 0; i < 5; i += 1) {
    store.addCustomer({
      firstName: `Filler${i}`,
      lastName: 'Filler',
      email: null,
      phone: null,
      locale: 'en',
      addresses: [],
      note: null,
      emailMarketingConsent: { marketingState: 'NOT_SUBSCRIBED', marketingOptInLevel: null, consentUpdatedAt: null },
    });
  }
  b = addBuyer('Ysolde', [2, 7]);
  c = addBuyer('Zenobia', [8, 1]);
});
afterAll(() => env.close());

describe('customers/redact and a backfill', () => {
  it('a customer redacted while the backfill runs does not come back when it ends (email, first name, orders, lines)', async () => {
    onBatch = async () => {
      // Customers stage, A stored and B not yet: redact both. A's first order only is listed, as Shopify may do;
      // the customer's tombstone covers the other. B is redacted before the backfill even reaches them.
      if (!held.customersStage && customerStored(a) && !customerStored(b)) {
        held.customersStage = true;
        await redact(a, [a.orders[0]!]);
        await redact(b, b.orders);
        expect(customerStored(a)).toBe(false);
      }
      // Orders stage, C's 8-line order stored with only some of its lines: redact C; the rest of the lines come in
      // the next batch, for an order that is gone.
      const big = c.orders[0]!;
      if (!held.ordersStage && orderStored(big) && linesStored(big) < big.lineItems.length) {
        held.ordersStage = true;
        await redact(c, [big]);
        expect([orderStored(big), linesStored(big)]).toEqual([false, 0]);
      }
    };
    await env.sandbox.install();
    // The error, if any, says what failed inside the hold.
    expect(await backfillSettled(env.app, shop())).toMatchObject({ status: 'completed', error: null });
    expect(held).toEqual({ customersStage: true, ordersStage: true });

    expectNoTraceInRows([a, b, c]);
    // Everyone else's orders and lines are all there: the redactions took nothing more.
    const summary = await env.app.storage.backfills.summary(shop());
    expect([summary.orders, summary.orderLines]).toEqual([others.orders, others.lines]);
    expect(summary.customers).toBe(env.sandbox.store.customers.size - 3);
  });

  it('a later backfill does not re-import them', async () => {
    onBatch = async () => undefined;
    await env.app.backfills.start(shop());
    expect(await env.app.storage.backfills.find(shop())).toMatchObject({ status: 'completed', error: null });
    expectNoTraceInRows([a, b, c]);
    const summary = await env.app.storage.backfills.summary(shop());
    expect([summary.orders, summary.orderLines]).toEqual([others.orders, others.lines]);
  });

  it('later webhooks (order updates, a new order, a refund, consent changes) do not bring them back', async () => {
    const { store } = env.sandbox;
    // A's second order was not listed in the redaction: only the customer's tombstone stops it.
    store.fulfillOrder(a.orders[1]!.id);
    store.fulfillOrder(c.orders[0]!.id);
    store.refundOrder(b.orders[1]!.id, [{ lineItemId: b.orders[1]!.lineItems[0]!.id, quantity: 1 }]);
    // A new order from a redacted customer: Tacto does not learn them again.
    const fresh = store.addOrder({
      customerId: b.customer.id,
      email: b.customer.email,
      phone: null,
      note: null,
      shippingAddress: null,
      currencyCode: 'EUR',
      createdAt: new Date().toISOString(),
      lineItems: [{ productId: a.orders[0]!.lineItems[0]!.productId, variantId: a.orders[0]!.lineItems[0]!.variantId, title: 'x', sku: 'x', quantity: 1, price: '1.00' }],
    });
    store.updateEmailMarketingConsent(a.customer.id, { marketingState: 'SUBSCRIBED', marketingOptInLevel: 'SINGLE_OPT_IN' });
    store.updateEmailMarketingConsent(c.customer.id, { marketingState: 'UNSUBSCRIBED', marketingOptInLevel: null });
    await settleWebhooks();
    const topics = env.sandbox.webhooks.log.map((d) => d.topic);
    expect(topics).toEqual(expect.arrayContaining(['orders/updated', 'orders/create', 'refunds/create', 'customers_email_marketing_consent/update']));
    // Every event was applied (nothing waits in the queue or sits in the dead letters with its payload).
    expect(queryDb(db(), "select topic, state from webhook_events where state != 'done'")).toEqual([]);
    expectNoTraceInRows([a, b, c, { customer: b.customer, orders: [fresh] }]);
    expect((await env.app.storage.backfills.summary(shop())).orders).toBe(others.orders);
  });

  it('the storefront treats a redacted customer as a visitor: their choices stay in the browser, nothing is stored', async () => {
    const post = (path: string, body: unknown) =>
      fetch(signedProxyUrl(env, path, a.customer.id), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const preferences = await post('/proxy/preferences', { personalization: 'off' });
    expect(preferences.status).toBe(200);
    expect(await preferences.json()).toMatchObject({ loggedIn: false, stored: 'browser' });
    const handle = queryDb<{ handle: string }>(db(), 'select handle from products where shop = ? limit 1', shop())[0]!.handle;
    expect(await (await post('/proxy/feedback', { handle, reason: 'not-relevant' })).json()).toEqual({ stored: 'browser' });
    const picks = await fetch(signedProxyUrl(env, '/proxy/picks', a.customer.id, { template: 'index', limit: '4' }));
    expect(picks.status).toBe(200);
    // Storage refuses too, whoever asks: a follow-up mail under way when the redaction came records no impression.
    await env.app.storage.recommendations.recordImpressions(shop(), a.customer.id, [1], 'email', new Date().toISOString());
    await env.app.storage.recommendations.saveSettings(shop(), a.customer.id, { personalization: 'off', declaredTopics: [] }, new Date().toISOString());
    expect(await env.app.storage.followups.scheduleJobs(shop(), [{ orderId: a.orders[1]!.id, customerId: a.customer.id, dueAt: new Date().toISOString() }], new Date().toISOString())).toBe(0);
    expectNoTraceInRows([a]);
  });

  it("the planner's statistics forget a redacted customer too", async () => {
    // A restart gathers statistics (`pragma optimize`): their samples are index keys, this customer's id among them.
    await env.restartApp();
    const { store } = env.sandbox;
    const customer = [...store.customers.values()].find((x) => x.emailMarketingConsent.marketingState === 'SUBSCRIBED' && [...store.orders.values()].some((o) => o.customerId === x.id))!;
    const sampled = () => queryDb(db(), 'select 1 from sqlite_stat4 where instr(sample, ?) > 0', sqliteIntegerBytes(customer.id)).length;
    expect(sampled()).toBeGreaterThan(0);
    const orders = [...store.orders.values()].filter((o) => o.customerId === customer.id);
    await redact({ customer, orders }, orders);
    expect(sampled()).toBe(0);
    expectNoTraceInRows([{ customer, orders }]);
  });

  it('the database file itself holds no trace of them once the WAL is checkpointed', () => {
    const connection = new Database(db());
    try {
      const [result] = connection.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      expect(result!.busy).toBe(0);
    } finally {
      connection.close();
    }
    const files = [db(), `${db()}-wal`].filter((file) => existsSync(file));
    const bytes = files.map((file) => readFileSync(file).toString('latin1')).join('\n');
    // Booleans, not the bytes: a failure should not print the whole file.
    const found = (text: string | RegExp) => (typeof text === 'string' ? bytes.toLowerCase().includes(text.toLowerCase()) : text.test(bytes));
    // The file is the real thing: someone else's email is in it.
    const kept = queryDb<{ email: string }>(db(), 'select email from customers where shop = ? and email is not null limit 1', shop())[0]!.email;
    expect(found(kept)).toBe(true);
    for (const { customer } of [a, b, c]) {
      expect(found(customer.email!), `${customer.email} in the file`).toBe(false);
      expect(found(customer.firstName), `${customer.firstName} in the file`).toBe(false);
      expect(found(wholeNumber(customer.id)), `${customer.id} in the file`).toBe(false);
    }
  });
});
