/**
 * The app proxy's `logged_in_customer_id` names a customer only when it is a real customer id: Shopify sends an
 * empty value for a visitor, never `0`, `007` or thirty digits. Such a value (found by the endpoint fuzz suite,
 * which saw a 30-digit id stored as the customer 1e+30) is read as a visitor: nothing is stored under it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProxyQuery } from '../../sandbox/app-proxy/forward.ts';
import { SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env.close());

/** `/proxy/<path>` signed as Shopify signs it, with `logged_in_customer_id` exactly `raw`. */
function signed(path: string, raw: string, params: Record<string, string> = {}): URL {
  const query = appProxyQuery({
    original: new URLSearchParams(params),
    shop: env.sandbox.shop.myshopifyDomain,
    customerId: raw,
    pathPrefix: '/apps/tacto',
    secret: SANDBOX_API_SECRET,
  });
  return new URL(`${path}?${query}`, env.app.url);
}

const turnOff = (raw: string) =>
  fetch(signed('/proxy/preferences', raw), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ personalization: 'off' }) });

describe('the app proxy\'s customer id', () => {
  it.each(['0', '007', '9007199254740993', '999999999999999999999999999999'])('reads logged_in_customer_id=%s as a visitor and stores nothing', async (raw) => {
    const before = env.app.snapshot();
    const response = await turnOff(raw);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ loggedIn: false, stored: 'browser' });
    expect((await fetch(signed('/proxy/picks', raw, { template: 'index' }))).status).toBe(200);
    expect(env.app.snapshot()).toEqual(before);
  });

  it('still reads a real customer id as that customer', async () => {
    const customerId = [...env.sandbox.store.customers.keys()][0]!;
    const response = await turnOff(String(customerId));
    expect(await response.json()).toMatchObject({ loggedIn: true, personalization: 'off', stored: 'store' });
  });
});
