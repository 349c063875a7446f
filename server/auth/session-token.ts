import type { RequestHandler } from 'express';
import type { Session } from '@shopify/shopify-api';
import { AUTH_PATH, type ShopifyApp } from '../shopify/shopify-app.ts';
import { HttpError } from '../http/errors.ts';

export interface AuthenticatedShop {
  shop: string;
  /** The shop's offline session: the access token Tacto uses for Admin API calls. */
  session: Session;
  /** The staff member the session token was issued to (Shopify's `sub`). */
  userId: string | undefined;
}

/**
 * Guards /api/*: requires a Shopify session token (App Bridge `shopify.idToken()`), verifies it with
 * Shopify's library (HS256 with our secret, audience = our API key, expiry), and loads the shop's offline
 * session. Every failure is a 401 JSON answer; nothing else runs.
 */
export function requireSessionToken(shopify: ShopifyApp): RequestHandler {
  const { api, config } = shopify;
  return async (req, res, next) => {
    const bearer = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (!bearer) {
      return next(new HttpError(401, 'missing_session_token', 'Send a Shopify session token in the Authorization header.'));
    }
    let payload;
    try {
      payload = await api.session.decodeSessionToken(bearer);
    } catch {
      return next(new HttpError(401, 'invalid_session_token', 'The session token is invalid, expired, or for another app.'));
    }
    const shop = api.utils.sanitizeShop(hostOf(payload.dest));
    if (!shop) {
      return next(new HttpError(401, 'invalid_session_token', 'The session token does not name a valid shop.'));
    }
    const session = await config.sessionStorage.loadSession(api.session.getOfflineId(shop));
    if (!session?.accessToken) {
      return next(
        new HttpError(401, 'not_installed', `Tacto is not installed on ${shop}.`, {
          'X-Shopify-API-Request-Failure-Reauthorize': '1',
          'X-Shopify-API-Request-Failure-Reauthorize-Url': `${AUTH_PATH}?shop=${encodeURIComponent(shop)}`,
        }),
      );
    }
    const auth: AuthenticatedShop = { shop, session, userId: typeof payload.sub === 'string' ? payload.sub : undefined };
    res.locals.auth = auth;
    next();
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** The authenticated shop of a request that passed requireSessionToken. */
export function authOf(res: { locals: Record<string, unknown> }): AuthenticatedShop {
  const auth = res.locals.auth as AuthenticatedShop | undefined;
  if (!auth) throw new Error('authOf() used on a route without requireSessionToken');
  return auth;
}
