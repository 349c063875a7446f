import type { RequestHandler } from 'express';
import type { ShopifyApp } from '../shopify/shopify-app.ts';
import { adminDocumentPolicy, formatPolicy, type Policy } from './content-security-policy.ts';
import { frameAncestorSources } from './frame-ancestors.ts';

/**
 * On every response: the declared Content-Type is the only one a browser may use (a JSON answer or an upload
 * is never sniffed into HTML or a script), and links to other sites carry our origin at most, never a path or
 * query (which may name a shop or an id).
 */
export const baselineHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  next();
};

/** Pages whose URL is itself a secret (an unsubscribe token): no Referer at all leaves them. */
export function secretUrlHeaders(policy: Policy): RequestHandler {
  const csp = formatPolicy(policy);
  return (_req, res, next) => {
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', csp);
    next();
  };
}

export function contentSecurityPolicy(policy: Policy): RequestHandler {
  const csp = formatPolicy(policy);
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', csp);
    next();
  };
}

/**
 * The admin document's one Content-Security-Policy (replacing the frame-ancestors-only header Shopify's
 * middleware sets): scripts from us and App Bridge, and framing by the requesting shop's admin only.
 */
export function adminDocumentCsp(shopify: ShopifyApp, appBridgeUrl: string): RequestHandler {
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', formatPolicy(adminDocumentPolicy({ appBridgeUrl, frameAncestors: frameAncestorSources(shopify, req.query.shop) })));
    next();
  };
}
