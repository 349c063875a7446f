import { Router } from 'express';
import type { AnalyticsService } from '../analytics/analytics-service.ts';
import type { Storage } from '../db/storage.ts';
import type { ShopModels } from '../recommendations/model-cache.ts';
import type { RecommendationService } from '../recommendations/service.ts';
import type { ShopifyApp } from '../shopify/shopify-app.ts';
import type { TranslationRefresher } from '../translations/translation-refresher.ts';
import { analyticsBeacons } from './analytics-beacons.ts';
import { myDataRoutes } from './my-data/routes.ts';
import { picksRoute } from './picks-route.ts';
import { redactedShopperIsVisitor } from './redacted-shopper.ts';
import { seenRoute } from './seen-route.ts';
import { shopperControls } from './shopper-controls.ts';
import { storeTopicsRoute } from './store-topics-route.ts';
import { verifyAppProxySignature, type ProxyRequestContext } from './verify-signature.ts';

/**
 * /proxy/* — what the storefront reaches as /apps/tacto/* through Shopify's app proxy. Every route sits
 * behind the signature check.
 */
export function proxyRoutes(deps: {
  shopify: ShopifyApp;
  storage: Storage;
  models: ShopModels;
  recommendations: RecommendationService;
  analytics: AnalyticsService;
  translations?: TranslationRefresher;
}): Router {
  const router = Router();
  router.use('/proxy', verifyAppProxySignature(deps.shopify));
  router.use('/proxy', redactedShopperIsVisitor(deps.storage));
  // A liveness check for the storefront scripts; it says nothing about the shopper.
  router.get('/proxy/ping', (_req, res) => {
    const { shop } = res.locals.proxy as ProxyRequestContext;
    res.set('Cache-Control', 'no-store').json({ ok: true, shop });
  });
  router.get('/proxy/picks', picksRoute(deps));
  router.use(seenRoute(deps));
  router.use(analyticsBeacons(deps));
  router.use(shopperControls(deps));
  router.use(storeTopicsRoute(deps));
  router.use(myDataRoutes(deps));
  return router;
}
