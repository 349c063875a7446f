import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { backfillSettled, startAppWithSandbox, startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;

function rows<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(env.app.databasePath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  env = await startInstalledApp({}, { pollIntervalMs: 20, batchRecords: 25 });
});
afterAll(() => env.close());

describe('backfill on install', () => {
  it('imports exactly the shop\'s orders, line items, products and customers', async () => {
    const { store } = env.sandbox;
    const record = await env.app.storage.backfills.find(shop());
    expect(record).toMatchObject({ status: 'completed', allOrdersVisible: true, error: null, ordersEstimated: store.orders.size });
    const summary = await env.app.storage.backfills.summary(shop());
    expect(summary.orders).toBe(store.orders.size);
    expect(summary.orderLines).toBe([...store.orders.values()].reduce((n, o) => n + o.lineItems.length, 0));
    expect(summary.products).toBe(store.products.size);
    expect(summary.customers).toBe(store.customers.size);
    const oldest = [...store.orders.values()].map((o) => o.createdAt).sort()[0]!;
    // Shopify's timestamps have whole seconds.
    expect(Date.parse(summary.firstOrderAt!)).toBe(Math.floor(Date.parse(oldest) / 1000) * 1000);
  });

  it('keeps contact details only for customers subscribed to email marketing', () => {
    const customers = rows<{ id: number; marketing_state: string; email: string | null; first_name: string | null; locale: string | null; country: string | null }>(
      'select * from customers where shop = ?',
      shop(),
    );
    for (const customer of customers) {
      const source = env.sandbox.store.customers.get(customer.id)!;
      expect(customer.marketing_state).toBe(source.emailMarketingConsent.marketingState);
      if (customer.marketing_state === 'SUBSCRIBED') {
        expect(customer.email).toBe(source.email);
        expect(customer.first_name).toBe(source.firstName);
        // The default address's country, for the duties that follow it; nothing else of the address.
        expect(customer.country).toBe(source.addresses[0]?.countryCode ?? null);
      } else {
        expect([customer.email, customer.first_name, customer.locale, customer.country]).toEqual([null, null, null, null]);
      }
    }
    expect(customers.some((c) => c.marketing_state === 'SUBSCRIBED')).toBe(true);
    expect(customers.some((c) => c.marketing_state !== 'SUBSCRIBED')).toBe(true);
  });

  it('records refunded quantities, cancellations and fulfillment times', () => {
    const refunded = [...env.sandbox.store.orders.values()].find((o) => o.refunds.length > 0)!;
    const refundedLine = refunded.refunds[0]!.refundLineItems[0]!;
    const [line] = rows<{ refunded_quantity: number }>('select refunded_quantity from order_lines where shop = ? and id = ?', shop(), refundedLine.lineItemId);
    expect(line!.refunded_quantity).toBe(refundedLine.quantity);
    const cancelled = [...env.sandbox.store.orders.values()].find((o) => o.cancelledAt)!;
    const [order] = rows<{ cancelled_at: string | null }>('select cancelled_at from orders where shop = ? and id = ?', shop(), cancelled.id);
    expect(order!.cancelled_at).not.toBeNull();
    const fulfilled = rows<{ n: number }>('select count(*) as n from orders where shop = ? and fulfilled_at is not null', shop())[0]!;
    expect(fulfilled.n).toBe([...env.sandbox.store.orders.values()].filter((o) => o.fulfillments.length > 0).length);
  });

  it('stores no address, phone, note or payment data anywhere', () => {
    const values = JSON.stringify(
      rows<Record<string, unknown>>("select name from sqlite_master where type = 'table'").map(({ name }) =>
        rows(`select * from "${String(name)}"`),
      ),
    );
    for (const customer of env.sandbox.store.customers.values()) {
      if (customer.phone) expect(values).not.toContain(customer.phone);
      for (const address of customer.addresses) expect(values).not.toContain(address.address1);
      if (customer.note) expect(values).not.toContain(customer.note);
    }
  });

  it('reports progress and coverage to the admin', async () => {
    const token = await signSessionToken({ shop: shop(), apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1' });
    const response = await fetch(new URL('/api/backfill', env.app.url), { headers: { Authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { backfill: { status: string; ordersEstimated: number }; imported: { orders: number } };
    expect(body.backfill.status).toBe('completed');
    expect(body.imported.orders).toBe(body.backfill.ordersEstimated);
  });

  it('can run again without doubling anything', async () => {
    const before = await env.app.storage.backfills.summary(shop());
    await env.app.backfills.start(shop());
    expect(await env.app.storage.backfills.summary(shop())).toEqual(before);
  });
});

describe('a backfill whose bulk operation the shop has forgotten', () => {
  it('runs that stage again after a restart and still ends exact', async () => {
    const before = await env.app.storage.backfills.summary(shop());
    const db = new Database(env.app.databasePath);
    db.prepare("update backfills set status = 'running', stage = 'orders', bulk_operation_id = 'gid://shopify/BulkOperation/999999', lines_done = 5 where shop = ?").run(shop());
    db.close();
    await env.restartApp();
    const record = await backfillSettled(env.app, shop());
    expect(record.status).toBe('completed');
    expect(await env.app.storage.backfills.summary(shop())).toEqual(before);
  });
});

describe('a shop without read_all_orders', () => {
  it('imports the last 60 days and says so', async () => {
    const limited = await startAppWithSandbox({ shop: { grantsReadAllOrders: false } });
    try {
      await limited.sandbox.install();
      const record = await backfillSettled(limited.app, limited.sandbox.shop.myshopifyDomain);
      expect(record.allOrdersVisible).toBe(false);
      const sixtyDaysAgo = Date.now() - 60 * 86_400_000;
      const visible = [...limited.sandbox.store.orders.values()].filter((o) => Date.parse(o.createdAt) >= sixtyDaysAgo).length;
      expect((await limited.app.storage.backfills.summary(limited.sandbox.shop.myshopifyDomain)).orders).toBe(visible);
      expect(visible).toBeLessThan(limited.sandbox.store.orders.size);
    } finally {
      await limited.close();
    }
  });
});
