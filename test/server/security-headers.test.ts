/**
 * Response headers as a browser reads them: the admin document's Content-Security-Policy (scripts only from
 * Tacto and App Bridge, none inline, framing by the shop's admin only), and `nosniff` plus a Referrer-Policy on
 * every answer — pages, JSON, the storefront's app proxy, assets and errors — with no Referer at all from a page
 * whose URL is a secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { unsubscribeToken } from '../../server/followups/mail/unsubscribe-token.ts';
import { derivedSecret } from '../../server/followups/setup.ts';
import { adminDocumentPolicy, appBridgeSource, formatPolicy } from '../../server/frontend/content-security-policy.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env?.close());

const shop = () => env.sandbox.shop.myshopifyDomain;
const at = (path: string) => new URL(path, env.app.url);

/** The policy's directives; a second Content-Security-Policy header would show as a comma (fetch joins them). */
function directives(response: Response): Map<string, string[]> {
  const header = response.headers.get('content-security-policy') ?? '';
  expect(header).not.toContain(',');
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectBaseline(response: Response, referrerPolicy = 'strict-origin-when-cross-origin') {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe(referrerPolicy);
}

describe('the admin document', () => {
  it('carries one policy: scripts from Tacto and App Bridge only, nothing inline, framed by the shop\'s admin only', async () => {
    const response = await fetch(at(`/?shop=${shop()}&embedded=1&host=x`));
    expect(response.status).toBe(200);
    expectBaseline(response);
    const policy = directives(response);
    const appBridge = appBridgeSource(env.app.config.appBridgeUrl);
    expect(appBridge).toBe(new URL('/cdn/', env.sandbox.url).toString());
    expect(policy.get('script-src')).toEqual(["'self'", appBridge]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('frame-ancestors')).toEqual([`https://${shop()}`, 'https://admin.shopify.com', env.sandbox.apiOrigin]);
    for (const [name, sources] of policy) {
      if (name !== 'style-src') expect({ name, sources }).toEqual({ name, sources: sources.filter((s) => !/unsafe/.test(s) && s !== '*' && s !== 'http:' && s !== 'https:') });
    }

    // The document itself complies: every script is a file from one of those places.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const [, attributes, body] of scripts) {
      expect(body!.trim()).toBe('');
      const src = new URL(/\bsrc="([^"]+)"/.exec(attributes!)![1]!, env.app.url).toString();
      expect(src.startsWith(appBridge) || src.startsWith(env.app.url.origin)).toBe(true);
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('uses a fresh nonce for the one inline line of /exitiframe, and frames it in the shop\'s admin only', async () => {
    const redirectUri = at('/api/auth').toString();
    const pages = await Promise.all([1, 2].map(() => fetch(at(`/exitiframe?shop=${shop()}&redirectUri=${encodeURIComponent(redirectUri)}`))));
    const nonces = await Promise.all(
      pages.map(async (page) => {
        expectBaseline(page);
        const policy = directives(page);
        const nonce = /^'nonce-([A-Za-z0-9+/=]{22,})'$/.exec(policy.get('script-src')![0]!)![1]!;
        expect(policy.get('script-src')).toEqual([`'nonce-${nonce}'`, appBridgeSource(env.app.config.appBridgeUrl)]);
        expect(policy.get('frame-ancestors')).toContain(`https://${shop()}`);
        const html = await page.text();
        expect(html).toContain(`<script nonce="${nonce}">`);
        expect([...html.matchAll(/<script\b/g)]).toHaveLength(2);
        return nonce;
      }),
    );
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

describe('the production policy', () => {
  it('admits App Bridge from Shopify\'s own folder of its CDN, not files merchants upload to the same host', () => {
    const policy = formatPolicy(adminDocumentPolicy({ appBridgeUrl: 'https://cdn.shopify.com/shopifycloud/app-bridge.js', frameAncestors: ['https://a.myshopify.com', 'https://admin.shopify.com'] }));
    expect(policy).toBe(
      "default-src 'self'; script-src 'self' https://cdn.shopify.com/shopifycloud/; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        'frame-ancestors https://a.myshopify.com https://admin.shopify.com',
    );
  });
});

describe('every answer', () => {
  it('an admin API answer: nosniff, the app-wide Referrer-Policy, and a policy that loads nothing', async () => {
    const token = await signSessionToken({ shop: shop(), apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1' });
    const response = await fetch(at('/api/shop'), { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expectBaseline(response);
    expect(directives(response)).toEqual(new Map([['default-src', ["'none'"]], ['frame-ancestors', ["'none'"]]]));
  });

  it('an app proxy answer for the storefront', async () => {
    const response = await fetch(signedProxyUrl(env, '/proxy/ping', null));
    expect(response.status).toBe(200);
    expectBaseline(response);
  });

  it('error answers: unknown route, refused session token, forged webhook, bad proxy signature, missing shop', async () => {
    const answers = await Promise.all([
      fetch(at('/no-such-page')),
      fetch(at('/api/shop')),
      fetch(at('/webhooks'), { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', 'X-Shopify-Hmac-Sha256': 'forged' } }),
      fetch(at(`/proxy/ping?shop=${shop()}&signature=forged`)),
      fetch(at('/follow-ups')),
    ]);
    expect(answers.map((r) => r.status)).toEqual([404, 401, 401, 401, 400]);
    for (const response of answers) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expectBaseline(response);
    }
  });

  it('a script asset: served as JavaScript, never sniffed', async () => {
    const html = await (await fetch(at(`/?shop=${shop()}&embedded=1&host=x`))).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const response = await fetch(at(asset));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expectBaseline(response);
  });

  it('the unsubscribe page, whose URL is a secret: no Referer at all, and a policy that runs nothing', async () => {
    const token = unsubscribeToken(derivedSecret(env.app.config.apiSecret, 'unsubscribe'), shop(), 1);
    for (const path of [`/unsubscribe/${token}`, '/unsubscribe/not-a-token']) {
      const response = await fetch(at(path));
      expect([200, 400]).toContain(response.status);
      expectBaseline(response, 'no-referrer');
      const policy = directives(response);
      expect(policy.get('default-src')).toEqual(["'none'"]);
      expect(policy.get('form-action')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.has('script-src')).toBe(false);
    }
  });
});
