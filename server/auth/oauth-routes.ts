import { Router } from 'express';
import { BotActivityDetected, CookieNotFound, HttpResponseError, InvalidHmacError, InvalidOAuthError, InvalidShopError } from '@shopify/shopify-api';
import type { Storage } from '../db/storage.ts';
import type { Logger } from '../logger.ts';
import { HttpError } from '../http/errors.ts';
import { AUTH_CALLBACK_PATH, AUTH_PATH, type ShopifyApp } from '../shopify/shopify-app.ts';

export interface InstallListener {
  (shop: string): void | Promise<void>;
}

/**
 * Shopify's authorization-code grant: `/api/auth` starts it, `/api/auth/callback` finishes it. Shopify's
 * library signs the state cookie, checks the callback's HMAC, state and shop, and exchanges the code;
 * we map its errors to 4xx answers and store nothing unless every check passed.
 */
export function oauthRoutes(deps: { shopify: ShopifyApp; storage: Storage; logger: Logger; onInstalled?: InstallListener[] }): Router {
  const { shopify, storage, logger } = deps;
  const { api } = shopify;
  const router = Router();

  router.get(AUTH_PATH, async (req, res) => {
    const shop = api.utils.sanitizeShop(String(req.query.shop ?? ''));
    if (!shop) throw new HttpError(400, 'invalid_shop', 'The shop parameter must be a shop domain such as my-store.myshopify.com.');
    await api.auth.begin({ shop, callbackPath: AUTH_CALLBACK_PATH, isOnline: false, rawRequest: req, rawResponse: res });
  });

  router.get(AUTH_CALLBACK_PATH, async (req, res) => {
    const shop = api.utils.sanitizeShop(String(req.query.shop ?? ''));
    if (!shop) throw new HttpError(400, 'invalid_shop', 'The callback does not name a valid shop.');
    let session;
    try {
      ({ session } = await api.auth.callback({ rawRequest: req, rawResponse: res }));
    } catch (error) {
      throw callbackError(error);
    }
    await storage.sessions.storeSession(session);
    await storage.shops.recordInstall(session.shop, (session.scope ?? '').split(',').filter(Boolean), new Date());
    logger.info({ shop: session.shop, scopes: session.scope }, 'installed');
    for (const listener of deps.onInstalled ?? []) await listener(session.shop);
    const host = api.utils.sanitizeHost(String(req.query.host ?? ''));
    const target = host
      ? await api.auth.getEmbeddedAppUrl({ rawRequest: req, rawResponse: res })
      : `/?shop=${encodeURIComponent(session.shop)}`;
    res.redirect(target);
  });

  return router;
}

function callbackError(error: unknown): Error {
  if (error instanceof InvalidOAuthError || error instanceof InvalidHmacError || error instanceof InvalidShopError) {
    return new HttpError(400, 'invalid_oauth_callback', 'The OAuth callback failed verification (HMAC, state or shop).');
  }
  if (error instanceof CookieNotFound) {
    return new HttpError(403, 'unknown_oauth_state', 'This OAuth callback does not match an authorization this browser started.');
  }
  if (error instanceof BotActivityDetected) {
    return new HttpError(410, 'bot_detected', 'OAuth callbacks from bots are refused.');
  }
  // Shopify refused to exchange the code: a callback opened twice (reload, back button) or too late, or a code
  // that was never issued. The merchant starts again; it is not our failure (throttling and Shopify's own 5xx are).
  const refused = error instanceof HttpResponseError ? error.response.code : 0;
  if (refused >= 400 && refused < 500 && refused !== 429) {
    return new HttpError(400, 'oauth_code_refused', 'Shopify did not accept this authorization (it was already used or has expired). Open Tacto from your Shopify admin again.');
  }
  return error instanceof Error ? error : new Error(String(error));
}
