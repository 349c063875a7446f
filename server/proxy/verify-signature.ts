import type { RequestHandler } from 'express';
import { HttpError } from '../http/errors.ts';
import type { ShopifyApp } from '../shopify/shopify-app.ts';
import { isValidAppProxySignature } from './app-proxy-signature.ts';

export interface ProxyRequestContext {
  shop: string;
  /** Set by Shopify only when a customer is logged in to the storefront. */
  loggedInCustomerId: string | null;
}

/** The shop and the logged-in customer (null for a visitor) of a request that passed the signature check. */
export function proxyShopper(res: { locals: Record<string, unknown> }): { shop: string; customerId: number | null } {
  const { shop, loggedInCustomerId } = res.locals.proxy as ProxyRequestContext;
  return { shop, customerId: loggedInCustomerId === null ? null : Number(loggedInCustomerId) };
}

/**
 * Shopify's customer id as sent, or null for a visitor. Only a canonical positive id that a JS number holds
 * exactly counts: `0`, `007` or a 30-digit number would otherwise be read as another (or no real) customer and
 * personal rows stored under it (found by the endpoint fuzz suite).
 */
function customerIdOf(value: string | string[] | undefined): string | null {
  if (typeof value !== 'string' || !/^[1-9]\d{0,15}$/.test(value)) return null;
  return Number.isSafeInteger(Number(value)) ? value : null;
}

/**
 * First step of every /proxy request: Shopify's app-proxy signature (hex HMAC over the sorted query, with
 * a 90-second timestamp window; see app-proxy-signature.ts). Missing, wrong or stale: 401, nothing runs.
 */
export function verifyAppProxySignature(shopify: ShopifyApp): RequestHandler {
  const { api } = shopify;
  const secret = api.config.apiSecretKey;
  // The same few shop domains arrive on every request: check each once (bounded, in case of junk).
  const shops = new Map<string, string | null>();
  const sanitized = (value: string) => {
    let shop = shops.get(value);
    if (shop === undefined) {
      shop = api.utils.sanitizeShop(value);
      if (shops.size >= 10_000) shops.clear();
      shops.set(value, shop);
    }
    return shop;
  };
  return (req, res, next) => {
    const query = req.query as Record<string, string | string[] | undefined>;
    const shop = typeof query.shop === 'string' ? sanitized(query.shop) : null;
    if (!shop || !isValidAppProxySignature(query, secret)) {
      return next(new HttpError(401, 'invalid_signature', 'This request did not come signed from the shop\'s app proxy.'));
    }
    const context: ProxyRequestContext = { shop, loggedInCustomerId: customerIdOf(query.logged_in_customer_id) };
    res.locals.proxy = context;
    next();
  };
}
