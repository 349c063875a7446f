import { Router } from 'express';
import { z } from 'zod';
import type { AnalyticsService } from '../analytics/analytics-service.ts';
import type { Storage } from '../db/storage.ts';
import type { ShopModels } from '../recommendations/model-cache.ts';
import type { RecommendationService } from '../recommendations/service.ts';
import { beaconBlock, beaconSurface } from './beacon-fields.ts';
import { requireJson, smallJsonBody } from './json-body.ts';
import { consentAllowsPersonal, consentReport } from './consent.ts';
import { productHandle } from './product-handle.ts';
import { proxyShopper } from './verify-signature.ts';

/** At most this many cards per beacon: more than a block holds (8), so tacto.js never needs to split a block's. */
export const MAX_SEEN_HANDLES = 12;

/**
 * The storefront's "these picks came into view" beacon (tacto.js). `view` is the page view's random id, made by
 * the browser: a product counts once per page view, however many beacons name it.
 */
export const seenBeacon = z
  .object({
    view: z.string().regex(/^[0-9a-f]{32}$/, '32 lowercase hex digits'),
    handles: z
      .array(productHandle)
      .min(1)
      .max(MAX_SEEN_HANDLES)
      .transform((handles) => [...new Set(handles)]),
    /** Where the block is and how it is set: the day's "shown" counter (absent from scripts cached before it). */
    surface: beaconSurface.optional(),
    block: beaconBlock.optional(),
  })
  .strict();

/** `personalization=0` and `consent=explicit` (consent.ts): what the storefront's consent allows. */
const seenQuery = z.object(consentReport);

/**
 * POST /proxy/seen (the storefront's /apps/tacto/seen): the picks a shopper really had in view — at least half of
 * the card on screen, reported once per page view. Everyone's beacon adds to the day's "shown" counter of its surface
 * and block setting (a number, nothing else). For the frequency cap it also records, for a logged-in shopper, which
 * products they saw. The answer is always an empty 204 (it tells nobody whether anything was kept). No impression is
 * kept for a visitor, for a shopper who turned personalization off or whose consent forbids it, or for handles the
 * shop does not have.
 *
 * JSON only, like the shopper's other controls (json-body.ts): another site cannot post it for a shopper. A
 * shopper who posts page views of their own can only rest their own picks sooner; each request stays bounded
 * (4 KB, 12 handles, one indexed lookup each).
 */
export function seenRoute(deps: { storage: Storage; models: ShopModels; recommendations: RecommendationService; analytics: AnalyticsService }): Router {
  const router = Router();
  router.post('/proxy/seen', requireJson, smallJsonBody, async (req, res) => {
    const { shop, customerId } = proxyShopper(res);
    const { view, handles, surface, block } = seenBeacon.parse(req.body);
    if (surface && block) deps.analytics.countShown(shop, surface, block, handles.length);
    const report = seenQuery.parse(req.query);
    res.set('Cache-Control', 'no-store');
    if (customerId === null) return void res.status(204).end();
    const consent = consentAllowsPersonal(report, (await deps.models.settings.settings(shop)).preset);
    if (!consent) return void res.status(204).end();
    const { recommendations } = deps.storage;
    if ((await recommendations.settings(shop, customerId)).personalization === 'off') return void res.status(204).end();
    const productIds = await recommendations.productIdsByHandle(shop, handles);
    await deps.recommendations.impressions.record({ shop, customerId, view: `page:${view}`, productIds, surface: 'storefront' });
    res.status(204).end();
  });
  return router;
}
