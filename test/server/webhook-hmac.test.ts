import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_API_SECRET, type TestApp } from '../support/app.ts';
import { offlineSession, postWebhook } from '../support/signed-requests.ts';

const shop = 'hooks-test.myshopify.com';
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await app.storage.sessions.storeSession(offlineSession(shop));
  await app.storage.shops.recordInstall(shop, ['read_orders'], new Date());
});
afterAll(() => app.close());

describe('webhook signatures', () => {
  it('rejects a wrong HMAC with 401 before anything is written', async () => {
    const before = app.snapshot();
    const response = await postWebhook(app.url, { topic: 'app/uninstalled', shop, body: { domain: shop, myshopify_domain: shop }, secret: 'wrong-secret' });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_webhook');
    expect(app.snapshot()).toEqual(before);
  });

  it('rejects a missing HMAC with 401 before anything is written', async () => {
    const before = app.snapshot();
    const response = await postWebhook(app.url, { topic: 'app/uninstalled', shop, body: { domain: shop, myshopify_domain: shop }, secret: TEST_API_SECRET, hmac: null });
    expect(response.status).toBe(401);
    expect(app.snapshot()).toEqual(before);
  });

  it('rejects a body altered after signing', async () => {
    const raw = JSON.stringify({ domain: shop, myshopify_domain: shop });
    const { signWebhookBody } = await import('../../sandbox/oauth/signing.ts');
    const response = await postWebhook(app.url, {
      topic: 'app/uninstalled',
      shop,
      body: { domain: shop, myshopify_domain: shop, extra: true },
      secret: TEST_API_SECRET,
      hmac: signWebhookBody(raw, TEST_API_SECRET),
    });
    expect(response.status).toBe(401);
    expect(await app.storage.sessions.loadSession(`offline_${shop}`)).toBeDefined();
  });

  it('deletes the access token at once on a signed app/uninstalled', async () => {
    const response = await postWebhook(app.url, { topic: 'app/uninstalled', shop, body: { domain: shop, myshopify_domain: shop }, secret: TEST_API_SECRET });
    expect(response.status).toBe(200);
    expect(await app.storage.sessions.loadSession(`offline_${shop}`)).toBeUndefined();
    expect((await app.storage.shops.find(shop))?.uninstalledAt).toBeInstanceOf(Date);
  });

  it('erases the shop on shop/redact', async () => {
    const response = await postWebhook(app.url, { topic: 'shop/redact', shop, body: { shop_id: 1, shop_domain: shop }, secret: TEST_API_SECRET });
    expect(response.status).toBe(200);
    await app.webhookWorker.idle();
    expect(await app.storage.shops.find(shop)).toBeNull();
  });
});
