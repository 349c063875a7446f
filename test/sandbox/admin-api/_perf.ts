import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminGraphql } from '../../../sandbox/admin-api/index.ts';
import { SandboxStore } from '../../../sandbox/store/store.ts';

const store = new SandboxStore({ name: 'Demo', myshopifyDomain: 'tacto-demo.sandbox.test', email: 'o@x.test', currencyCode: 'GBP', ianaTimezone: 'Europe/London', primaryLocale: 'en', grantsReadAllOrders: true });
const products = Array.from({ length: 4000 }, (_, i) => store.addProduct({ title: `P${i}`, translations: {}, description: '', handle: `p${i}`, vendor: '', productType: '', category: null, tags: [], collectionIds: [], imageUrl: null, imageAlt: '', status: 'ACTIVE', variants: [{ title: 'Default Title', sku: `S${i}`, price: '1.25', availableForSale: true, inventoryQuantity: 1 }] }));
let t = Date.now();
for (let o = 0; o < 25000; o++) {
  const lines = Array.from({ length: 16 }, (_, k) => { const p = products[(o * 7 + k * 13) % products.length]!; return { productId: p.id, variantId: p.variants[0]!.id, title: p.title, sku: p.variants[0]!.sku, quantity: 1 + (k % 3), price: '1.25' }; });
  store.addOrder({ customerId: null, email: null, phone: null, note: null, shippingAddress: null, currencyCode: 'GBP', createdAt: new Date(Date.UTC(2011, 0, 1) + o * 60000).toISOString(), lineItems: lines });
}
console.log('seeded', Date.now() - t, 'ms');
const dir = mkdtempSync(join(tmpdir(), 'perf-'));
const api = new AdminGraphql({ store, publicUrl: 'http://x', bulkResultsDir: dir, throttle: { maximumAvailable: 100000, restoreRate: 50 }, now: Date.now });
const scopes = new Set(['read_orders', 'read_all_orders', 'read_products']);
t = Date.now();
const page = await api.handle({ query: '{ orders(first: 50, query: "created_at:>=2011-01-10", sortKey: CREATED_AT) { nodes { id name lineItems(first: 3) { nodes { id quantity variant { id } } } } pageInfo { hasNextPage endCursor } } }' }, scopes);
console.log('page', Date.now() - t, 'ms', JSON.stringify(page.extensions), (page.data as any)?.orders.nodes.length, page.errors);
t = Date.now();
const r = await api.handle({ query: 'mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { message } } }', variables: { q: '{ orders { edges { node { id name createdAt lineItems { edges { node { id quantity variant { id } product { id } originalUnitPriceSet { shopMoney { amount } } } } } } } } }' } }, scopes);
const id = (r.data as any).bulkOperationRunQuery.bulkOperation.id;
const done = await api.bulkOperations.settled(id);
console.log('bulk', Date.now() - t, 'ms', done.status, done.objectCount, done.rootObjectCount, done.fileSize);
rmSync(dir, { recursive: true });
