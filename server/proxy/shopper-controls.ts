import { Router } from 'express';
import { z } from 'zod';
import type { AnalyticsService } from '../analytics/analytics-service.ts';
import type { Storage } from '../db/storage.ts';
import { HttpError } from '../http/errors.ts';
import { noticeFacts } from '../recommend/settings/notice-facts.ts';
import type { ShopModels } from '../recommendations/model-cache.ts';
import { SENSITIVE_TOPICS } from '../recommend/sensitive-topics.ts';
import { collectionOfInterest } from '../recommend/store-topics.ts';
import { FEEDBACK_REASONS } from '../recommend/types.ts';
import { requireJson, smallJsonBody } from './json-body.ts';
import { productHandle } from './product-handle.ts';
import { eligibleTopics } from './store-topics-route.ts';
import { proxyShopper } from './verify-signature.ts';

/** More than any store's block offers: a bound on what one request may ask to store. */
const MAX_DECLARED = 100;

/**
 * A change to the shopper's preferences. A declared topic is a sensitive topic, or an interest in one of the
 * collections the shop's preference block offers now (`eligible`): nothing else is stored.
 */
function preferencesBody(eligible: ReadonlySet<string>) {
  const topic = z.union([
    z.enum(SENSITIVE_TOPICS),
    z
      .string()
      .max(40)
      .refine((value) => collectionOfInterest(value) !== null && eligible.has(value), 'not a collection this store offers as an interest'),
  ]);
  return z
    .object({
      personalization: z.enum(['on', 'off']).optional(),
      declaredTopics: z
        .array(topic)
        .max(MAX_DECLARED)
        .transform((topics) => [...new Set(topics)])
        .optional(),
    })
    .strict();
}

const feedbackBody = z
  .object({
    /** The pick's product handle, as in its `/products/<handle>` link: picks carry no ids. */
    handle: productHandle,
    reason: z.enum(FEEDBACK_REASONS),
  })
  .strict();

/**
 * The shopper's own controls, behind the app proxy's signature like every /proxy route: read and change
 * personalization and declared topics, say "not for me". Only a logged-in shopper's choices are stored here; a
 * visitor's live in their browser (tacto.js) and these answer `stored: "browser"`. Writes must be JSON, so a
 * form on another site cannot post them.
 */
export function shopperControls(deps: { storage: Storage; models: ShopModels; analytics: AnalyticsService }): Router {
  const router = Router();
  const { recommendations } = deps.storage;
  const json = smallJsonBody;
  const state = async (shop: string, customerId: number | null) => {
    // Only the settings row: purchases, feedback and impressions are not needed here.
    const settings = customerId === null ? { personalization: 'on' as const, declaredTopics: [] } : await recommendations.settings(shop, customerId);
    const facts = noticeFacts(await deps.models.settings.settings(shop));
    return {
      loggedIn: customerId !== null,
      personalization: settings.personalization,
      declaredTopics: settings.declaredTopics,
      // What the notice tells shoppers, from the shop's saved settings: the real values the engine runs with (in
      // one view, no product's presence or absence is more than `deniabilityRatio` times as likely for this shopper
      // as for a visitor), whether orders are used at all, and the lines that depend on the settings.
      ...facts,
      stored: customerId === null ? 'browser' : 'store',
    };
  };

  router.get('/proxy/preferences', async (_req, res) => {
    const { shop, customerId } = proxyShopper(res);
    res.set('Cache-Control', 'private, no-store').json(await state(shop, customerId));
  });
  router.post('/proxy/preferences', requireJson, json, async (req, res) => {
    const { shop, customerId } = proxyShopper(res);
    const change = preferencesBody(new Set(await eligibleTopics(deps.models, shop))).parse(req.body);
    if (customerId !== null) {
      const current = await state(shop, customerId);
      await recommendations.saveSettings(
        shop,
        customerId,
        { personalization: change.personalization ?? current.personalization, declaredTopics: change.declaredTopics ?? current.declaredTopics },
        new Date().toISOString(),
      );
    }
    res.set('Cache-Control', 'private, no-store').json(await state(shop, customerId));
  });
  router.delete('/proxy/preferences', async (_req, res) => {
    const { shop, customerId } = proxyShopper(res);
    if (customerId !== null) {
      const current = await state(shop, customerId);
      await recommendations.saveSettings(shop, customerId, { personalization: current.personalization, declaredTopics: [] }, new Date().toISOString());
    }
    res.set('Cache-Control', 'private, no-store').json(await state(shop, customerId));
  });
  router.post('/proxy/feedback', requireJson, json, async (req, res) => {
    const { shop, customerId } = proxyShopper(res);
    const { handle, reason } = feedbackBody.parse(req.body);
    const productId = await recommendations.productIdByHandle(shop, handle);
    if (productId === null) throw new HttpError(404, 'not_found', `No product "${handle}" in this store.`);
    if (customerId !== null) await recommendations.saveFeedback(shop, customerId, productId, reason, new Date().toISOString());
    // Everyone's answer, a visitor's too, adds to the day's count by reason and product type: the merchant's signal.
    await deps.analytics.countFeedback(shop, reason, handle);
    res.set('Cache-Control', 'private, no-store').json({ stored: customerId === null ? 'browser' : 'store' });
  });
  return router;
}
