import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadOnlineRetail } from '../../../sandbox/seed/online-retail.ts';
import { SandboxStore, type StoreChange } from '../../../sandbox/store/store.ts';

/** First 2,024 lines of the real file plus a Spanish, a Portuguese, a guest and a summer invoice (README). */
const SAMPLE = new URL('../../fixtures/online-retail-sample.csv.gz', import.meta.url).pathname;

function newStore() {
  return new SandboxStore({
    name: 'Online Retail',
    myshopifyDomain: 'online-retail.sandbox.test',
    email: 'owner@example.com',
    currencyCode: 'GBP',
    ianaTimezone: 'Europe/London',
    primaryLocale: 'en',
    grantsReadAllOrders: true,
  });
}

const byInvoiceDate = (store: SandboxStore, createdAt: string) =>
  [...store.orders.values()].filter((order) => order.createdAt === createdAt);

describe('loadOnlineRetail on the committed sample', () => {
  it('counts what it loaded (figures checked with an independent Python csv reader)', async () => {
    const store = newStore();
    const result = await loadOnlineRetail(store, { file: SAMPLE });
    expect(result).toEqual({
      products: 1077,
      customers: 74,
      orders: 96,
      cancelledOrders: 7,
      lineItems: 2135,
      skippedLines: 13,
    });
    expect(store.orders.size).toBe(96);
    expect(store.products.size).toBe(1077);
  });

  it('makes one customer per CustomerID with a synthetic address and no marketing consent', async () => {
    const store = newStore();
    await loadOnlineRetail(store, { file: SAMPLE });
    const customers = [...store.customers.values()].filter((customer) => customer.email === 'customer-17850@example.com');
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({
      locale: 'en',
      emailMarketingConsent: { marketingState: 'NOT_SUBSCRIBED', marketingOptInLevel: null, consentUpdatedAt: null },
      createdAt: '2010-12-01T08:26:00.000Z',
    });
    const orders = [...store.orders.values()].filter((order) => order.customerId === customers[0]!.id);
    expect(orders.length).toBeGreaterThan(1);
  });

  it('gives Spanish and Portuguese customers their locale', async () => {
    const store = newStore();
    await loadOnlineRetail(store, { file: SAMPLE });
    const locales = new Map([...store.customers.values()].map((customer) => [customer.email, customer.locale]));
    expect(locales.get('customer-12557@example.com')).toBe('es'); // invoice 536944, Spain
    expect(locales.get('customer-12793@example.com')).toBe('pt-BR'); // invoice 536990, Portugal
  });

  it('groups an invoice into one order dated in UTC from UK local time', async () => {
    const store = newStore();
    await loadOnlineRetail(store, { file: SAMPLE });
    const [first] = byInvoiceDate(store, '2010-12-01T08:26:00.000Z');
    expect(first?.lineItems).toHaveLength(7);
    expect(first?.lineItems[0]).toMatchObject({ sku: '85123A', quantity: 6, price: '2.55', title: 'WHITE HANGING HEART T-LIGHT HOLDER' });
    // 2011-07-10 12:03 is BST, so 11:03 UTC.
    const [summer] = byInvoiceDate(store, '2011-07-10T11:03:00.000Z');
    expect(summer?.lineItems).toHaveLength(32);
  });

  it('loads lines without a customer as guest orders', async () => {
    const store = newStore();
    await loadOnlineRetail(store, { file: SAMPLE });
    const [guest] = byInvoiceDate(store, '2011-07-05T14:31:00.000Z');
    expect(guest).toMatchObject({ customerId: null, email: null });
    expect(guest?.lineItems.length).toBeGreaterThan(70);
  });

  it('turns C invoices into cancelled orders with positive quantities, cancelled at the invoice time', async () => {
    const store = newStore();
    const changes: StoreChange['topic'][] = [];
    store.onChange((change) => changes.push(change.topic));
    await loadOnlineRetail(store, { file: SAMPLE });
    const [cancelled] = byInvoiceDate(store, '2011-07-10T11:04:00.000Z'); // C559530
    expect(cancelled).toMatchObject({ cancelledAt: '2011-07-10T11:04:00.000Z', cancelReason: 'CUSTOMER' });
    expect(cancelled?.lineItems[0]).toMatchObject({ sku: '22655', quantity: 1, price: '125.00' });
    expect(changes.filter((topic) => topic === 'orders/cancelled')).toHaveLength(7);
    expect(changes.filter((topic) => topic === 'orders/create')).toHaveLength(96);
  });

  it('reads quoted descriptions and skips non-product codes', async () => {
    const store = newStore();
    await loadOnlineRetail(store, { file: SAMPLE });
    const bySku = new Map([...store.products.values()].map((product) => [product.variants[0]!.sku, product]));
    expect(bySku.get('22041')?.title).toBe('RECORD FRAME 7" SINGLE SIZE');
    expect(bySku.get('82567')?.title).toBe('AIRLINE LOUNGE,METAL SIGN');
    expect(bySku.get('22041')).toMatchObject({ productType: 'Gift', handle: 'item-22041' });
    for (const code of ['POST', 'DOT', 'C2', 'D']) expect(bySku.has(code)).toBe(false);
  });

  it('stops after maxLines, still saving the invoice it was in, and reports progress', async () => {
    const store = newStore();
    const progress: number[] = [];
    const result = await loadOnlineRetail(store, { file: SAMPLE, maxLines: 10, onProgress: (lines) => progress.push(lines) });
    // Lines 1-7 are invoice 536365, 8-9 invoice 536366, line 10 the first of 536367.
    expect(result).toMatchObject({ orders: 3, lineItems: 10 });
    expect(progress).toEqual([10]);
  });

  it('leaves the store clock as it found it', async () => {
    const store = newStore();
    const clock = () => new Date('2030-01-01T00:00:00Z');
    store.now = clock;
    await loadOnlineRetail(store, { file: SAMPLE, maxLines: 300 });
    expect(store.now).toBe(clock);
  });
});

describe('loadOnlineRetail on bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'online-retail-'));

  it('rejects a file with another header', async () => {
    const file = join(dir, 'other.csv.gz');
    writeFileSync(file, gzipSync('a,b,c\n1,2,3\n'));
    await expect(loadOnlineRetail(newStore(), { file })).rejects.toThrow(/unexpected header/);
  });

  it('rejects a file that is not gzip and a file that does not exist', async () => {
    const file = join(dir, 'plain.csv');
    writeFileSync(file, 'InvoiceNo,StockCode\n');
    await expect(loadOnlineRetail(newStore(), { file })).rejects.toThrow();
    await expect(loadOnlineRetail(newStore(), { file: join(dir, 'missing.csv.gz') })).rejects.toThrow(/ENOENT/);
  });
});
