// The sandbox's stand-in for Shopify's App Bridge script (cdn.shopify.com is unreachable offline). It offers
// the subset Tacto uses, with App Bridge's names: `shopify.idToken()`, `shopify.config`, `shopify.toast`,
// `shopify.resourcePicker()` (drawn by the admin page, above the app, as Shopify admin does), the `<ui-nav-menu>`
// element and `shopify://admin/…` links. Session tokens come from the sandbox admin that frames the app, signed
// exactly like Shopify's, so the app's /api authentication runs the same code as in production.
(() => {
  const ADMIN_ORIGIN = '__ADMIN_ORIGIN__';
  const ADMIN_APP_PATH = '__ADMIN_APP_PATH__';
  if (window.top === window) {
    // App Bridge sends an app opened outside the admin back into the admin.
    location.replace(ADMIN_ORIGIN + ADMIN_APP_PATH + location.pathname);
    return;
  }
  const params = new URLSearchParams(location.search);
  const meta = document.querySelector('meta[name="shopify-api-key"]');
  const pending = new Map();
  let sequence = 0;
  const post = (message) => window.parent.postMessage({ source: 'sandbox-app-bridge', ...message }, ADMIN_ORIGIN);
  // A picker waits for a person, so it has no time limit; everything else is answered at once or has failed.
  const request = (type, data, timeoutMs = 10000) =>
    new Promise((resolve, reject) => {
      const id = ++sequence;
      pending.set(id, { resolve, reject });
      post({ type, id, data });
      if (timeoutMs) setTimeout(() => pending.has(id) && (pending.delete(id), reject(new Error(type + ' timed out'))), timeoutMs);
    });
  // App Bridge's resource picker takes products, variants or collections; the sandbox lists products and collections.
  const resourcePicker = (options) => {
    const type = options && options.type;
    if (type !== 'product' && type !== 'collection') return Promise.reject(new Error('The sandbox resource picker lists products and collections, not ' + type));
    const plain = JSON.parse(JSON.stringify({ type, action: options.action, multiple: options.multiple, query: options.query, selectionIds: options.selectionIds }));
    return request('resource-picker', plain, 0);
  };

  window.addEventListener('message', (event) => {
    if (event.origin !== ADMIN_ORIGIN || !event.data || event.data.source !== 'sandbox-admin') return;
    const { type, id, result, error, href } = event.data;
    if (type === 'response' && pending.has(id)) {
      const waiter = pending.get(id);
      pending.delete(id);
      error ? waiter.reject(new Error(error)) : waiter.resolve(result);
    }
    if (type === 'navigate' && typeof href === 'string') {
      const link = [...document.querySelectorAll('ui-nav-menu a')].find((a) => a.getAttribute('href') === href);
      (link || document).dispatchEvent(new CustomEvent('shopify:navigate', { bubbles: true, detail: { href } }));
    }
  });

  // Links to Shopify admin pages (`shopify://admin/…` or `shopify:admin/…`) leave the app for the admin's own page,
  // in the top frame, as App Bridge's Navigation API does.
  const ADMIN_LINK = /^shopify:(?:\/\/)?admin(\/[^#]*)?$/;
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    const match = link && ADMIN_LINK.exec(link.getAttribute('href'));
    if (!match) return;
    event.preventDefault();
    post({ type: 'admin-navigate', data: { path: match[1] || '/' } });
  });

  window.shopify = {
    config: { apiKey: meta && meta.content, shop: params.get('shop'), host: params.get('host'), locale: params.get('locale') || 'en' },
    origin: ADMIN_ORIGIN,
    idToken: () => request('id-token'),
    resourcePicker,
    toast: { show: (message, options) => post({ type: 'toast', data: { message: String(message), isError: !!(options && options.isError) } }) },
  };

  class NavMenu extends HTMLElement {
    connectedCallback() {
      this.style.display = 'none';
      const publish = () =>
        post({
          type: 'nav-menu',
          data: [...this.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), label: a.textContent.trim(), home: a.rel === 'home' })),
        });
      publish();
      new MutationObserver(publish).observe(this, { childList: true, subtree: true, characterData: true });
    }
  }
  if (!customElements.get('ui-nav-menu')) customElements.define('ui-nav-menu', NavMenu);
})();
