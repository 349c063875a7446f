import { createHmac } from 'node:crypto';
import type { Router } from 'express';
import type { AnalyticsService } from '../analytics/analytics-service.ts';
import type { AppConfig } from '../config.ts';
import type { Storage } from '../db/storage.ts';
import type { Logger } from '../logger.ts';
import type { RecommendationService } from '../recommendations/service.ts';
import type { ShopifyApp } from '../shopify/shopify-app.ts';
import { followupsRoute } from '../api/followups/route.ts';
import { FollowupAdmin } from './admin-service.ts';
import { ComplementImages } from './compose/complement-images.ts';
import { FollowupMails } from './followup-mail.ts';
import { createMailer, type Mailer } from './mail/transport.ts';
import { ShopAdmin } from './shop-admin.ts';
import { unsubscribeRoutes } from './unsubscribe-routes.ts';
import { FollowupWorker, type FollowupWorkerDeps } from './worker.ts';

export interface Followups {
  worker: FollowupWorker;
  admin: FollowupAdmin;
  /** Public: /unsubscribe/<token>. */
  publicRoutes: Router;
  /** Behind session-token auth, under /api. */
  adminRoutes: Router;
  mailer: Mailer | null;
  shopAdmin: ShopAdmin;
}

/**
 * Secrets derived from the app's secret, one per purpose, so a value signed for one use is never valid for
 * another (and no extra secret has to be configured).
 */
export function derivedSecret(apiSecret: string, purpose: 'unsubscribe' | 'reply-to verification'): string {
  return createHmac('sha256', apiSecret).update(`tacto ${purpose}`).digest('hex');
}

/** Follow-ups assembled from the app's parts. `mailer` replaces the configured SMTP transport (tests). */
export function createFollowups(deps: {
  config: AppConfig;
  storage: Storage;
  shopify: ShopifyApp;
  recommendations: RecommendationService;
  analytics: AnalyticsService;
  logger: Logger;
  mailer?: Mailer | null;
  worker?: Partial<Pick<FollowupWorkerDeps, 'clock' | 'afterAccepted' | 'batch' | 'concurrency'>>;
}): Followups {
  const { config, storage, shopify, recommendations, analytics, logger } = deps;
  const mailer = deps.mailer !== undefined ? deps.mailer : config.mail ? createMailer(config.mail) : null;
  const shopAdmin = new ShopAdmin({ shopify, storage });
  const unsubscribeSecret = derivedSecret(config.apiSecret, 'unsubscribe');
  // Pictures come from Shopify's CDN or the storefront; a shop the app routes elsewhere (the sandbox) from there too.
  const images = new ComplementImages({ extraOrigins: (shop) => [config.shopOrigins.get(shop)].filter((o): o is string => o !== undefined) });
  const mails = new FollowupMails({ storage, recommendations, appUrl: config.appUrl, unsubscribeSecret, images });
  const clock = deps.worker?.clock;
  const admin = new FollowupAdmin({ storage, mails, shopAdmin, mailer, secret: derivedSecret(config.apiSecret, 'reply-to verification'), clock });
  const worker = new FollowupWorker({ storage, mails, shopAdmin, mailer, analytics, logger: logger.child({ component: 'followups' }), ...deps.worker });
  return {
    worker,
    admin,
    mailer,
    shopAdmin,
    publicRoutes: unsubscribeRoutes({ storage, shopAdmin, analytics, secret: unsubscribeSecret, logger }),
    adminRoutes: followupsRoute({ storage, admin, mailConfigured: mailer !== null }),
  };
}
