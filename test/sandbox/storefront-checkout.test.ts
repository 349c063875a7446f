/**
 * Checking out on the sandbox storefront: the cart becomes an order through the store, and the order reaches the
 * app as Shopify sends it — orders/create with line item properties, note attributes and prices, and the Admin
 * GraphQL order with its custom attributes. The app's side here is a recorder of signed webhooks on loopback.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { CUSTOMER_COOKIE } from '../../sandbox/app-proxy/forward.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import type { SandboxOrder } from '../../sandbox/store/types.ts';
import { waitFor } from '../support/eventually.ts';
import { tempDir } from '../support/temp.ts';

const ACCESS_TOKEN = 'shpat_checkout_test';

interface Received {
  topic: string;
  signed: boolean;
  // any: a webhook's REST JSON, asserted field by field
  body: Record<string, any>;
}
const received: Received[] = [];
let recorder: Server;
let sandbox: Sandbox;

beforeAll(async () => {
  recorder = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const hmac = createHmac('sha256', SANDBOX_API_SECRET).update(raw).digest('base64');
      received.push({ topic: String(req.headers['x-shopify-topic']), signed: req.headers['x-shopify-hmac-sha256'] === hmac, body: JSON.parse(raw) });
      res.end();
    });
  });
  await new Promise<void>((done) => recorder.listen(0, '127.0.0.1', done));
  const { port } = recorder.address() as { port: number };
  // An installation the sandbox reads at start, so it delivers webhooks to the recorder without an OAuth dance.
  const dataDir = tempDir();
  writeFileSync(
    join(dataDir, 'installation.json'),
    JSON.stringify({ accessToken: ACCESS_TOKEN, scopes: ['read_products', 'read_orders', 'read_customers'], installedAt: new Date().toISOString() }),
  );
  sandbox = await startSandbox({ appUrl: new URL(`http://127.0.0.1:${port}`), port: 0, smtpPort: null, dataDir, seed: 'empty', webhookRetryDelaysMs: [50] });
  const base = { vendor: 'Northwind', category: null, tags: [], collectionIds: [], status: 'ACTIVE' as const, translations: {}, imageUrl: null, imageAlt: '' };
  sandbox.store.addProduct({
    ...base,
    title: 'Wool Overcoat',
    description: 'Warm.',
    handle: 'wool-overcoat',
    productType: 'Coat',
    variants: [{ title: 'M', sku: 'COAT-M', price: '239.00', availableForSale: true, inventoryQuantity: 12 }],
  });
  sandbox.store.addProduct({
    ...base,
    title: 'Merino Gloves',
    description: 'Thin.',
    handle: 'merino-gloves',
    productType: 'Gloves',
    variants: [{ title: 'Default Title', sku: 'GLOVES', price: '35.50', availableForSale: true, inventoryQuantity: 30 }],
  });
  sandbox.store.addCustomer({
    firstName: 'Olivia',
    lastName: 'Bennett',
    email: 'olivia@example.com',
    phone: null,
    locale: 'en',
    addresses: [],
    note: null,
    emailMarketingConsent: { marketingState: 'SUBSCRIBED', marketingOptInLevel: 'SINGLE_OPT_IN', consentUpdatedAt: null },
  });
});
afterAll(async () => {
  await sandbox?.close();
  await new Promise<void>((done) => (recorder ? recorder.close(() => done()) : done()));
});

const variantOf = (handle: string) => [...sandbox.store.products.values()].find((p) => p.handle === handle)!.variants[0]!.id;

/** A shopper's browser on the sandbox storefront, keeping its cookies. */
function shopper(cookies: Record<string, string> = {}) {
  const jar = new Map(Object.entries(cookies));
  const request = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(new URL(path, sandbox.url), {
      redirect: 'manual',
      ...init,
      headers: { Cookie: [...jar].map(([n, v]) => `${n}=${v}`).join('; '), ...(init.headers as Record<string, string>) },
    });
    for (const header of response.headers.getSetCookie()) {
      const [name = '', value = ''] = (header.split(';')[0] ?? '').split('=');
      if (value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  return {
    request,
    json: async (path: string, body: unknown) =>
      request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    checkout: () => request('/checkout', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' }),
  };
}

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(new URL('/admin/api/2026-07/graphql.json', sandbox.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': ACCESS_TOKEN },
    body: JSON.stringify({ query, variables }),
  });
  // any: the GraphQL response, asserted field by field
  return (await response.json()) as { data: any; errors?: unknown };
}

/** What the recorder got for `topic` about `order`, once every delivery has settled. */
async function payloadsFor(topic: string, order: SandboxOrder) {
  await sandbox.webhooks.idle();
  return received.filter((entry) => entry.topic === topic && (entry.body.id === order.id || entry.body.order_id === order.id));
}

/** A visitor adds a pick with Tacto's property, a coat through the theme form, joins an experiment, and checks out. */
async function visitorCheckout() {
  const browser = shopper();
  await browser.json('/cart/add.js', { items: [{ id: variantOf('merino-gloves'), quantity: 2, properties: { _tacto: 'product-page' } }] });
  await browser.request('/cart/add', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ id: String(variantOf('wool-overcoat')), quantity: '1' }),
  });
  await browser.json('/cart/update.js', { attributes: { _tacto_exp: '3.h.20261203' } });
  const before = sandbox.store.orders.size;
  const placed = await browser.checkout();
  expect(sandbox.store.orders.size).toBe(before + 1);
  const order = [...sandbox.store.orders.values()].at(-1)!;
  return { browser, placed, order };
}

