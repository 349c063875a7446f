import type { RequestHandler } from 'express';
import { HttpError } from '../http/errors.ts';
import type { ShopifyApp } from '../shopify/shopify-app.ts';

export interface ProxyRequestContext {
  shop: string;
  /** Set by Shopify only when a customer is logged in to the storefront. */
  loggedInCustomerId: string | null;
}

/**
 * First step of every /proxy request: Shopify's app-proxy signature (hex HMAC over the sorted query, with
 * a 90-second timestamp window) checked by Shopify's library. Missing, wrong or stale: 401, nothing runs.
 */
export function verifyAppProxySignature(shopify: ShopifyApp): RequestHandler {
  const { api } = shopify;
  return async (req, res, next) => {
    const query = req.query as Record<string, string | string[]>;
    let valid = false;
    try {
      // Repeated parameters arrive as arrays; the library joins them with "," as Shopify does when signing,
      // although its type only admits strings.
      const signed = query as unknown as Record<string, string>;
      valid = typeof query.signature === 'string' && (await api.utils.validateHmac(signed, { signator: 'appProxy' }));
    } catch {
      valid = false; // the library throws for a missing signature or a timestamp outside the window
    }
    const shop = typeof query.shop === 'string' ? api.utils.sanitizeShop(query.shop) : null;
    if (!valid || !shop) {
      return next(new HttpError(401, 'invalid_signature', 'This request did not come signed from the shop\'s app proxy.'));
    }
    const customer = query.logged_in_customer_id;
    const context: ProxyRequestContext = {
      shop,
      loggedInCustomerId: typeof customer === 'string' && /^\d+$/.test(customer) ? customer : null,
    };
    res.locals.proxy = context;
    next();
  };
}
