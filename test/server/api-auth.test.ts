import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from '../support/app.ts';

const shop = 'auth-test.myshopify.com';
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function getShop(authorization?: string) {
  const response = await fetch(new URL('/api/shop', app.url), { headers: authorization ? { Authorization: authorization } : {} });
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as { error: string; message: string } };
}

const token = (overrides: Partial<Parameters<typeof signSessionToken>[0]> = {}) =>
  signSessionToken({ shop, apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET, userId: '1', ...overrides });

describe('/api requires a Shopify session token', () => {
  it('answers 401 JSON without a token', async () => {
    const result = await getShop();
    expect(result.status).toBe(401);
    expect(result.type).toMatch(/application\/json/);
    expect(result.body.error).toBe('missing_session_token');
  });

  it('answers 401 to a malformed token', async () => {
    expect((await getShop('Bearer not-a-jwt')).body.error).toBe('invalid_session_token');
  });

  it('answers 401 to an expired token', async () => {
    const expired = await token({ now: new Date(Date.now() - 10 * 60_000) });
    const result = await getShop(`Bearer ${expired}`);
    expect(result.status).toBe(401);
    expect(result.body.error).toBe('invalid_session_token');
  });

  it('answers 401 to a token issued for another app', async () => {
    const otherSecret = await token({ apiKey: 'another-app', apiSecret: 'another-secret' });
    expect((await getShop(`Bearer ${otherSecret}`)).status).toBe(401);
    const otherAudience = await token({ apiKey: 'another-app' });
    expect((await getShop(`Bearer ${otherAudience}`)).body.error).toBe('invalid_session_token');
  });

  it('answers 401 with a reauthorize hint when the shop has not installed Tacto', async () => {
    const response = await fetch(new URL('/api/shop', app.url), { headers: { Authorization: `Bearer ${await token()}` } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('not_installed');
    expect(response.headers.get('x-shopify-api-request-failure-reauthorize-url')).toBe(`/api/auth?shop=${shop}`);
  });

  it('keeps /healthz open and reports the database alive', async () => {
    const response = await fetch(new URL('/healthz', app.url));
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
