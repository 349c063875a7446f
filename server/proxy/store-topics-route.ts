import { Router } from 'express';
import type { ShopModels } from '../recommendations/model-cache.ts';
import { MerchantRules } from '../recommend/merchandising/rules.ts';
import { collectionInterest, storeTopics } from '../recommend/store-topics.ts';
import { proxyShopper } from './verify-signature.ts';

/** The values the preference block may offer in this shop: its sensitive topics, then `collection:<id>` interests. */
export async function eligibleTopics(models: ShopModels, shop: string): Promise<string[]> {
  const model = await models.get(shop);
  // No context: only the merchant's exclusions apply (never-together pairs need a product in view).
  const rules = new MerchantRules(await models.merchandising.of(shop), model.catalog, []);
  const topics = storeTopics(model.catalog, model.policy, (id) => rules.holdOf(id) !== null);
  return [...topics.sensitive, ...topics.collections.map(collectionInterest)];
}

/**
 * GET /proxy/topics (the storefront's /apps/tacto/topics): what the "What are you shopping for?" block offers in
 * this shop — the sensitive topics its catalog sells, and its telling collections as interests. Decided by the
 * catalog alone, never by who asks, so the answer is the same for every visitor and may be cached publicly. Only
 * values: labels are the extension's translations and the collections' titles, which the theme's Liquid renders in
 * the shopper's language (Tacto stores no collection titles).
 */
export function storeTopicsRoute(deps: { models: ShopModels }): Router {
  const router = Router();
  router.get('/proxy/topics', async (_req, res) => {
    const { shop } = proxyShopper(res);
    res.set('Cache-Control', 'public, max-age=300').json({ topics: await eligibleTopics(deps.models, shop) });
  });
  return router;
}
