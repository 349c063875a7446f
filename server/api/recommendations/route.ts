import { Router } from 'express';
import { authOf } from '../../auth/session-token.ts';
import type { Storage } from '../../db/storage.ts';
import type { ShopModels } from '../../recommendations/model-cache.ts';
import type { RecommendationService } from '../../recommendations/service.ts';
import type { ShopifyApp } from '../../shopify/shopify-app.ts';
import { searchCustomers } from './customer-search.ts';
import { exclusionReason } from './reasons.ts';
import { customerSearchQuery, explainProblem, explainQuery } from './validators.ts';

/**
 * Admin-only views of the engine, behind session-token auth like all of /api: "why did this shopper see
 * this" (picks and exclusions with reasons), the customer search its picker uses, a full model rebuild, and the
 * "too personal" signal.
 */
export function recommendationsRoute(deps: { storage: Storage; models: ShopModels; recommendations: RecommendationService; shopify: ShopifyApp }): Router {
  const router = Router();
  router.get('/recommendations/explain', async (req, res) => {
    const { shop } = authOf(res);
    const parsed = explainQuery.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).json(explainProblem(parsed.error));
      return;
    }
    const query = parsed.data;
    const explanation = await deps.recommendations.explain({ shop, ...query });
    const { catalog } = await deps.models.get(shop);
    const titleOf = (id: number) => catalog.get(id)?.product.title ?? null;
    res.set('Cache-Control', 'no-store').json({
      anonymized: explanation.anonymized,
      withinBound: explanation.withinBound,
      // Codes, not words: the admin words a pick by its `source` and a held-back product by its rule and reason.
      picks: explanation.picks.map((p) => ({ productId: p.productId, title: titleOf(p.productId), source: p.source })),
      excluded: explanation.excluded.map((e) => ({
        productId: e.productId,
        title: titleOf(e.productId),
        rule: e.rule,
        reason: exclusionReason(e, titleOf),
        byMerchant: e.hold !== undefined,
      })),
    });
  });
  router.get('/recommendations/customers', async (req, res) => {
    const { shop } = authOf(res);
    const parsed = customerSearchQuery.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).json({ error: 'query_invalid', message: 'Type 2 to 60 letters of the customer\'s name or email.' });
      return;
    }
    const customers = await searchCustomers(deps, shop, parsed.data.query);
    res.set('Cache-Control', 'no-store').json({ customers });
  });
  router.post('/recommendations/rebuild', async (_req, res) => {
    const { shop } = authOf(res);
    const started = performance.now();
    const model = await deps.models.rebuild(shop);
    res.json({ products: model.catalog.size, ms: Math.round(performance.now() - started) });
  });
  router.get('/recommendations/signals', async (_req, res) => {
    const { shop } = authOf(res);
    const { catalog } = await deps.models.get(shop);
    const reports = await deps.storage.recommendations.tooPersonalReports(shop);
    res.set('Cache-Control', 'no-store').json({
      tooPersonal: reports.map((r) => ({ ...r, title: catalog.get(r.productId)?.product.title ?? null })),
    });
  });
  return router;
}
