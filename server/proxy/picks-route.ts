import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Storage } from '../db/storage.ts';
import type { ShopModels } from '../recommendations/model-cache.ts';
import type { RecommendationService } from '../recommendations/service.ts';
import { picksQuery } from './picks-query.ts';
import { ProductCards } from './product-cards.ts';
import { proxyShopper } from './verify-signature.ts';
import { VisitorAnswers } from './visitor-answers.ts';

/** One pick as the storefront script renders it. Nothing in it says why it was picked. */
export interface StorefrontPick {
  kind: 'product';
  title: string;
  url: string;
  image?: string;
  price?: string;
}

const VISITOR_ANSWERS = { ttlMs: 60_000, maxEntries: 20_000 };

/**
 * GET /proxy/picks (the storefront's /apps/tacto/picks): product ids from the engine, turned into cards. A
 * logged-in shopper's answer is personal — `private, no-store`; a visitor's is the same for every visitor of that
 * page, so it may be cached (by Shopify's CDN, and here for a minute). Both have exactly the same shape. Serving
 * records nothing: the frequency cap counts only the cards the storefront reports in view (POST /proxy/seen).
 */
export function picksRoute(deps: { storage: Storage; models: ShopModels; recommendations: RecommendationService }): RequestHandler {
  const visitorAnswers = new VisitorAnswers<{ body: string; etag: string }>(VISITOR_ANSWERS);
  const productCards = new ProductCards(deps);
  // Keys start with the shop: shop/redact leaves none of its answers in memory.
  deps.models.onForget((shop) => visitorAnswers.forget((key) => key.startsWith(`${shop} `)));
  return async (req, res) => {
    const { shop, customerId } = proxyShopper(res);
    const query = picksQuery.parse(req.query);
    res.set('Content-Type', 'application/json; charset=utf-8');
    if (customerId !== null) {
      res.set('Cache-Control', 'private, no-store').send(await answer(shop, customerId, query));
      return;
    }
    const key = `${shop} ${deps.models.version(shop)} ${query.limit} ${JSON.stringify(query.surface)}`;
    let cached = visitorAnswers.get(key);
    if (cached === undefined) {
      const body = await answer(shop, null, query);
      // Its ETag once, rather than hashing the same body for every visitor.
      cached = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      visitorAnswers.set(key, cached);
    }
    res.set('Cache-Control', 'public, max-age=300').set('ETag', cached.etag).send(cached.body);
  };

  async function answer(shop: string, customerId: number | null, query: ReturnType<typeof picksQuery.parse>): Promise<string> {
    const ids = await deps.recommendations.recommend({ shop, customerId, ...query });
    const cards = await productCards.of(shop, ids);
    const items: StorefrontPick[] = cards.map((card) => ({
      kind: 'product',
      title: card.title,
      url: `/products/${encodeURIComponent(card.handle)}`,
      ...(card.imageUrl ? { image: card.imageUrl } : {}),
      ...(card.price ? { price: card.price } : {}),
    }));
    return JSON.stringify({ items });
  }
}
