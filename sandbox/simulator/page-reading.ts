/**
 * Pure: what a simulated shopper reads off the sandbox's pages — the links a person follows, the data attributes
 * tacto.js reads, the order number on the confirmation page. Regular expressions over the theme's own markup
 * (sandbox/storefront/theme, extensions/tacto/blocks): a change there that breaks them fails the simulator's tests.
 */

/** The featured products' links on the home page, in page order. */
export function productLinks(html: string): string[] {
  return [...new Set([...html.matchAll(/<a href="(\/products\/[^"?#]+)/g)].map((m) => m[1]!))];
}

/** Product handle from a `/products/<handle>` link (a pick's `url`); null for any other link (a guide). */
export function handleOfUrl(url: string): string | null {
  const match = /^\/products\/([^/?#]+)/.exec(url);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** A "Tacto picks" block as tacto.js sees it: the section's data attributes. */
export interface PicksBlock {
  template: string;
  productId: string | null;
  cart: string | null;
  limit: number;
  guides: boolean;
  locale: string;
  proxyPath: string;
  layout: 'grid' | 'row';
  quickAdd: boolean;
  currency: string | null;
}

/** The page's picks block, or null when the page has none (the theme has no block there, or `?tacto=off`). */
export function picksBlock(html: string): PicksBlock | null {
  const tag = /<section\b[^>]*\bdata-tacto-picks\b[^>]*>/.exec(html)?.[0];
  if (!tag) return null;
  const attr = (name: string) => {
    const match = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
    return match ? decodeEntities(match[1]!) : null;
  };
  const quickAdd = attr('data-quick-add');
  return {
    template: attr('data-template') ?? '',
    productId: attr('data-product-id'),
    cart: attr('data-cart'),
    limit: Number(attr('data-limit') ?? 4) || 4,
    guides: attr('data-guides') === 'true',
    locale: attr('data-locale') ?? '',
    proxyPath: attr('data-proxy-path') ?? '/apps/tacto',
    layout: /\btacto-picks--row\b/.test(tag) ? 'row' : 'grid',
    // A block that does not say offers the quick add (the setting's default).
    quickAdd: quickAdd === null ? true : quickAdd === 'true',
    currency: attr('data-currency'),
  };
}

/** The customer ids the storefront's "browse as" page offers. */
export function loginCustomerIds(html: string): number[] {
  return [...html.matchAll(/name="customer_id" value="(\d+)"/g)].map((m) => Number(m[1]));
}

/** The order's name (`#1042`) on the checkout's confirmation page. */
export function confirmedOrderName(html: string): string | null {
  return /<caption class="visually-hidden">(#\d+)<\/caption>/.exec(html)?.[1] ?? null;
}

/** The order's id on the sandbox admin's Orders page, from the action of the button named after the order. */
export function adminOrderId(html: string, name: string, action: 'fulfill' | 'refund' | 'cancel'): number | null {
  const label = { fulfill: 'Fulfill', refund: 'Refund', cancel: 'Cancel' }[action];
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`action="/admin/orders/(\\d+)/${action}"><button aria-label="${label} ${escaped}"`).exec(html);
  return match ? Number(match[1]) : null;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|quot|#39|lt|gt);/g, (_, name: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[name] ?? '');
}
