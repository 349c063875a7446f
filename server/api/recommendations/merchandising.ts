import { Router } from 'express';
import { authOf } from '../../auth/session-token.ts';
import type { Storage } from '../../db/storage.ts';
import type { Catalog } from '../../recommend/catalog.ts';
import type { Merchandising } from '../../recommend/merchandising/rules.ts';
import { visitorCap } from '../../recommend/policy.ts';
import {
  MERCHANDISING_LIMITS,
  merchandisingDocument,
  merchandisingProblem,
  readMerchandising,
  saveMerchandising,
} from '../../recommendations/merchandising-document.ts';
import type { ShopModels } from '../../recommendations/model-cache.ts';

/** Enough tags for any store's picker; a catalog with more is a catalog of bookkeeping tags. */
export const CATALOG_TAGS_LISTED = 500;

interface Named {
  id: number;
  /** Null when the product left the catalog: the admin says so rather than showing an id. */
  title: string | null;
}

/**
 * The merchant's merchandising rules (README, "Merchandising"), behind session-token auth like all of /api: read
 * them with titles, save them whole (they take effect at once: the save moves the model version every cached
 * answer is keyed by), and the catalog's tags to choose from.
 */
export function merchandisingRoute(deps: { storage: Storage; models: ShopModels; clock?: () => number }): Router {
  const router = Router();
  const answer = async (shop: string, merchandising: Merchandising) => {
    const model = await deps.models.get(shop);
    return {
      merchandising: named(merchandising, model.catalog),
      // What a pin can promise: the share of views any one product may appear in (the visitor cap).
      pinShare: visitorCap(model.policy),
      limits: MERCHANDISING_LIMITS,
    };
  };
  router.get('/recommendations/merchandising', async (_req, res) => {
    const { shop } = authOf(res);
    res.set('Cache-Control', 'no-store').json(await answer(shop, await readMerchandising(deps.storage, shop)));
  });
  router.put('/recommendations/merchandising', async (req, res) => {
    const { shop } = authOf(res);
    const parsed = merchandisingDocument.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json(merchandisingProblem(parsed.error));
      return;
    }
    await saveMerchandising(deps.storage, shop, parsed.data, new Date((deps.clock ?? Date.now)()));
    deps.models.merchandisingChanged(shop);
    res.set('Cache-Control', 'no-store').json(await answer(shop, parsed.data));
  });
  router.get('/recommendations/catalog-tags', async (_req, res) => {
    const { shop } = authOf(res);
    const { catalog } = await deps.models.get(shop);
    res.set('Cache-Control', 'no-store').json({ tags: catalogTags(catalog) });
  });
  return router;
}

/** The distinct tags of the shop's stored products (case aside), alphabetical, at most CATALOG_TAGS_LISTED. */
export function catalogTags(catalog: Catalog): string[] {
  const tags = new Map<string, string>();
  for (const id of catalog.ids()) {
    for (const tag of catalog.get(id)!.product.tags) {
      const trimmed = tag.trim();
      if (trimmed && !tags.has(trimmed.toLowerCase())) tags.set(trimmed.toLowerCase(), trimmed);
    }
  }
  return [...tags.values()].sort((a, b) => a.localeCompare(b)).slice(0, CATALOG_TAGS_LISTED);
}

function named(m: Merchandising, catalog: Catalog) {
  const product = (id: number): Named => ({ id, title: catalog.get(id)?.product.title ?? null });
  return {
    excludedProducts: m.excludedProducts.map(product),
    excludedCollections: m.excludedCollections.map((c) => ({ id: c.id, title: c.title })),
    excludedTags: [...m.excludedTags],
    pins: m.pins.map((pin) => ({ product: product(pin.productId), complements: pin.complements.map(product) })),
    neverTogether: m.neverTogether.map(([a, b]) => [product(a), product(b)]),
  };
}
