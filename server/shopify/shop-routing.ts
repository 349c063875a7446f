import { abstractFetch, setAbstractFetchFunc, type AbstractFetchFunc } from '@shopify/shopify-api/runtime';
import type { DomainTransformation } from '@shopify/shopify-api';

/**
 * Shops whose Admin API lives at another origin (the offline sandbox store). Shopify's library builds every
 * shop URL as `https://<shop>/…`; its replaceable fetch is the sanctioned hook to send those requests
 * elsewhere, so OAuth, GraphQL and everything else keep the exact code path they take against Shopify.
 */
const routes = new Map<string, string>();
let routedFetch: AbstractFetchFunc | null = null;

/**
 * Sends the library's requests for these shops to their origins. The library's fetch is one per process, which
 * something else may have replaced since (another app instance's test of the library): it is put back whenever it
 * is not the routing one.
 */
export function routeShopsToOrigins(shopOrigins: Map<string, string>): void {
  for (const [shop, origin] of shopOrigins) routes.set(shop, origin);
  if (routes.size === 0 || (routedFetch !== null && abstractFetch === routedFetch)) return;
  const platformFetch = globalThis.fetch;
  routedFetch = (input, init) => platformFetch(rewrite(input), init);
  setAbstractFetchFunc(routedFetch);
}

function rewrite(input: Parameters<typeof fetch>[0]): Parameters<typeof fetch>[0] {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  const origin = url.protocol === 'https:' ? routes.get(url.host) : undefined;
  if (!origin) return input;
  const target = new URL(origin);
  url.protocol = target.protocol;
  url.host = target.host;
  return typeof input === 'string' || input instanceof URL ? url.toString() : new Request(url, input);
}

/** The routed origin of a shop, when it has one (for frame-ancestors). */
export function routedOriginOf(shop: string): string | undefined {
  return routes.get(shop);
}

/**
 * Lets Shopify's shop-domain validation accept routed shops (e.g. `tacto-demo.sandbox.test`) through the
 * library's `domainTransformations` option; the transformation maps each domain to itself.
 */
export function domainTransformationsFor(shopOrigins: Map<string, string>): DomainTransformation[] {
  const suffixes = new Set([...shopOrigins.keys()].map((shop) => shop.slice(shop.indexOf('.') + 1)));
  return [...suffixes].map((suffix) => {
    const escaped = suffix.replace(/\./g, '\\.');
    return { match: new RegExp(`^([a-zA-Z0-9][a-zA-Z0-9-_]*)\\.${escaped}$`), transform: `$1.${suffix}` };
  });
}
