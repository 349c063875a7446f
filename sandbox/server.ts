import type { Server } from 'node:http';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import express from 'express';
import { createAdminApiRouter, type AdminApiOutage, type ObservedQuery } from './admin-api/index.ts';
import { adminRoutes } from './admin/routes.ts';
import { appProxyRoutes } from './app-proxy/forward.ts';
import { registrationFromToml, type AppRegistration } from './app-registration.ts';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET, SANDBOX_SHOP_DOMAIN } from './credentials.ts';
import { mailSinkRouter } from './mail/mail-router.ts';
import { startSmtpSink, type SmtpSink } from './mail/smtp-sink.ts';
import { Installations } from './oauth/installations.ts';
import { installThroughOAuth } from './oauth/installer.ts';
import { oauthProviderRoutes } from './oauth/routes.ts';
import { seedDemoStore } from './seed/demo-catalog.ts';
import { loadOnlineRetail } from './seed/online-retail.ts';
import { imageRoutes } from './seed/image-routes.ts';
import { createStorefrontRouter } from './storefront/index.ts';
import { SandboxStore } from './store/store.ts';
import type { SandboxShop } from './store/types.ts';
import { WebhookDeliverer } from './webhooks/deliver.ts';
import { payloadForChange } from './webhooks/payloads.ts';
import { bulkOperationsFinishPayload } from './webhooks/shop-payloads.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '..');

export interface SandboxOptions {
  /** Where the app runs; OAuth redirects, webhooks and the app proxy go there. */
  appUrl: URL;
  apiKey?: string;
  apiSecret?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Keeps the installation across restarts; null keeps everything in memory. */
  dataDir?: string | null;
  /** `online-retail` loads ../shared/data/online-retail.csv.gz (541,909 lines, a few seconds). */
  seed?: 'demo' | 'online-retail' | 'empty';
  shop?: Partial<SandboxShop>;
  webhookRetryDelaysMs?: number[];
  /** SMTP sink port; null runs none, 0 picks a free port. */
  smtpPort?: number | null;
  tomlPath?: string;
  /** Slows bulk operations down (root nodes per chunk, pause between chunks), to watch progress. */
  bulkPacing?: { chunkSize: number; pauseMs: number };
  /** The Admin API's cost bucket (tests shrink it to exercise throttling). */
  throttle?: { maximumAvailable: number; restoreRate: number };
  /**
   * The live theme: `demo` (default) has the notice embed on and the picks block on home, product and cart;
   * `bare` is a theme as a fresh install finds it, with nothing of Tacto's added.
   */
  theme?: 'demo' | 'bare';
  /** Sees every Admin GraphQL query the app sends (tests counting what the app reads). */
  onQuery?: (query: ObservedQuery) => void;
}

export interface Sandbox {
  /** The sandbox's browser-facing URL (admin, storefront, mail). */
  url: URL;
  /** Where the app should send the shop's Admin API calls (and where the shop's admin frames it from). */
  apiOrigin: string;
  shop: SandboxShop;
  store: SandboxStore;
  app: AppRegistration;
  installations: Installations;
  webhooks: WebhookDeliverer;
  smtp: SmtpSink | null;
  adminApi: {
    /**
     * Takes the Admin GraphQL API down (`'unreachable'`: connections closed unanswered; `'throttled'`; or an HTTP
     * status such as 503) until called again with null. Webhooks, OAuth and the storefront keep working.
     */
    outage(mode: AdminApiOutage | null): void;
  };
  /**
   * Points OAuth, webhooks, the app proxy and the embedded admin at the app's new URL, as editing the app URL in
   * the Partner Dashboard does: for an app that only learns its port once it listens (tests run it on port 0).
   */
  setAppUrl(appUrl: URL): void;
  /** Installs the app through the real OAuth flow. */
  install(): Promise<void>;
  close(): Promise<void>;
}

