import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_API_SECRET, type TestApp } from '../support/app.ts';
import { signedCallbackUrl } from '../support/signed-requests.ts';

const shop = 'oauth-test.myshopify.com';
const browser = { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36' };
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** Starts OAuth like a browser and returns the state and the signed state cookie the app set. */
async function beginOAuth() {
  const response = await fetch(new URL(`/api/auth?shop=${shop}`, app.url), { redirect: 'manual', headers: browser });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location')!);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { location, state: location.searchParams.get('state')!, cookie };
}

async function callback(url: URL, cookie?: string) {
  const response = await fetch(url, { redirect: 'manual', headers: { ...browser, ...(cookie ? { Cookie: cookie } : {}) } });
  return { status: response.status, body: await response.text() };
}

describe('OAuth', () => {
  it('sends the merchant to the shop\'s authorize page with our client id and callback', async () => {
    const { location } = await beginOAuth();
    expect(location.host).toBe(shop);
    expect(location.pathname).toBe('/admin/oauth/authorize');
    expect(location.searchParams.get('client_id')).toBe('test-api-key');
    expect(location.searchParams.get('redirect_uri')).toBe(new URL('/api/auth/callback', app.config.appUrl).toString());
    expect(location.searchParams.get('scope')).toContain('read_orders');
  });

  it('refuses to start for a host that is not a Shopify shop', async () => {
    const response = await fetch(new URL('/api/auth?shop=evil.example.com', app.url), { redirect: 'manual', headers: browser });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_shop');
  });

  it('refuses a callback with a bad HMAC and stores nothing', async () => {
    const { state, cookie } = await beginOAuth();
    const url = signedCallbackUrl(app.url, { code: 'abc', shop, state }, 'not-our-secret');
    const before = app.snapshot();
    expect((await callback(url, cookie)).status).toBe(400);
    expect(app.snapshot()).toEqual(before);
  });

  it('refuses a callback whose state this browser did not start', async () => {
    const { cookie } = await beginOAuth();
    const url = signedCallbackUrl(app.url, { code: 'abc', shop, state: 'forged-state' }, TEST_API_SECRET);
    const before = app.snapshot();
    expect((await callback(url, cookie)).status).toBe(400);
    expect((await callback(url)).status).toBe(403);
    expect(app.snapshot()).toEqual(before);
  });

  it('refuses a callback for a shop that is not a Shopify host', async () => {
    const { state, cookie } = await beginOAuth();
    const url = signedCallbackUrl(app.url, { code: 'abc', shop: 'evil.example.com', state }, TEST_API_SECRET);
    const before = app.snapshot();
    expect((await callback(url, cookie)).status).toBe(400);
    expect(app.snapshot()).toEqual(before);
  });
});
