import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProxyQuery, CUSTOMER_COOKIE } from '../../sandbox/app-proxy/forward.ts';
import { signAppProxyQuery } from '../../sandbox/oauth/signing.ts';
import { startAppWithSandbox, type AppAndSandbox } from '../support/sandbox.ts';

describe('app proxy query (pure)', () => {
  it('adds Shopify\'s parameters, signs them, and drops values a shopper tried to set', () => {
    const original = new URLSearchParams('context=home&logged_in_customer_id=999&shop=evil.myshopify.com');
    const query = appProxyQuery({ original, shop: 'a.sandbox.test', customerId: '42', pathPrefix: '/apps/tacto', secret: 's', now: new Date(1_700_000_000_000) });
    expect(query.getAll('logged_in_customer_id')).toEqual(['42']);
    expect(query.getAll('shop')).toEqual(['a.sandbox.test']);
    expect(query.get('timestamp')).toBe('1700000000');
    const params: Record<string, string> = Object.fromEntries([...query].filter(([key]) => key !== 'signature'));
    expect(query.get('signature')).toBe(signAppProxyQuery(params, 's'));
  });

  it('sends an empty customer id for a visitor, as Shopify does', () => {
    const query = appProxyQuery({ original: new URLSearchParams(), shop: 'a.sandbox.test', customerId: null, pathPrefix: '/apps/tacto', secret: 's' });
    expect(query.get('logged_in_customer_id')).toBe('');
  });
});

describe('the storefront\'s /apps/tacto reaches the app, signed', () => {
  let env: AppAndSandbox;
  beforeAll(async () => {
    env = await startAppWithSandbox();
  });
  afterAll(() => env.close());

  it('for a visitor and for a logged-in customer', async () => {
    const visitor = await fetch(new URL('/apps/tacto/ping', env.sandbox.url));
    expect(visitor.status).toBe(200);
    expect(await visitor.json()).toEqual({ ok: true, shop: env.sandbox.shop.myshopifyDomain });
    const customerId = [...env.sandbox.store.customers.keys()][0]!;
    const customer = await fetch(new URL('/apps/tacto/ping', env.sandbox.url), { headers: { Cookie: `${CUSTOMER_COOKIE}=${customerId}` } });
    expect(customer.status).toBe(200);
  });

  it('while a direct request to the app without Shopify\'s signature is refused', async () => {
    const direct = await fetch(new URL(`/proxy/ping?shop=${env.sandbox.shop.myshopifyDomain}`, env.app.url));
    expect(direct.status).toBe(401);
  });
});
