import { readFileSync } from 'node:fs';
import { Router } from 'express';
import type { AppRegistration } from '../app-registration.ts';
import type { Installations } from '../oauth/installations.ts';
import { adminHostParam } from '../oauth/routes.ts';
import { signAdminQuery, signSessionToken } from '../oauth/signing.ts';
import type { SandboxShop } from '../store/types.ts';
import type { WebhookDeliverer } from '../webhooks/deliver.ts';
import { appUninstalledPayload } from '../webhooks/shop-payloads.ts';
import type { SandboxStore } from '../store/store.ts';
import { catalogRoutes } from './catalog-page.ts';
import { adminPage, escapeHtml } from './html.ts';
import { orderRoutes } from './orders-page.ts';
import { RESOURCE_PICKER_SCRIPT, RESOURCE_PICKER_STYLE, resourcePickerRoutes } from './resource-picker.ts';
import { SIMULATOR_PATH, simulatorRoutes } from './simulator-page.ts';
import { THEME_EDITOR_PATH, themeEditorRoutes } from './theme-editor-page.ts';

export const ADMIN_APP_PATH = '/admin/apps/tacto';
/** The staff member's language, as the sandbox admin's switch set it: Shopify passes it to the app on each load. */
export const ADMIN_LOCALE_COOKIE = 'sandbox_admin_locale';
/** A language tag as Shopify admin writes one (`es`, `pt-BR`, `es-419`); anything else is ignored. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$/;

/** The `locale` query parameter when it is a language tag, else null. */
function localeQuery(value: unknown): string | null {
  return typeof value === 'string' && LANGUAGE_TAG.test(value) ? value : null;
}

/** The staff member's chosen language from the sandbox admin's cookie, if any. */
function localeCookie(header: string | undefined): string | null {
  const match = new RegExp(`(?:^|;\\s*)${ADMIN_LOCALE_COOKIE}=([^;]*)`).exec(header ?? '');
  return match ? localeQuery(decodeURIComponent(match[1]!)) : null;
}
const SHIM_SOURCE = readFileSync(new URL('./app-bridge-shim.js', import.meta.url), 'utf8');
/** The one staff member of the sandbox shop; session tokens name them as `sub`. */
const STAFF_USER_ID = '1001';

export interface AdminRouteDeps {
  shop: SandboxShop;
  store: SandboxStore;
  app: AppRegistration;
  installations: Installations;
  webhooks: WebhookDeliverer;
  publicUrl: URL;
  install(): Promise<void>;
}

/**
 * The sandbox admin: where a person opens the embedded app, as in Shopify admin. It frames the app with
 * Shopify's signed launch parameters and hands the App Bridge shim session tokens signed like Shopify's.
 */
