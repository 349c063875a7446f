import { DrawSeeds } from './recommendations/draw-seeds.ts';
import { deriveDrawKey } from './security/keys.ts';
import express, { type Express } from 'express';
import { AnalyticsService, type AnalyticsOptions } from './analytics/analytics-service.ts';
import { analyticsRoute } from './api/analytics/route.ts';
import type { AppConfig } from './config.ts';
import type { Storage } from './db/storage.ts';
import type { Logger } from './logger.ts';
import { oauthRoutes, type InstallListener } from './auth/oauth-routes.ts';
import { requireSessionToken } from './auth/session-token.ts';
import { backfillRoute } from './api/backfill/route.ts';
import { onboardingRoute } from './api/onboarding/route.ts';
import { privacyRoute } from './api/privacy/route.ts';
import { noticeFacts } from './recommend/settings/notice-facts.ts';
import { shopRoute } from './api/shop/route.ts';
import { deadLettersRoute } from './api/webhooks/route.ts';
import { BackfillService, type BackfillOptions } from './backfill/backfill-service.ts';
import { adminHtml, ADMIN_BUILD_DIR } from './frontend/admin-html.ts';
import { exitIframe } from './frontend/exit-iframe.ts';
import { API_POLICY, PUBLIC_PAGE_POLICY } from './frontend/content-security-policy.ts';
import { frameAncestorSources } from './frontend/frame-ancestors.ts';
import { adminDocumentCsp, baselineHeaders, contentSecurityPolicy, secretUrlHeaders } from './frontend/security-headers.ts';
import { errorResponder, HttpError, notFound } from './http/errors.ts';
import { requestLog } from './http/request-log.ts';
import { proxyRoutes } from './proxy/routes.ts';
import { createShopifyApp } from './shopify/shopify-app.ts';
import { webhookHandlers } from './webhooks/handlers.ts';
import { merchandisingRoute } from './api/recommendations/merchandising.ts';
import { recommendationsRoute } from './api/recommendations/route.ts';
import { recommendationSettingsRoute } from './api/recommendations/settings-route.ts';
import { ShopModels } from './recommendations/model-cache.ts';
import { RecommendationService } from './recommendations/service.ts';
import { WebhookWorker, type WebhookWorkerOptions } from './webhooks/queue-worker.ts';
import { createFollowups, type Followups } from './followups/setup.ts';
import { webhookRoute } from './webhooks/route.ts';
import { TranslationRefresher, type TranslationRefreshOptions } from './translations/translation-refresher.ts';

/** Client-side routes of the admin; each serves the same index.html. */
export const ADMIN_PAGES = ['/', '/recommendations', '/follow-ups', '/privacy', '/analytics'];

export interface AppDeps {
  config: AppConfig;
  storage: Storage;
  logger: Logger;
  onInstalled?: InstallListener[];
  /** Where the built admin lives (tests may point elsewhere). */
  adminBuildDir?: string;
  backfill?: BackfillOptions;
  /** Follow-ups' SMTP transport and worker hooks (tests); by default from the configuration. */
  followups?: Pick<Parameters<typeof createFollowups>[0], 'mailer' | 'worker'>;
  /** The webhook worker's retry schedule and clock (tests use milliseconds); production defaults otherwise. */
  webhooks?: WebhookWorkerOptions;
  /** Seeds of the recommendation draws (tests fix the visitor's to compare answers); by default secret and random. */
  drawSeeds?: DrawSeeds;
  /** How often counters are written, and the analytics clock (tests). */
  analytics?: AnalyticsOptions;
  /** How often product translations are read again, and their clock (tests). */
  translations?: TranslationRefreshOptions;
}

