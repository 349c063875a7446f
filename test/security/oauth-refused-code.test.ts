/**
 * An OAuth callback that passes every check (HMAC, state cookie, shop) but carries a code Shopify refuses — the
 * callback URL opened a second time, or too late — is the merchant's to retry, not a server failure: 400 JSON,
 * nothing stored (found by the endpoint fuzz suite, where it answered 500).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { signedCallbackUrl } from '../support/signed-requests.ts';

const browser = { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36' };
let env: AppAndSandbox;

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env.close());

/** Starts OAuth as the merchant's browser does: the state Shopify will send back, and the signed state cookie. */
async function beginOAuth(shop: string) {
  const response = await fetch(new URL(`/api/auth?shop=${shop}`, env.app.url), { redirect: 'manual', headers: browser });
  expect(response.status).toBe(302);
  const state = new URL(response.headers.get('location')!).searchParams.get('state')!;
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  return { state, cookie };
}

describe('OAuth callback with a code Shopify refuses', () => {
  it.each(['already-used-or-expired', 'a'.repeat(300)])('answers 400 JSON and stores nothing (code %s)', async (code) => {
    const shop = env.sandbox.shop.myshopifyDomain;
    const { state, cookie } = await beginOAuth(shop);
    const before = env.app.snapshot();
    const url = signedCallbackUrl(env.app.url, { code, shop, state }, SANDBOX_API_SECRET);
    const response = await fetch(url, { redirect: 'manual', headers: { ...browser, Cookie: cookie } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'oauth_code_refused' });
    expect(env.app.snapshot()).toEqual(before);
  });
});
