import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProxyQuery } from '../../sandbox/app-proxy/forward.ts';
import { startTestApp, TEST_API_SECRET, type TestApp } from '../support/app.ts';

const shop = 'proxy-test.myshopify.com';
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

function signed(original = new URLSearchParams(), overrides: { now?: Date; secret?: string; customerId?: string | null } = {}) {
  return appProxyQuery({
    original,
    shop,
    customerId: overrides.customerId ?? null,
    pathPrefix: '/apps/tacto',
    secret: overrides.secret ?? TEST_API_SECRET,
    now: overrides.now,
  });
}

async function ping(query: URLSearchParams | string) {
  const response = await fetch(new URL(`/proxy/ping?${query.toString()}`, app.url));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('app proxy signature', () => {
  it('accepts a request signed as Shopify signs it', async () => {
    const result = await ping(signed(new URLSearchParams({ context: 'home' }), { customerId: '42' }));
    expect(result).toEqual({ status: 200, body: { ok: true, shop } });
  });

  it('accepts repeated parameters, which Shopify signs joined by commas', async () => {
    const original = new URLSearchParams([
      ['ids', '1'],
      ['ids', '2'],
    ]);
    expect((await ping(signed(original))).status).toBe(200);
  });

  it('refuses a missing signature', async () => {
    const query = signed();
    query.delete('signature');
    expect(await ping(query)).toMatchObject({ status: 401, body: { error: 'invalid_signature' } });
  });

  it('refuses a wrong signature', async () => {
    expect((await ping(signed(undefined, { secret: 'someone-else' }))).status).toBe(401);
  });

  it('refuses a stale timestamp (outside 90 seconds)', async () => {
    expect((await ping(signed(undefined, { now: new Date(Date.now() - 120_000) }))).status).toBe(401);
  });

  it('refuses a parameter added or repeated after signing', async () => {
    const added = signed();
    added.append('logged_in_customer_id', '7');
    expect((await ping(added)).status).toBe(401);
    const tampered = signed(new URLSearchParams({ context: 'home' }));
    tampered.append('context', 'cart');
    expect((await ping(tampered)).status).toBe(401);
  });
});
