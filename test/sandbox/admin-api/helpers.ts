import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { createAdminApiRouter, type AdminApiOptions, type AdminApiRouter } from '../../../sandbox/admin-api/index.ts';
import type { StoreChange } from '../../../sandbox/store/store.ts';
import { SandboxStore } from '../../../sandbox/store/store.ts';
import type { SandboxCollection, SandboxCustomer, SandboxOrder, SandboxProduct } from '../../../sandbox/store/types.ts';

/** The store clock of every fixture: orders are placed relative to it. */
export const NOW = new Date('2025-06-15T12:00:00.000Z');
const DAY = 86_400_000;

export const SHOP_DOMAIN = 'tacto-demo.sandbox.test';

/** Tokens the fixture server knows, and the scopes each holds. */
export const TOKENS = {
  full: ['read_products', 'write_products', 'read_orders', 'read_all_orders', 'write_orders', 'read_customers', 'write_customers'],
  recentOrders: ['read_products', 'read_orders', 'read_customers'],
  productsOnly: ['read_products'],
  readOnly: ['read_products', 'read_orders', 'read_all_orders', 'read_customers'],
  themes: ['read_themes'],
  translations: ['read_products', 'read_locales', 'read_translations'],
} as const satisfies Record<string, readonly string[]>;
export type TokenName = keyof typeof TOKENS;

export interface Fixture {
  store: SandboxStore;
  collection: SandboxCollection;
  products: SandboxProduct[];
  customers: SandboxCustomer[];
  /** `orders[0]` is 90 days old; `orders[1]` 10 days; `orders[2]` 2 days (refunded in part, fulfilled). */
  orders: SandboxOrder[];
  changes: StoreChange[];
}

/** A small shop: 3 products (one in a collection), 2 customers, 3 orders of different ages. */
export function fixtureStore(): Fixture {
  const store = new SandboxStore({
    name: 'Tacto Demo Store',
    myshopifyDomain: SHOP_DOMAIN,
    email: 'owner@tacto-demo.example',
    currencyCode: 'EUR',
    ianaTimezone: 'Europe/Madrid',
    primaryLocale: 'en',
    grantsReadAllOrders: true,
  });
  store.now = () => new Date(NOW);
  const collection = store.addCollection({ title: 'Rainwear', handle: 'rainwear' });
  const product = (title: string, extra: Partial<Parameters<SandboxStore['addProduct']>[0]>, created: number) =>
    store.addProduct({
      title,
      translations: {},
      description: `${title}, described.`,
      handle: title.toLowerCase().replace(/\s+/g, '-'),
      vendor: 'Tacto Goods',
      productType: 'Outerwear',
      category: { id: 'aa-1-10-2-10', name: 'Rain Coats', fullName: 'Apparel & Accessories > Clothing > Outerwear > Coats & Jackets > Rain Coats' },
      tags: [],
      collectionIds: [],
      imageUrl: `/images/${title.toLowerCase().replace(/\s+/g, '-')}.svg`,
      imageAlt: title,
      status: 'ACTIVE',
      variants: [{ title: 'Default Title', sku: `SKU-${title.length}`, price: '10.00', availableForSale: true, inventoryQuantity: 4 }],
      createdAt: new Date(NOW.getTime() - created * DAY).toISOString(),
      ...extra,
    });
  const products = [
    product(
      'Rain Coat',
      {
        tags: ['rain', 'coat'],
        collectionIds: [collection.id],
        translations: { es: { title: 'Chubasquero', description: 'Impermeable.' } },
        variants: [
          { title: 'S', sku: 'RC-S', price: '89.90', availableForSale: true, inventoryQuantity: 3 },
          { title: 'M', sku: 'RC-M', price: '95.00', availableForSale: false, inventoryQuantity: 0 },
        ],
      },
      300,
    ),
    product('Wool Scarf', { tags: ['wool'], productType: 'Accessories', vendor: 'Knit Co' }, 200),
    product('Travel Mug', { productType: 'Kitchen', status: 'DRAFT', imageUrl: null, category: null }, 100),
  ];
  const customer = (firstName: string, email: string | null, created: number) =>
    store.addCustomer({
      firstName,
      lastName: 'García',
      email,
      phone: '+34600000000',
      locale: 'es',
      addresses: [{ address1: 'Calle Mayor 1', city: 'Madrid', zip: '28013', countryCode: 'ES' }],
      note: null,
      emailMarketingConsent: { marketingState: 'SUBSCRIBED', marketingOptInLevel: 'SINGLE_OPT_IN', consentUpdatedAt: '2024-01-02T03:04:05.000Z' },
      createdAt: new Date(NOW.getTime() - created * DAY).toISOString(),
    });
  const customers = [customer('Ana', 'ana@example.com', 400), customer('Luis', null, 50)];
  const [coat, scarf] = products as [SandboxProduct, SandboxProduct, SandboxProduct];
  const order = (age: number, customerId: number | null, lines: { product: SandboxProduct; quantity: number }[]) =>
    store.addOrder({
      customerId,
      email: customerId === customers[0]!.id ? 'ana@example.com' : null,
      phone: null,
      note: null,
      shippingAddress: { address1: 'Calle Mayor 1', city: 'Madrid', zip: '28013', countryCode: 'ES' },
      currencyCode: 'EUR',
      createdAt: new Date(NOW.getTime() - age * DAY).toISOString(),
      lineItems: lines.map(({ product: p, quantity }) => ({
        productId: p.id,
        variantId: p.variants[0]!.id,
        title: p.title,
        sku: p.variants[0]!.sku,
        quantity,
        price: p.variants[0]!.price,
      })),
    });
  const orders = [
    order(90, customers[0]!.id, [{ product: coat, quantity: 1 }]),
    order(10, customers[0]!.id, [{ product: scarf, quantity: 2 }]),
    order(2, customers[1]!.id, [
      { product: coat, quantity: 1 },
      { product: scarf, quantity: 3 },
    ]),
  ];
  store.refundOrder(orders[2]!.id, [{ lineItemId: orders[2]!.lineItems[1]!.id, quantity: 1 }], 'Too many');
  store.fulfillOrder(orders[2]!.id);
  const changes: StoreChange[] = [];
  store.onChange((change) => changes.push(change));
  return { store, collection, products, customers, orders, changes };
}

export interface TestServer {
  url: string;
  router: AdminApiRouter;
  /**
   * POSTs a GraphQL request with one of the fixture tokens; returns HTTP status and parsed body. The body is
   * `any` on purpose: tests read arbitrary response paths and assert on them.
   */
  graphql(query: string, variables?: Record<string, unknown>, token?: TokenName | string): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** The admin API router on a real HTTP server (127.0.0.1, free port). */
export async function startServer(fixture: Pick<Fixture, 'store'>, options: Partial<AdminApiOptions> = {}): Promise<TestServer> {
  const bulkResultsDir = mkdtempSync(join(tmpdir(), 'admin-api-bulk-'));
  const app = express();
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // The router needs the server's URL (bulk result links), so it is mounted once the port is known.
  const router = createAdminApiRouter({
    store: fixture.store,
    publicUrl: url,
    bulkResultsDir,
    authenticate: (token) => (token in TOKENS ? { scopes: [...TOKENS[token as TokenName]] } : null),
    ...options,
  });
  app.use(router);
  return {
    url,
    router,
    async graphql(query, variables, token = 'full') {
      const response = await fetch(`${url}/admin/api/2025-10/graphql.json`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': token },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    },
    async close() {
      // Keep-alive sockets the client has just finished with may not count as idle yet; end them all.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      rmSync(bulkResultsDir, { recursive: true, force: true });
    },
  };
}
