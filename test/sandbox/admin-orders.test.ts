/**
 * The sandbox admin's Orders page: a person places an order for a customer and fulfils it, as in Shopify admin,
 * so follow-ups can be tried by hand (`npm start`, then Orders and the Mail sink).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { tempDir } from '../support/temp.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ appUrl: new URL('http://127.0.0.1:9'), port: 0, smtpPort: null, dataDir: tempDir() });
});
afterAll(() => sandbox?.close());

const post = (path: string, form: Record<string, string>) =>
  fetch(new URL(path, sandbox.url), { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });

describe('sandbox admin orders', () => {
  it('places an order for a customer, fulfilled at once or later, and lists it', async () => {
    const customer = [...sandbox.store.customers.values()][0]!;
    const product = [...sandbox.store.products.values()].find((p) => p.status === 'ACTIVE')!;
    const placed = await post('/admin/orders', { customer_id: String(customer.id), product_id: String(product.id) });
    expect(placed.status).toBe(303);
    const order = [...sandbox.store.orders.values()].at(-1)!;
    expect(order).toMatchObject({ customerId: customer.id, fulfillments: [], lineItems: [expect.objectContaining({ productId: product.id })] });

    const page = await (await fetch(new URL('/admin/orders', sandbox.url))).text();
    expect(page).toContain(`aria-label="Fulfill ${order.name}"`);
    expect((await post(`/admin/orders/${order.id}/fulfill`, {})).status).toBe(303);
    expect(order.fulfillments).toHaveLength(1);
    expect((await post(`/admin/orders/${order.id}/fulfill`, {})).status).toBe(422);

    await post('/admin/orders', { customer_id: String(customer.id), product_id: String(product.id), fulfill: '1' });
    expect([...sandbox.store.orders.values()].at(-1)!.fulfillments).toHaveLength(1);
  });

  it('finds an order by its name, with or without #, as Shopify admin’s search does', async () => {
    const customer = [...sandbox.store.customers.values()][0]!;
    const product = [...sandbox.store.products.values()].find((p) => p.status === 'ACTIVE')!;
    await post('/admin/orders', { customer_id: String(customer.id), product_id: String(product.id) });
    const order = [...sandbox.store.orders.values()].at(-1)!;
    const other = [...sandbox.store.orders.values()].at(-2)!;
    for (const query of [order.name, order.name.slice(1)]) {
      const page = await (await fetch(new URL(`/admin/orders?query=${encodeURIComponent(query)}`, sandbox.url))).text();
      expect(page).toContain(`action="/admin/orders/${order.id}/refund"><button aria-label="Refund ${order.name}"`);
      expect(page).not.toContain(`aria-label="Cancel ${other.name}"`);
    }
    const none = await (await fetch(new URL('/admin/orders?query=%2399999999', sandbox.url))).text();
    expect(none).toContain('No order by that name.');
  });

  it('refuses an unknown customer or product with a clear message and places nothing', async () => {
    const before = sandbox.store.orders.size;
    const refused = await post('/admin/orders', { customer_id: '1', product_id: 'x' });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(/customer and a product/);
    expect(sandbox.store.orders.size).toBe(before);
  });
});