/** Assembles the HTTP app. Order matters: webhooks read the raw body, so they come before any JSON parser. */
export function createApp(deps: AppDeps): {
  app: Express;
  shopify: ReturnType<typeof createShopifyApp>;
  backfills: BackfillService;
  webhookWorker: WebhookWorker;
  models: ShopModels;
  recommendations: RecommendationService;
  followups: Followups;
  analytics: AnalyticsService;
  translations: TranslationRefresher;
} {
  const { config, storage, logger } = deps;
  const shopify = createShopifyApp(config, storage, logger);
  const models = new ShopModels({ storage, logger });
  const recommendations = new RecommendationService({ storage, models, seeds: deps.drawSeeds ?? new DrawSeeds(deriveDrawKey(config.masterKey)) });
  const analytics = new AnalyticsService({ storage, logger }, deps.analytics);
  const translations = new TranslationRefresher(
    { shopify, storage, logger, onChanged: (shop) => models.translationsChanged(shop) },
    deps.translations,
  );
  const followups = createFollowups({ config, storage, shopify, recommendations, analytics, logger, ...deps.followups });
  // shop/redact: the shop's profile (name, time zone, storefront), unwritten counters and its experiment leave
  // memory with its model.
  models.onForget((shop) => {
    followups.shopAdmin.forget(shop);
    analytics.forget(shop);
  });
  const backfills = new BackfillService(
    { shopify, storage, logger, translations },
    {
      ...deps.backfill,
      onCompleted: (shop) => {
        models.changed(shop);
        deps.backfill?.onCompleted?.(shop);
      },
    },
  );
  // A new installation starts importing at once; the merchant watches it on Home.
  const startBackfill: InstallListener = (shop) => {
    backfills.start(shop).catch(() => undefined);
  };
  // The holdout experiment runs from the installation (a shop installed before Analytics starts one at its first
  // storefront request): a storefront visit then reads it and writes nothing.
  const startExperiment: InstallListener = async (shop) => {
    await analytics.experiment(shop);
  };
  const app = express();
  app.disable('x-powered-by');
  // Before anything can answer, so every response carries them, errors included.
  app.use(baselineHeaders);
  app.use(requestLog(logger));

  app.get('/healthz', async (_req, res) => {
    await storage.ping();
    res.json({ status: 'ok' });
  });

  // The storefront's app proxy first: the busiest routes, on every page view of every store.
  app.use(proxyRoutes({ shopify, storage, models, recommendations, analytics, translations }));

  const handlers = webhookHandlers({ storage, logger, shopify, models, translations });
  const webhookWorker = new WebhookWorker({ storage, handlers, logger }, deps.webhooks);
  app.use(webhookRoute({ shopify, storage, handlers, worker: webhookWorker, logger }));
  app.use(oauthRoutes({ shopify, storage, logger, onInstalled: [startBackfill, startExperiment, ...(deps.onInstalled ?? [])] }));
  // The unsubscribe link's token is its URL: nothing of it may leave in a Referer.
  app.use('/unsubscribe', secretUrlHeaders(PUBLIC_PAGE_POLICY));
  app.use(followups.publicRoutes);

  const api = express.Router();
  api.use(contentSecurityPolicy(API_POLICY));
  api.use(requireSessionToken(shopify));
  // A persona's photo arrives as a data URL (resized by the server); every other body is small.
  api.use('/followups/persona/photo', express.json({ limit: '8mb' }));
  api.use(express.json({ limit: '100kb' }));
  api.use(shopRoute({ shopify, storage }));
  api.use(backfillRoute({ storage, backfills }));
  api.use(onboardingRoute({ shopify, storage, apiKey: config.apiKey, logger }));
  api.use(
    privacyRoute({
      storage,
      mailHost: config.mail ? new URL(config.mail.smtpUrl).hostname : null,
      // The same facts GET /proxy/preferences gives the storefront's notice, from the shop's saved settings.
      noticeValues: async (shop) => ({ ...noticeFacts(await models.settings.settings(shop)) }),
    }),
  );
  api.use(deadLettersRoute({ storage }));
  api.use(recommendationsRoute({ storage, models, recommendations, shopify }));
  api.use(recommendationSettingsRoute({ models }));
  api.use(merchandisingRoute({ storage, models }));
  api.use(followups.adminRoutes);
  api.use(analyticsRoute({ storage, analytics, currency: async (shop) => (await followups.shopAdmin.profile(shop)).currency ?? null }));
  api.use(notFound);
  app.use('/api', api);

  const buildDir = deps.adminBuildDir ?? ADMIN_BUILD_DIR;
  app.use('/assets', express.static(`${buildDir}/assets`, { immutable: true, maxAge: '1y', fallthrough: false }));
  const frameAncestors = (shop: unknown) => frameAncestorSources(shopify, shop);
  app.get('/exitiframe', exitIframe({ appUrl: config.appUrl, apiKey: config.apiKey, appBridgeUrl: config.appBridgeUrl, frameAncestors }));
  app.get(
    ADMIN_PAGES,
    (req, _res, next) => {
      // Opened outside Shopify admin without a shop: say where to open it instead of a bare error.
      if (!req.query.shop) return next(new HttpError(400, 'missing_shop', 'Open Tacto from your Shopify admin (Apps → Tacto).'));
      next();
    },
    shopify.ensureInstalledOnShop(),
    adminDocumentCsp(shopify, config.appBridgeUrl),
    adminHtml({ apiKey: config.apiKey, appBridgeUrl: config.appBridgeUrl, buildDir }),
  );

  app.use(notFound);
  app.use(errorResponder(logger));
  return { app, shopify, backfills, webhookWorker, models, recommendations, followups, analytics, translations };
}
