import { appProxyQuery } from '../../sandbox/app-proxy/forward.ts';
import { SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import type { AppAndSandbox } from './sandbox.ts';

/**
 * The app's `/proxy/<path>` as Shopify's app proxy calls it for the installed sandbox shop: the storefront's
 * query plus Shopify's signed parameters (`logged_in_customer_id` when a customer is logged in).
 */
export function signedProxyUrl(env: AppAndSandbox, path: string, customerId: number | null, params: Record<string, string> = {}, now?: Date): URL {
  const query = appProxyQuery({
    original: new URLSearchParams(params),
    shop: env.sandbox.shop.myshopifyDomain,
    customerId: customerId === null ? null : String(customerId),
    pathPrefix: '/apps/tacto',
    secret: SANDBOX_API_SECRET,
    now,
  });
  return new URL(`${path}?${query}`, env.app.url);
}