/**
 * An offline Shopify store on its own port: OAuth, Admin GraphQL, signed webhooks, app proxy, storefront
 * preview, sandbox admin and an SMTP sink. The app reaches it exactly as it reaches a real shop.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const shop: SandboxShop = {
    name: 'Tacto Demo Store',
    myshopifyDomain: SANDBOX_SHOP_DOMAIN,
    email: 'owner@tacto-demo.example',
    currencyCode: 'EUR',
    ianaTimezone: 'Europe/Madrid',
    primaryLocale: 'en',
    grantsReadAllOrders: true,
    ...options.shop,
  };
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tacto-sandbox-'));
  mkdirSync(dataDir, { recursive: true });
  const registration = (appUrl: URL) =>
    registrationFromToml({
      tomlPath: options.tomlPath ?? join(PROJECT_ROOT, 'shopify.app.toml'),
      apiKey: options.apiKey ?? SANDBOX_API_KEY,
      apiSecret: options.apiSecret ?? SANDBOX_API_SECRET,
      appUrl,
    });
  // One object for the sandbox's lifetime: every route and the webhook deliverer read it when they need it, so
  // setAppUrl() only has to change it in place.
  const app = registration(options.appUrl);
  const installations = new Installations(options.dataDir ? join(dataDir, 'installation.json') : null);
  const store = new SandboxStore(shop);
  const webhooks = new WebhookDeliverer({
    app,
    shopDomain: shop.myshopifyDomain,
    retryDelaysMs: options.webhookRetryDelaysMs,
    isInstalled: () => installations.installation !== null,
  });
  store.onChange((change) => {
    // Building payloads costs time at scale (the Online Retail load); nobody listens before install.
    if (!installations.installation) return;
    for (const { topic, payload } of payloadForChange(change, shop, store)) webhooks.send(topic, payload);
  });
  if (options.theme === 'bare') store.theme.reset('bare');
  const seed = options.seed ?? 'demo';
  if (seed === 'demo') seedDemoStore(store);
  if (seed === 'online-retail') await loadOnlineRetail(store);

  const smtp = options.smtpPort === null ? null : await startSmtpSink({ port: options.smtpPort ?? 2525 });
  const http = express();
  http.disable('x-powered-by');
  const server = await new Promise<Server>((done, fail) => {
    const listening = http.listen(options.port ?? 3457, '127.0.0.1', (error?: Error) => (error ? fail(error) : done(listening)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = new URL(`http://localhost:${port}`);
  shop.storefrontUrl ??= url.origin;
  // One origin for browsers and the app alike: the sandbox admin that frames the app must be the origin the
  // app's frame-ancestors names for this shop.
  const apiOrigin = url.origin;
  const install = () => installThroughOAuth({ appUrl: app.appUrl, shopDomain: shop.myshopifyDomain, sandboxUrl: new URL(apiOrigin) });

  http.use(oauthProviderRoutes({ shop, app, installations }));
  const adminApi = createAdminApiRouter({
    store,
    publicUrl: apiOrigin,
    bulkResultsDir: join(dataDir, 'bulk'),
    authenticate: (token) => installations.authenticate(token),
    // API 2026-01 onwards runs up to five bulk queries per shop at once.
    bulk: { maxConcurrentQueries: 5, ...options.bulkPacing },
    throttle: options.throttle,
    onQuery: options.onQuery,
    onBulkOperationFinish: (operation) => webhooks.send('bulk_operations/finish', bulkOperationsFinishPayload(operation, shop)),
  });
  http.use(adminApi);
  http.use(adminRoutes({ shop, store, app, installations, webhooks, publicUrl: url, install }));
  http.use(appProxyRoutes({ app, shopDomain: shop.myshopifyDomain }));
  if (smtp) http.use(mailSinkRouter(smtp));
  http.use(imageRoutes(store));
  http.use(createStorefrontRouter({ store, extensionDir: join(PROJECT_ROOT, 'extensions/tacto') }));

  return {
    url,
    apiOrigin,
    shop,
    store,
    app,
    installations,
    webhooks,
    smtp,
    adminApi: { outage: (mode) => adminApi.outage.set(mode) },
    setAppUrl: (appUrl) => void Object.assign(app, registration(appUrl)),
    install,
    async close() {
      webhooks.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      await smtp?.close();
    },
  };
}
