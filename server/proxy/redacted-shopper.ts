import type { RequestHandler } from 'express';
import type { Storage } from '../db/storage.ts';
import type { ProxyRequestContext } from './verify-signature.ts';

/**
 * After the signature check: a logged-in customer whom customers/redact erased is a visitor to Tacto from then
 * on. Nothing is stored about them again (settings, "not for me", impressions), their choices stay in their
 * browser like any visitor's, and the answers say so (`stored: "browser"`) instead of pretending to keep them.
 */
export function redactedShopperIsVisitor(storage: Storage): RequestHandler {
  return async (_req, res, next) => {
    const context = res.locals.proxy as ProxyRequestContext;
    const { loggedInCustomerId: id } = context;
    if (id !== null && (await storage.privacy.isRedactedCustomer(context.shop, Number(id)))) {
      res.locals.proxy = { ...context, loggedInCustomerId: null } satisfies ProxyRequestContext;
    }
    next();
  };
}
