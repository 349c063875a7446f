import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxStore } from '../../../sandbox/store/store.ts';
import { startServer, type TestServer } from './helpers.ts';

/**
 * A fifth of the Online Retail data set's size (5,000 orders, 80,000 line items): enough to catch work that
 * grows with the square of the store, small enough for every test run. The full set (25,900 orders,
 * ~400,000 lines) exports in about 5–8 s on a 2-core machine.
 */
const ORDERS = 5_000;
const LINES_PER_ORDER = 16;

let server: TestServer;
let store: SandboxStore;

beforeAll(async () => {
  store = new SandboxStore({
    name: 'Big Shop',
    myshopifyDomain: 'tacto-demo.sandbox.test',
    email: 'owner@big.example',
    currencyCode: 'GBP',
    ianaTimezone: 'Europe/London',
    primaryLocale: 'en',
    grantsReadAllOrders: true,
  });
  const products = Array.from({ length: 1_000 }, (_, i) =>
    store.addProduct({
      title: `Product ${i}`,
      translations: {},
      description: '',
      handle: `product-${i}`,
      vendor: '',
      productType: '',
      category: null,
      tags: [],
      collectionIds: [],
      imageUrl: null,
      imageAlt: '',
      status: 'ACTIVE',
      variants: [{ title: 'Default Title', sku: `SKU${i}`, price: '2.55', availableForSale: true, inventoryQuantity: 10 }],
    }),
  );
  for (let o = 0; o < ORDERS; o += 1) {
    store.addOrder({
      customerId: null,
      email: null,
      phone: null,
      note: null,
      shippingAddress: null,
      currencyCode: 'GBP',
      createdAt: new Date(Date.UTC(2011, 0, 1) + o * 60_000).toISOString(),
      lineItems: Array.from({ length: LINES_PER_ORDER }, (_, k) => {
        const product = products[(o * 7 + k * 13) % products.length]!;
        const variant = product.variants[0]!;
        return { productId: product.id, variantId: variant.id, title: product.title, sku: variant.sku, quantity: 1 + (k % 3), price: variant.price };
      }),
    });
  }
  server = await startServer({ store }, { throttle: { maximumAvailable: 1_000_000, restoreRate: 1_000 } });
}, 60_000);
afterAll(() => server.close());

describe('a store a fifth the size of the Online Retail data set', () => {
  it('exports every order and line item in bulk within seconds', async () => {
    const started = Date.now();
    const { body } = await server.graphql('mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { message } } }', {
      q: '{ orders { edges { node { id createdAt lineItems { edges { node { id quantity variant { id } } } } } } } }',
    });
    const done = await server.router.bulkOperations.settled(body.data.bulkOperationRunQuery.bulkOperation.id);
    const seconds = (Date.now() - started) / 1000;
    expect(done).toMatchObject({ status: 'COMPLETED', rootObjectCount: ORDERS, objectCount: ORDERS * (1 + LINES_PER_ORDER) });
    expect(seconds).toBeLessThan(20);

    let lines = 0;
    let children = 0;
    const response = await fetch(done.url!);
    // The file is read over HTTP, line by line, as the app would read it.
    const reader = createInterface({ input: Readable.fromWeb(response.body! as WebReadableStream) });
    for await (const line of reader) {
      lines += 1;
      if (line.includes('"__parentId"')) children += 1;
    }
    expect(lines).toBe(ORDERS * (1 + LINES_PER_ORDER));
    expect(children).toBe(ORDERS * LINES_PER_ORDER);
  }, 60_000);

  it('pages through every order with first: 250, each exactly once', async () => {
    const started = Date.now();
    const seen = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const { body } = await server.graphql(
        'query($after: String) { orders(first: 250, after: $after, sortKey: CREATED_AT) { nodes { id } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      for (const node of body.data.orders.nodes as { id: string }[]) seen.add(node.id);
      if (!body.data.orders.pageInfo.hasNextPage) break;
      after = body.data.orders.pageInfo.endCursor;
    }
    expect(seen.size).toBe(ORDERS);
    expect((Date.now() - started) / 1000).toBeLessThan(20);
  }, 60_000);
});