export function adminRoutes(deps: AdminRouteDeps): Router {
  const { shop, app, installations, webhooks, publicUrl } = deps;
  const router = Router();
  const sidebar = (current: string) =>
    [
      ['/admin', 'Home'],
      [ADMIN_APP_PATH, 'Tacto'],
      ['/admin/orders', 'Orders'],
      ['/admin/catalog', 'Catalog'],
      [THEME_EDITOR_PATH, 'Online store theme'],
      [SIMULATOR_PATH, 'Play traffic'],
      ['/admin/webhooks', 'Webhook deliveries'],
      ['/', 'Online store (preview)'],
      ['/mail', 'Mail sink'],
    ]
      .map(
        ([href, label]) =>
          `<a href="${href}"${href === current ? ' aria-current="page"' : ''}>${label}</a>` +
          // The app's own menu (from its <ui-nav-menu>) sits under its entry, as in Shopify admin.
          (href === ADMIN_APP_PATH && current === ADMIN_APP_PATH ? '<div class="app-links" id="app-nav"></div>' : ''),
      )
      .join('');

  // The language switch (adminPage's header) reloads a page with ?locale=: the choice is remembered for the rest of
  // the sandbox session, as Shopify admin remembers a staff member's language, so the sidebar keeps it.
  router.use((req, res, next) => {
    const chosen = localeQuery(req.query.locale);
    if (chosen && req.path.startsWith('/admin')) res.cookie(ADMIN_LOCALE_COOKIE, chosen, { path: '/admin', sameSite: 'lax' });
    next();
  });

  router.use(orderRoutes({ store: deps.store, page: (title, body) => adminPage({ title, shopName: shop.name, sidebar: sidebar('/admin/orders'), body }) }));
  router.use(
    simulatorRoutes({
      storefrontUrl: publicUrl,
      page: (title, body, head) => adminPage({ title, shopName: shop.name, sidebar: sidebar(SIMULATOR_PATH), body, head }),
    }),
  );
  router.use(
    themeEditorRoutes({ store: deps.store, app, appPath: ADMIN_APP_PATH, page: (title, body) => adminPage({ title, shopName: shop.name, sidebar: sidebar(THEME_EDITOR_PATH), body }) }),
  );
  router.use(resourcePickerRoutes({ store: deps.store, adminOrigin: publicUrl.origin }));
  router.use(catalogRoutes({ store: deps.store, page: (title, body) => adminPage({ title, shopName: shop.name, sidebar: sidebar('/admin/catalog'), body }) }));

  router.get('/cdn/app-bridge.js', (_req, res) => {
    res
      .type('application/javascript')
      .set('Cache-Control', 'no-store')
      .send(SHIM_SOURCE.replace('__ADMIN_ORIGIN__', publicUrl.origin).replace('__ADMIN_APP_PATH__', ADMIN_APP_PATH));
  });

  router.get('/admin', (_req, res) => {
    const installed = installations.installation;
    const body = `<main class="padded"><h1>Home</h1><div class="card"><h2>Tacto</h2>
      <p>${installed ? `Installed ${escapeHtml(installed.installedAt)} with scopes <code>${escapeHtml(installed.scopes.join(', '))}</code>.` : 'Not installed.'}</p>
      ${installActions(Boolean(installed))}</div></main>`;
    res.type('html').send(adminPage({ title: 'Home', shopName: shop.name, sidebar: sidebar('/admin'), body }));
  });

  router.get(`${ADMIN_APP_PATH}{/*path}`, (req, res) => {
    if (!installations.installation) {
      const body = `<main class="padded"><h1>Tacto</h1><div class="card"><p>Tacto is not installed on this shop.</p>${installActions(false)}</div></main>`;
      res.type('html').send(adminPage({ title: 'Tacto', shopName: shop.name, sidebar: sidebar(ADMIN_APP_PATH), body }));
      return;
    }
    const path = req.path.slice(ADMIN_APP_PATH.length) || '/';
    const launch = new URL(path, app.appUrl);
    const params: Record<string, string> = {
      embedded: '1',
      host: adminHostParam(shop),
      locale: localeQuery(req.query.locale) ?? localeCookie(req.get('cookie')) ?? shop.primaryLocale,
      shop: shop.myshopifyDomain,
      timestamp: String(Math.floor(Date.now() / 1000)),
    };
    params.hmac = signAdminQuery(params, app.apiSecret);
    launch.search = new URLSearchParams(params).toString();
    const body = `<main><iframe title="Tacto" name="app-iframe" src="${escapeHtml(launch.toString())}"></iframe></main>`;
    res.type('html').send(
      adminPage({
        title: 'Tacto',
        shopName: shop.name,
        sidebar: sidebar(ADMIN_APP_PATH),
        body,
        script: frameScript(app.appUrl.origin),
        head: `<style>${RESOURCE_PICKER_STYLE}</style>`,
      }),
    );
  });

  // Only the admin page itself (same origin) may ask for a token, as only Shopify admin can mint one.
  router.post('/admin/api/session-token', async (req, res) => {
    if (req.get('sec-fetch-site') !== 'same-origin' && req.get('origin') !== publicUrl.origin) {
      res.status(403).json({ error: 'forbidden', message: 'Session tokens are handed out to the sandbox admin page only.' });
      return;
    }
    if (!installations.installation) {
      res.status(409).json({ error: 'not_installed', message: 'Install Tacto first.' });
      return;
    }
    const token = await signSessionToken({ shop: shop.myshopifyDomain, apiKey: app.apiKey, apiSecret: app.apiSecret, userId: STAFF_USER_ID });
    res.json({ token });
  });

  router.post(`${ADMIN_APP_PATH}/install`, async (_req, res) => {
    await deps.install();
    res.redirect(303, ADMIN_APP_PATH);
  });

  router.post(`${ADMIN_APP_PATH}/uninstall`, (_req, res) => {
    installations.uninstall();
    webhooks.send('app/uninstalled', appUninstalledPayload(shop));
    res.redirect(303, '/admin');
  });

  router.get('/admin/webhooks', (_req, res) => {
    const rows = [...webhooks.log]
      .reverse()
      .map(
        (d) =>
          `<tr><td>${escapeHtml(d.attempts[0]?.at ?? '')}</td><td>${escapeHtml(d.topic)}</td><td>${escapeHtml(d.state)}</td><td>${d.attempts
            .map((a) => a.status ?? 'error')
            .join(', ')}</td></tr>`,
      )
      .join('');
    const body = `<main class="padded"><h1>Webhook deliveries</h1><div class="card"><table><caption class="visually-hidden">Most recent first</caption>
      <thead><tr><th scope="col">First attempt</th><th scope="col">Topic</th><th scope="col">State</th><th scope="col">HTTP statuses</th></tr></thead>
      <tbody>${rows || '<tr><td colspan="4">No deliveries yet.</td></tr>'}</tbody></table></div></main>`;
    res.type('html').send(adminPage({ title: 'Webhook deliveries', shopName: shop.name, sidebar: sidebar('/admin/webhooks'), body }));
  });

  return router;
}

