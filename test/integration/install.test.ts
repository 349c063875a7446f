import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { startAppWithSandbox, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;

beforeAll(async () => {
  env = await startAppWithSandbox();
});
afterAll(() => env.close());

async function getShop() {
  const token = await signSessionToken({ shop: env.sandbox.shop.myshopifyDomain, apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1001' });
  const response = await fetch(new URL('/api/shop', env.app.url), { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { shop?: { name: string }; installation?: { scopes: string[] }; error?: string } };
}

describe('installing into the sandbox store', () => {
  const shop = () => env.sandbox.shop.myshopifyDomain;
  const offlineId = () => env.app.shopify.api.session.getOfflineId(shop());

  it('starts with nothing installed', async () => {
    expect(await env.app.storage.sessions.loadSession(offlineId())).toBeUndefined();
    expect((await getShop()).body.error).toBe('not_installed');
  });

  it('installs through the real OAuth flow and stores the token the shop issued', async () => {
    await env.sandbox.install();
    const session = await env.app.storage.sessions.loadSession(offlineId());
    expect(session?.accessToken).toBe(env.sandbox.installations.installation?.accessToken);
    expect(session?.accessToken).toMatch(/^shpat_/);
    const record = await env.app.storage.shops.find(shop());
    expect(record?.scopes).toEqual(expect.arrayContaining(['read_orders', 'read_all_orders', 'read_products']));
  });

  it('reads the shop\'s name through the Admin API', async () => {
    const result = await getShop();
    expect(result.status).toBe(200);
    expect(result.body.shop?.name).toBe('Tacto Demo Store');
  });

  it('reuses the stored token after a restart', async () => {
    const before = env.sandbox.installations.installation?.accessToken;
    await env.restartApp();
    expect((await getShop()).body.shop?.name).toBe('Tacto Demo Store');
    expect(env.sandbox.installations.installation?.accessToken).toBe(before);
  });

  it('removes the token at once when the merchant uninstalls (app/uninstalled)', async () => {
    const response = await fetch(new URL(`${ADMIN_APP_PATH}/uninstall`, env.sandbox.url), { method: 'POST', redirect: 'manual' });
    expect(response.status).toBe(303);
    await env.sandbox.webhooks.idle();
    const delivery = env.sandbox.webhooks.log.find((d) => d.topic === 'app/uninstalled');
    expect(delivery?.state).toBe('delivered');
    expect(await env.app.storage.sessions.loadSession(offlineId())).toBeUndefined();
    expect((await getShop()).status).toBe(401);
  });
});

describe('a shop that has not been granted read_all_orders', () => {
  it('installs with the other scopes', async () => {
    const limited = await startAppWithSandbox({ shop: { grantsReadAllOrders: false } });
    try {
      await limited.sandbox.install();
      const record = await limited.app.storage.shops.find(limited.sandbox.shop.myshopifyDomain);
      expect(record?.scopes).toContain('read_orders');
      expect(record?.scopes).not.toContain('read_all_orders');
    } finally {
      await limited.close();
    }
  });
});
