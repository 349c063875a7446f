/**
 * The Privacy page's API on the real app with the sandbox store: behind the session token, the notice rendered per
 * language, counts per table from the imported demo store, and the report as a dated HTML attachment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { queryDb } from '../support/db.ts';
import { postWebhook } from '../support/signed-requests.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env?.close());

async function get(path: string, withToken = true): Promise<Response> {
  const token = await signSessionToken({ shop: env.sandbox.shop.myshopifyDomain, apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1' });
  return fetch(new URL(path, env.app.url), { headers: withToken ? { Authorization: `Bearer ${token}` } : {} });
}

describe('the privacy API', () => {
  it('refuses every privacy route without a session token', async () => {
    for (const path of ['/api/privacy/notice', '/api/privacy/tables', '/api/privacy/report']) expect((await get(path, false)).status).toBe(401);
  });

  it('renders the notice in the language asked, and refuses one the extension does not speak', async () => {
    const response = await get('/api/privacy/notice?locale=pt-BR');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { locale: string; document: string };
    expect(body.locale).toBe('pt-BR');
    expect(body.document).toContain('<html lang="pt-BR">');
    expect(body.document).toContain('no máximo 2 vezes');
    const bad = await get('/api/privacy/notice?locale=fr&country=argentina');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('counts the shop\'s rows per table as the database holds them', async () => {
    const { tables } = (await (await get('/api/privacy/tables')).json()) as { tables: { table: string; rows: number }[] };
    const shop = env.sandbox.shop.myshopifyDomain;
    const orders = queryDb<{ n: number }>(env.app.databasePath, 'select count(*) as n from orders where shop = ?', shop)[0]!.n;
    expect(orders).toBeGreaterThan(0);
    expect(tables.find((t) => t.table === 'orders')?.rows).toBe(orders);
    expect(tables.find((t) => t.table === 'shops')?.rows).toBe(1);
  });

  it('answers the report as a dated HTML attachment holding the counts', async () => {
    const response = await get('/api/privacy/report');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const day = new Date().toISOString().slice(0, 10);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="tacto-privacy-report-${env.sandbox.shop.myshopifyDomain}-${day}.html"`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    const orders = queryDb<{ n: number }>(env.app.databasePath, 'select count(*) as n from orders where shop = ?', env.sandbox.shop.myshopifyDomain)[0]!.n;
    expect(html).toMatch(new RegExp(`<code>orders</code></th>.*<td class="n">${new Intl.NumberFormat('en').format(orders)}</td>`));
    expect(html).toContain(`Privacy report: Tacto on ${env.sandbox.shop.myshopifyDomain}`);
  });

  it('writes the report in the admin\'s language as Shopify admin names it, English for one Tacto does not speak', async () => {
    const spanish = await (await get('/api/privacy/report?locale=es-419')).text();
    expect(spanish).toContain('<html lang="es">');
    expect(spanish).toContain(`Informe de privacidad: Tacto en ${env.sandbox.shop.myshopifyDomain}`);
    expect(spanish).toContain('<th scope="col">Puede identificar a un cliente</th>');
    const french = await (await get('/api/privacy/report?locale=fr')).text();
    expect(french).toContain('<html lang="en">');
  });

  it('lists a data request in the report by its date and count, never naming the customer', async () => {
    const shop = env.sandbox.shop.myshopifyDomain;
    const customer = [...env.sandbox.store.customers.values()].find((c) => c.email)!;
    const body = { shop_id: 1, shop_domain: shop, orders_requested: [], customer: { id: customer.id, email: customer.email, phone: null }, data_request: { id: 77 } };
    expect((await postWebhook(env.app.url, { topic: 'customers/data_request', shop, body, secret: SANDBOX_API_SECRET })).status).toBe(200);
    await env.app.webhookWorker.idle();
    const [request] = await env.app.storage.privacy.listDataRequests(shop);
    expect(request?.customerId).toBe(customer.id);

    const html = await (await get('/api/privacy/report')).text();
    expect(html).toContain('<p>1 received, answered with an export');
    expect(html).toContain(`<li><time datetime="${request!.requestedAt}">`);
    expect(html).not.toContain(customer.email!);
    expect(html).not.toMatch(new RegExp(`(?<![0-9])${customer.id}(?![0-9])`));
  });
});
