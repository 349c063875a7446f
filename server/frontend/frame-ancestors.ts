import type { ShopifyApp } from '../shopify/shopify-app.ts';
import { routedOriginOf } from '../shopify/shop-routing.ts';

/**
 * Who may frame Tacto's admin (the CSP's frame-ancestors): only the shop's own admin and admin.shopify.com. A
 * shop routed to another origin (the sandbox) has its admin there. No valid shop: nobody (an empty list).
 */
export function frameAncestorSources(shopify: ShopifyApp, shopParam: unknown): string[] {
  const shop = shopify.api.utils.sanitizeShop(typeof shopParam === 'string' ? shopParam : '');
  if (!shop) return [];
  return [`https://${shop}`, 'https://admin.shopify.com', routedOriginOf(shop)].filter((source): source is string => Boolean(source));
}
