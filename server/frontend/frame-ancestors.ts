import type { RequestHandler } from 'express';
import type { ShopifyApp } from '../shopify/shopify-app.ts';
import { routedOriginOf } from '../shopify/shop-routing.ts';

/**
 * Content-Security-Policy for the embedded admin: only the shop's own admin (and admin.shopify.com) may
 * frame Tacto. A shop routed to another origin (the sandbox) has its admin there.
 */
export function frameAncestors(shopify: ShopifyApp): RequestHandler {
  return (req, res, next) => {
    const shop = shopify.api.utils.sanitizeShop(String(req.query.shop ?? ''));
    const sources = shop
      ? [`https://${shop}`, 'https://admin.shopify.com', routedOriginOf(shop)].filter(Boolean).join(' ')
      : "'none'";
    res.setHeader('Content-Security-Policy', `frame-ancestors ${sources};`);
    next();
  };
}
