/**
 * The Content-Security-Policy of each kind of document Tacto serves, as pure functions of the configuration.
 * Scripts come only from files: ours ('self') and App Bridge's; never inline, never eval.
 */
export type Policy = Record<string, string[]>;

export function formatPolicy(policy: Policy): string {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

/**
 * Where App Bridge's script may come from: the folder of APP_BRIDGE_URL (Shopify's
 * https://cdn.shopify.com/shopifycloud/, or the sandbox's /cdn/), not the whole host — cdn.shopify.com also
 * serves files any merchant uploads, which must not count as our scripts.
 */
export function appBridgeSource(appBridgeUrl: string): string {
  const url = new URL(appBridgeUrl);
  return `${url.origin}${url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1)}`;
}

/**
 * The embedded admin (dist/admin/index.html, built by Vite with no inline script). Styles may be inline: the
 * follow-up preview is an e-mail (style attributes are how mail is styled) shown in a srcdoc frame, which inherits
 * this policy; its frame is sandboxed, so nothing in it runs. The persona photo preview is a data: URL.
 */
export function adminDocumentPolicy(options: { appBridgeUrl: string; frameAncestors: string[] }): Policy {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", appBridgeSource(options.appBridgeUrl)],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'frame-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': options.frameAncestors.length > 0 ? options.frameAncestors : ["'none'"],
  };
}

/** /exitiframe: App Bridge and one inline line that leaves the frame, allowed by a nonce made per response. */
export function exitIframePolicy(options: { appBridgeUrl: string; nonce: string; frameAncestors: string[] }): Policy {
  return {
    'default-src': ["'self'"],
    'script-src': [`'nonce-${options.nonce}'`, appBridgeSource(options.appBridgeUrl)],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': options.frameAncestors.length > 0 ? options.frameAncestors : ["'none'"],
  };
}

/** A page for anyone holding a link (the unsubscribe page): its own inline styles and a form posting to itself. */
export const PUBLIC_PAGE_POLICY: Policy = {
  'default-src': ["'none'"],
  'style-src': ["'unsafe-inline'"],
  'form-action': ["'self'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** JSON answers: nothing to load, nothing to frame, should one ever be opened as a page. */
export const API_POLICY: Policy = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};
