import express from 'express';
import { createAdminApiRouter } from '../../../sandbox/admin-api/index.ts';
import { SandboxStore } from '../../../sandbox/store/store.ts';

const store = new SandboxStore({ name: 'Demo', myshopifyDomain: 'tacto-demo.sandbox.test', email: 'o@x.test', currencyCode: 'EUR', ianaTimezone: 'Europe/Madrid', primaryLocale: 'en', grantsReadAllOrders: true });
const c = store.addCollection({ title: 'Coats', handle: 'coats' });
const p = store.addProduct({ title: 'Rain coat', translations: { es: { title: 'Chubasquero' } }, description: 'Dry', handle: 'rain-coat', vendor: 'V', productType: 'Coat', category: { id: 'aa-1', name: 'A', fullName: 'A' }, tags: ['rain'], collectionIds: [c.id], imageUrl: '/images/rain.svg', imageAlt: 'coat', status: 'ACTIVE', variants: [{ title: 'S', sku: 'RC-S', price: '19.90', availableForSale: true, inventoryQuantity: 3 }, { title: 'M', sku: 'RC-M', price: '25', availableForSale: true, inventoryQuantity: 2 }] });
const cu = store.addCustomer({ firstName: 'Ana', lastName: 'G', email: 'ana@x.test', phone: null, locale: 'es', addresses: [{ address1: 'C/1', city: 'Madrid', zip: '28001', countryCode: 'ES' }], note: null, emailMarketingConsent: { marketingState: 'SUBSCRIBED', marketingOptInLevel: 'SINGLE_OPT_IN', consentUpdatedAt: '2024-01-01T00:00:00.000Z' } });
for (let i = 0; i < 3; i++) store.addOrder({ customerId: cu.id, email: 'ana@x.test', phone: null, note: null, shippingAddress: null, currencyCode: 'EUR', createdAt: new Date(Date.now() - i * 40 * 86400000).toISOString(), lineItems: [{ productId: p.id, variantId: p.variants[0]!.id, title: 'Rain coat', sku: 'RC-S', quantity: 2, price: '19.90' }] });
const app = express();
const router = createAdminApiRouter({ store, publicUrl: 'http://127.0.0.1:0', bulkResultsDir: '/tmp/smoke/bulk', authenticate: (t) => (t === 'good' ? { scopes: ['read_products', 'read_orders', 'read_customers'] } : null) });
app.use(router);
const server = app.listen(0, '127.0.0.1', async () => {
  const port = (server.address() as { port: number }).port;
  const q = async (query: string, variables?: object, token = 'good') => {
    const r = await fetch(`http://127.0.0.1:${port}/admin/api/2026-07/graphql.json`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': token }, body: JSON.stringify({ query, variables }) });
    return [r.status, await r.json()];
  };
  console.log(JSON.stringify(await q('{ shop { id name currencyCode primaryDomain { host url } } }')));
  console.log(JSON.stringify(await q('{ products(first: 5) { edges { cursor node { id legacyResourceId title category { id } featuredImage { url altText } priceRangeV2 { minVariantPrice { amount currencyCode } } totalInventory translations(locale: "es") { key value locale } variants(first: 5) { nodes { id price sku product { id } } } collections(first: 2) { nodes { title } } } } pageInfo { hasNextPage endCursor } } }')));
  console.log(JSON.stringify(await q('{ orders(first: 5, query: "created_at:>=2020-01-01 foo:bar") { nodes { id name createdAt customer { displayName emailMarketingConsent { marketingState } } lineItems(first: 5) { nodes { title quantity currentQuantity originalUnitPriceSet { shopMoney { amount currencyCode } } variant { id } } } refunds { id } fulfillments { id } displayFinancialStatus displayFulfillmentStatus } } }')));
  console.log(JSON.stringify(await q('{ products(first: 300) { nodes { id } } }')));
  console.log(JSON.stringify(await q('{ products { nodes { id } } }')));
  console.log(JSON.stringify(await q('{ products(first: 1) { nodes { id foo } } }')));
  console.log(JSON.stringify(await q('mutation { bulkOperationRunQuery(query: "{ orders { edges { node { id name lineItems { edges { node { id title quantity } } } } } } }") { bulkOperation { id status objectCount } userErrors { field message code } } }')));
  const b = router.bulkOperations.list()[0]!;
  const fin = await router.bulkOperations.settled(b.id);
  console.log(JSON.stringify(fin));
  const txt = await (await fetch(fin.url!.replace('127.0.0.1:0', `127.0.0.1:${port}`))).text();
  console.log(txt);
  console.log(JSON.stringify(await q('{ currentBulkOperation { id status objectCount rootObjectCount fileSize url } }')));
  server.close();
});
