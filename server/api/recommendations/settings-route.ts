import { Router } from 'express';
import { authOf } from '../../auth/session-token.ts';
import { consequencesOf } from '../../recommend/settings/consequences.ts';
import { presetValues, recommendationSettingsSchema, settingsProblem, type RecommendationSettings } from '../../recommend/settings/schema.ts';
import type { ShopModels } from '../../recommendations/model-cache.ts';

/**
 * The merchant's recommendation settings, behind session-token auth like all of /api:
 * - GET /api/recommendations/settings → `{ settings, consequences, presets }` (the saved document, what it does in
 *   numbers, and what each preset fills the form with);
 * - PUT /api/recommendations/settings with the whole document → the same, once saved. A refused one is a 400
 *   `{ error, message, field }` (`strict_cap` when Strict's ceiling is passed) and nothing is saved.
 * A save takes effect on the next storefront request, follow-up and explanation (ShopModels).
 */
export function recommendationSettingsRoute(deps: { models: ShopModels }): Router {
  const router = Router();
  const answer = (settings: RecommendationSettings) => ({
    settings,
    consequences: consequencesOf(settings),
    presets: { standard: presetValues('standard'), strict: presetValues('strict') },
  });
  router.get('/recommendations/settings', async (_req, res) => {
    const { shop } = authOf(res);
    res.set('Cache-Control', 'no-store').json(answer(await deps.models.settings.settings(shop)));
  });
  router.put('/recommendations/settings', async (req, res) => {
    const { shop } = authOf(res);
    const parsed = recommendationSettingsSchema.safeParse(req.body ?? null);
    if (!parsed.success) {
      res.status(400).json(settingsProblem(parsed.error));
      return;
    }
    const saved = await deps.models.settings.save(shop, parsed.data as RecommendationSettings);
    res.set('Cache-Control', 'no-store').json(answer(saved));
  });
  return router;
}