describe('storefront checkout', () => {
  it('places the cart as an order and sends orders/create with properties, note attributes and prices', async () => {
    const { placed, order } = await visitorCheckout();
    expect(placed.status).toBe(303);

    const [created] = await payloadsFor('orders/create', order);
    expect(created?.signed).toBe(true);
    const payload = created!.body;
    expect(payload.note_attributes).toEqual([{ name: '_tacto_exp', value: '3.h.20261203' }]);
    expect(payload.line_items.map((line: Record<string, unknown>) => [line.title, line.quantity, line.price, line.properties, line.discount_allocations])).toEqual([
      ['Wool Overcoat', 1, '239.00', [], []],
      ['Merino Gloves', 2, '35.50', [{ name: '_tacto', value: 'product-page' }], []],
    ]);
    expect(payload).toMatchObject({ currency: 'EUR', subtotal_price: '310.00', current_subtotal_price: '310.00', financial_status: 'paid' });
    // A visitor checks out as a guest made on the spot, who gave no email marketing consent.
    expect(payload.customer).toMatchObject({ first_name: 'Guest' });
    expect(payload.buyer_accepts_marketing).toBe(false);
    expect(sandbox.store.customers.get(order.customerId!)?.emailMarketingConsent.marketingState).toBe('NOT_SUBSCRIBED');
  });

  it('lands the shopper on a confirmation page and leaves an empty cart, attributes gone too', async () => {
    const { browser, placed, order } = await visitorCheckout();
    const confirmation = await browser.request(placed.headers.get('location')!);
    const html = await confirmation.text();
    expect(confirmation.status).toBe(200);
    expect(html).toContain('Thank you, Guest!');
    expect(html).toContain(`Your order ${order.name} is confirmed.`);
    expect(html).not.toContain('data-tacto-picks');

    const cart = (await (await browser.request('/cart.js')).json()) as Record<string, unknown>;
    expect(cart).toMatchObject({ item_count: 0, items: [], attributes: {} });
    // The page is not for anyone else: an unknown key is a 404.
    expect((await browser.request('/checkout/thank_you/0123456789abcdef0123456789abcdef')).status).toBe(404);
  });

  it('places the order for the customer the shopper browses as', async () => {
    const customer = [...sandbox.store.customers.values()].find((c) => c.firstName === 'Olivia')!;
    const browser = shopper({ [CUSTOMER_COOKIE]: String(customer.id) });
    await browser.json('/cart/add.js', { id: variantOf('wool-overcoat'), quantity: 1, properties: { _tacto: 'cart' } });
    await browser.checkout();
    const order = [...sandbox.store.orders.values()].at(-1)!;
    expect(order.customerId).toBe(customer.id);
    const [created] = await payloadsFor('orders/create', order);
    expect(created!.body).toMatchObject({ email: 'olivia@example.com', customer: { id: customer.id }, note_attributes: [] });
  });

  it('places nothing for an empty cart and sends the shopper back to it', async () => {
    const before = sandbox.store.orders.size;
    const response = await shopper().checkout();
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/cart');
    expect(sandbox.store.orders.size).toBe(before);
  });

  it('shows the same data through Admin GraphQL: custom attributes, unit prices, discounts and subtotals', async () => {
    const { order } = await visitorCheckout();
    const { data, errors } = await graphql(
      `query ($id: ID!) { order(id: $id) {
        customAttributes { key value }
        subtotalPriceSet { shopMoney { amount currencyCode } }
        currentSubtotalPriceSet { shopMoney { amount currencyCode } }
        lineItems(first: 10) { nodes { title quantity customAttributes { key value }
          originalUnitPriceSet { shopMoney { amount currencyCode } } totalDiscountSet { shopMoney { amount } } } }
      } }`,
      { id: `gid://shopify/Order/${order.id}` },
    );
    expect(errors).toBeUndefined();
    expect(data.order.customAttributes).toEqual([{ key: '_tacto_exp', value: '3.h.20261203' }]);
    expect(data.order.subtotalPriceSet.shopMoney).toEqual({ amount: '310.0', currencyCode: 'EUR' });
    expect(data.order.currentSubtotalPriceSet.shopMoney).toEqual({ amount: '310.0', currencyCode: 'EUR' });
    expect(data.order.lineItems.nodes).toEqual([
      { title: 'Wool Overcoat', quantity: 1, customAttributes: [], originalUnitPriceSet: { shopMoney: { amount: '239.0', currencyCode: 'EUR' } }, totalDiscountSet: { shopMoney: { amount: '0.0' } } },
      {
        title: 'Merino Gloves',
        quantity: 2,
        customAttributes: [{ key: '_tacto', value: 'product-page' }],
        originalUnitPriceSet: { shopMoney: { amount: '35.5', currencyCode: 'EUR' } },
        totalDiscountSet: { shopMoney: { amount: '0.0' } },
      },
    ]);
  });

  it('takes a refund off the current subtotal, in the webhooks and in GraphQL', async () => {
    const { order } = await visitorCheckout();
    const gloves = order.lineItems.find((line) => line.title === 'Merino Gloves')!;
    sandbox.store.refundOrder(order.id, [{ lineItemId: gloves.id, quantity: 1 }]);

    const [updated] = await payloadsFor('orders/updated', order);
    expect(updated!.body).toMatchObject({ subtotal_price: '310.00', current_subtotal_price: '274.50', financial_status: 'partially_refunded' });
    const [refund] = await payloadsFor('refunds/create', order);
    expect(refund!.body.refund_line_items[0].line_item.properties).toEqual([{ name: '_tacto', value: 'product-page' }]);
    const { data } = await graphql(`query ($id: ID!) { order(id: $id) { currentSubtotalPriceSet { shopMoney { amount } } } }`, {
      id: `gid://shopify/Order/${order.id}`,
    });
    expect(data.order.currentSubtotalPriceSet.shopMoney.amount).toBe('274.5');
  });

  it('the sandbox admin lists the order with its properties and note attributes, and refunds or cancels it', async () => {
    const { order } = await visitorCheckout();
    const page = await (await fetch(new URL('/admin/orders', sandbox.url))).text();
    const row = page.slice(page.indexOf(`<td>${order.name}</td>`));
    expect(row).toMatch(/Merino Gloves × 2 <code>_tacto: product-page<\/code>/);
    expect(row).toMatch(/Note attributes:  ?<code>_tacto_exp: 3\.h\.20261203<\/code>/);

    const post = (action: string) => fetch(new URL(`/admin/orders/${order.id}/${action}`, sandbox.url), { method: 'POST', redirect: 'manual' });
    expect((await post('refund')).status).toBe(303);
    const [updated] = await payloadsFor('orders/updated', order);
    expect(updated!.body).toMatchObject({ current_subtotal_price: '0.00', financial_status: 'refunded' });
    expect((await post('refund')).status).toBe(422);
    expect((await post('cancel')).status).toBe(303);
    expect(await payloadsFor('orders/cancelled', order)).toHaveLength(1);
    expect((await post('cancel')).status).toBe(422);
  });

  it('a bulk export of orders carries the same custom attributes, line by line in its JSONL', async () => {
    const { order } = await visitorCheckout();
    const query = `{ orders { edges { node { id customAttributes { key value } currentSubtotalPriceSet { shopMoney { amount } }
      lineItems { edges { node { id customAttributes { key value } } } } } } } }`;
    const run = await graphql(`mutation ($query: String!) { bulkOperationRunQuery(query: $query) { userErrors { message } } }`, { query });
    expect(run.data.bulkOperationRunQuery.userErrors).toEqual([]);
    const url = await waitFor(
      async () => {
        const { data } = await graphql('{ currentBulkOperation(type: QUERY) { status url } }');
        return data.currentBulkOperation.status === 'COMPLETED' ? (data.currentBulkOperation.url as string) : undefined;
      },
      { message: 'the bulk export to complete' },
    );
    const lines = (await (await fetch(url)).text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const orderGid = `gid://shopify/Order/${order.id}`;
    expect(lines.find((line) => line.id === orderGid)).toMatchObject({
      customAttributes: [{ key: '_tacto_exp', value: '3.h.20261203' }],
      currentSubtotalPriceSet: { shopMoney: { amount: '310.0' } },
    });
    expect(lines.filter((line) => line.__parentId === orderGid).map((line) => line.customAttributes)).toEqual([[], [{ key: '_tacto', value: 'product-page' }]]);
  });
});
