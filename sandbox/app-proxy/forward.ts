import express, { Router } from 'express';
import type { AppRegistration } from '../app-registration.ts';
import { signAppProxyQuery } from '../oauth/signing.ts';
import { parseCookies } from '../storefront/cookies.ts';

/** The storefront's login cookie (set by the storefront preview's "browse as" page). */
export const CUSTOMER_COOKIE = 'sandbox_customer_id';

/** Pure: the signed query Shopify appends when it forwards a storefront request to the app proxy. */
export function appProxyQuery(input: {
  original: URLSearchParams;
  shop: string;
  customerId: string | null;
  pathPrefix: string;
  secret: string;
  now?: Date;
}): URLSearchParams {
  const params: Record<string, string[]> = {};
  for (const [key, value] of input.original) {
    // Shopify owns these names: a shopper cannot smuggle their own values in.
    if (['shop', 'logged_in_customer_id', 'path_prefix', 'timestamp', 'signature'].includes(key)) continue;
    (params[key] ??= []).push(value);
  }
  params.shop = [input.shop];
  params.logged_in_customer_id = [input.customerId ?? ''];
  params.path_prefix = [input.pathPrefix];
  params.timestamp = [String(Math.floor((input.now ?? new Date()).getTime() / 1000))];
  const signature = signAppProxyQuery(params, input.secret);
  const query = new URLSearchParams();
  for (const [key, values] of Object.entries(params)) for (const value of values) query.append(key, value);
  query.append('signature', signature);
  return query;
}

/**
 * `/<prefix>/<subpath>/*` on the storefront, forwarded to the app's proxy URL with Shopify's signed
 * parameters. Like Shopify, it drops the shopper's cookies on the way in and Set-Cookie on the way out.
 */
export function appProxyRoutes(deps: { app: AppRegistration; shopDomain: string }): Router {
  const { app, shopDomain } = deps;
  const pathPrefix = `/${app.appProxy.prefix}/${app.appProxy.subpath}`;
  const router = Router();
  router.all(`${pathPrefix}{/*rest}`, express.raw({ type: () => true, limit: '256kb' }), async (req, res) => {
    const rest = req.path.slice(pathPrefix.length);
    const target = new URL(app.appProxy.url.pathname.replace(/\/$/, '') + rest, app.appProxy.url);
    const original = new URL(req.originalUrl, 'http://storefront').searchParams;
    const customerId = parseCookies(req.get('cookie'))[CUSTOMER_COOKIE] ?? null;
    target.search = appProxyQuery({ original, shop: shopDomain, customerId, pathPrefix, secret: app.apiSecret }).toString();
    const hasBody = !['GET', 'HEAD'].includes(req.method) && Buffer.isBuffer(req.body);
    try {
      const upstream = await fetch(target, {
        method: req.method,
        headers: {
          'Content-Type': req.get('content-type') ?? 'application/octet-stream',
          Accept: req.get('accept') ?? '*/*',
          'Accept-Language': req.get('accept-language') ?? '',
          'X-Forwarded-For': req.ip ?? '',
        },
        body: hasBody ? req.body : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      res.status(upstream.status);
      for (const name of ['content-type', 'cache-control', 'location', 'vary']) {
        const value = upstream.headers.get(name);
        if (value) res.setHeader(name, value);
      }
      res.send(Buffer.from(await upstream.arrayBuffer()));
    } catch {
      res.status(502).json({ error: 'app_proxy_unreachable', message: 'The app did not answer the proxied request.' });
    }
  });
  return router;
}