function installActions(installed: boolean): string {
  return installed
    ? `<p><a href="${ADMIN_APP_PATH}">Open Tacto</a></p><form method="post" action="${ADMIN_APP_PATH}/uninstall"><button>Uninstall Tacto</button></form>`
    : `<form method="post" action="${ADMIN_APP_PATH}/install"><button>Install Tacto</button></form>`;
}

/** Runs in the admin page: answers the shim's messages (tokens, navigation menu, toasts, resource picker). */
function frameScript(appOrigin: string): string {
  return `(() => {
  const APP_ORIGIN = ${JSON.stringify(appOrigin)};
  const frame = document.querySelector('iframe[name="app-iframe"]');
  const reply = (message) => frame.contentWindow.postMessage({ source: 'sandbox-admin', ...message }, APP_ORIGIN);
  ${RESOURCE_PICKER_SCRIPT}
  window.addEventListener('message', async (event) => {
    if (event.origin !== APP_ORIGIN || !event.data || event.data.source !== 'sandbox-app-bridge') return;
    const { type, id, data } = event.data;
    if (type === 'id-token') {
      try {
        const response = await fetch('/admin/api/session-token', { method: 'POST' });
        const body = await response.json();
        reply(response.ok ? { type: 'response', id, result: body.token } : { type: 'response', id, error: body.message });
      } catch (error) { reply({ type: 'response', id, error: String(error) }); }
    }
    if (type === 'nav-menu') {
      const nav = document.getElementById('app-nav');
      nav.replaceChildren(...data.filter((item) => !item.home).map((item) => {
        const a = document.createElement('a');
        a.href = ${JSON.stringify(ADMIN_APP_PATH)} + item.href;
        a.textContent = item.label;
        a.addEventListener('click', (e) => { e.preventDefault(); history.pushState(null, '', a.href); reply({ type: 'navigate', href: item.href }); });
        return a;
      }));
    }
    // App Bridge opens \`shopify://admin/<path>\` links (theme editor deep links…) in the admin itself.
    if (type === 'admin-navigate' && typeof data.path === 'string' && data.path.startsWith('/') && !data.path.startsWith('//')) {
      location.assign('/admin' + data.path);
    }
    if (type === 'resource-picker') {
      if (document.querySelector('dialog.picker')) { reply({ type: 'response', id, error: 'A resource picker is already open.' }); return; }
      openResourcePicker(data, (result) => { reply({ type: 'response', id, result }); frame.focus(); });
    }
    if (type === 'toast') {
      const toast = document.getElementById('toast');
      toast.textContent = data.message; toast.hidden = false;
      setTimeout(() => { toast.hidden = true; }, 4000);
    }
  });
})();`;
}
