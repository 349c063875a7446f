import { Router } from 'express';
import { z } from 'zod';
import type { Storage } from '../../db/storage.ts';
import { localeParam, shopperLocale } from '../../i18n/shopper-words.ts';
import { DAY_MS, type RecommendPolicy } from '../../recommend/policy.ts';
import type { Feedback } from '../../recommend/types.ts';
import { eligibleTopics } from '../store-topics-route.ts';
import type { ShopModels } from '../../recommendations/model-cache.ts';
import { proxyShopper } from '../verify-signature.ts';
import { ordersThatCount } from './orders.ts';
import { renderMyDataPage } from './page.ts';

const pageQuery = z.object({
  // The storefront's language, as the notice's link passes it; else the browser's (server/i18n/shopper-words.ts).
  locale: localeParam,
  // Signed by Shopify: where the store serves the proxy, e.g. /apps/tacto.
  path_prefix: z.string().max(100).regex(/^(\/[a-z0-9_-]+)+$/i).catch('/apps/tacto'),
});

/**
 * The shopper's own data, linked from the transparency notice: a page that shows what Tacto keeps about a
 * logged-in customer and lets them change or delete it (a visitor learns that nothing is kept about them, and can
 * clear this browser's choices), a JSON copy, and the deletion itself. Behind the proxy signature like every
 * /proxy route; answers are private and never cached.
 */
export function myDataRoutes(deps: { storage: Storage; models: ShopModels }): Router {
  const router = Router();
  const { recommendations, privacy } = deps.storage;

  router.get('/proxy/data', async (req, res) => {
    const { shop, customerId } = proxyShopper(res);
    const query = pageQuery.parse(req.query);
    const base = (policy: RecommendPolicy) => ({
      locale: shopperLocale(req, query.locale),
      proxyPath: query.path_prefix,
      historyDays: policy.historyWindowDays,
      eventDays: policy.eventWindowDays,
      impressionDays: policy.frequencyCapDays,
    });
    // The same topics for everyone: what the store's preference block offers.
    const model = await deps.models.get(shop);
    const storeTopicList = await eligibleTopics(deps.models, shop);
    let view;
    if (customerId === null) {
      // Nothing about a visitor is read, and none of the page's numbers is shown to them.
      view = {
        ...base(await deps.models.settings.policy(shop)),
        loggedIn: false,
        personalization: 'on' as const,
        declaredTopics: [],
        storeTopics: storeTopicList,
        owned: [],
        shaping: [],
        dismissed: [],
        shown: 0,
      };
    } else {
      // The shop's model: the policy the engine runs with, and which purchases are one-off (they shape picks for less).
      const { policy } = model;
      const now = Date.now();
      const record = await recommendations.shopper(
        shop,
        customerId,
        // Every order, whatever its age: all of them count as owned.
        new Date(0).toISOString(),
        new Date(now - policy.frequencyCapDays * DAY_MS).toISOString(),
      );
      const orders = ordersThatCount(record.purchases, now, policy, (id) => model.isEventPurchase(id));
      const titles = async (ids: number[]) => (await recommendations.productCards(shop, ids)).map((card) => card.title);
      // Each hidden product with the reason they gave: both are what is kept.
      const dismissedItems = async (feedback: readonly Feedback[]) => {
        const cards = new Map((await recommendations.productCards(shop, feedback.map((f) => f.productId))).map((card) => [card.id, card.title]));
        return feedback.flatMap((f) => (cards.has(f.productId) ? [{ title: cards.get(f.productId)!, reason: f.reason }] : []));
      };
      view = {
        ...base(policy),
        loggedIn: true,
        personalization: record.settings.personalization,
        declaredTopics: record.settings.declaredTopics,
        storeTopics: storeTopicList,
        owned: await titles(orders.owned),
        shaping: await titles(orders.shaping),
        dismissed: await dismissedItems(record.feedback),
        shown: [...record.impressions.values()].reduce((sum, n) => sum + n, 0),
      };
    }
    res.set('Cache-Control', 'private, no-store').type('html').send(renderMyDataPage(view));
  });

  // Their own copy: the same export the store receives for a customers/data_request.
  router.get('/proxy/data.json', async (_req, res) => {
    const { shop, customerId } = proxyShopper(res);
    const body = customerId === null ? { loggedIn: false, stored: 'browser' } : { loggedIn: true, ...(await privacy.exportCustomer(shop, customerId)) };
    res
      .set('Cache-Control', 'private, no-store')
      .set('Content-Disposition', 'attachment; filename="my-data.json"')
      .json(body);
  });

  router.delete('/proxy/data', async (_req, res) => {
    const { shop, customerId } = proxyShopper(res);
    if (customerId !== null) await recommendations.forgetShopperChoices(shop, customerId, new Date().toISOString());
    res.set('Cache-Control', 'private, no-store').json({ deleted: customerId !== null, stored: customerId === null ? 'browser' : 'store' });
  });
  return router;
}
