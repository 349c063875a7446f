import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRegistration } from '../../sandbox/app-registration.ts';
import { WebhookDeliverer } from '../../sandbox/webhooks/deliver.ts';

const received: { headers: IncomingMessage['headers']; body: string }[] = [];
let failuresLeft = 0;
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    received.push({ headers: req.headers, body });
    res.statusCode = failuresLeft-- > 0 ? 503 : 200;
    res.end();
  });
});
let app: AppRegistration;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const url = new URL(`http://127.0.0.1:${port}/webhooks`);
  app = {
    apiKey: 'k',
    apiSecret: 'delivery-secret',
    appUrl: new URL(url.origin),
    scopes: [],
    apiVersion: '2026-07',
    webhookSubscriptions: new Map([['orders/create', url]]),
    appProxy: { prefix: 'apps', subpath: 'tacto', url },
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('webhook delivery', () => {
  it('signs the raw body and sends Shopify\'s headers', async () => {
    received.length = 0;
    const deliverer = new WebhookDeliverer({ app, shopDomain: 'shop.sandbox.test', isInstalled: () => true, retryDelaysMs: [10] });
    deliverer.send('orders/create', { id: 1, note: 'ünïcode' }, 'event-1');
    await deliverer.idle();
    const [{ headers, body }] = received as [(typeof received)[number]];
    expect(headers['x-shopify-hmac-sha256']).toBe(createHmac('sha256', 'delivery-secret').update(body).digest('base64'));
    expect(headers).toMatchObject({
      'x-shopify-topic': 'orders/create',
      'x-shopify-shop-domain': 'shop.sandbox.test',
      'x-shopify-event-id': 'event-1',
      'x-shopify-api-version': '2026-07',
      'content-type': 'application/json',
    });
    expect(headers['x-shopify-webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(String(headers['x-shopify-triggered-at'])))).toBe(false);
  });

  it('retries a non-2xx answer with the same webhook and event ids, then stops', async () => {
    received.length = 0;
    failuresLeft = 2;
    const deliverer = new WebhookDeliverer({ app, shopDomain: 'shop.sandbox.test', isInstalled: () => true, retryDelaysMs: [10, 10, 10] });
    const record = deliverer.send('orders/create', { id: 2 })!;
    await deliverer.idle();
    expect(record.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
    expect(record.state).toBe('delivered');
    expect(new Set(received.map((r) => r.headers['x-shopify-webhook-id'])).size).toBe(1);
    expect(new Set(received.map((r) => r.headers['x-shopify-event-id'])).size).toBe(1);

    failuresLeft = 10;
    const failed = deliverer.send('orders/create', { id: 3 })!;
    await deliverer.idle();
    expect(failed.attempts).toHaveLength(4);
    expect(failed.state).toBe('failed');
    failuresLeft = 0;
  });

  it('sends nothing for topics the app does not subscribe to, or once it is uninstalled', () => {
    const deliverer = new WebhookDeliverer({ app, shopDomain: 'shop.sandbox.test', isInstalled: () => false });
    expect(deliverer.send('products/update', {})).toBeNull();
    expect(deliverer.send('orders/create', {})).toBeNull();
  });
});
