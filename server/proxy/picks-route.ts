import type { RequestHandler } from 'express';
import type { Storage } from '../db/storage.ts';
import type { RecommendationService } from '../recommendations/service.ts';
import { picksQuery } from './picks-query.ts';
import type { ProxyRequestContext } from './verify-signature.ts';

/** One pick as the storefront script renders it. Nothing in it says why it was picked. */
export interface StorefrontPick {
  kind: 'product';
  title: string;
  url: string;
  image?: string;
  price?: string;
}

/**
 * GET /proxy/picks (the storefront's /apps/tacto/picks): product ids from the engine, turned into cards. A
 * logged-in shopper's answer is personal — `private, no-store` — and counted for the frequency cap; a visitor's
 * may be cached. Both have exactly the same shape.
 */
export function picksRoute(deps: { storage: Storage; recommendations: RecommendationService }): RequestHandler {
  return async (req, res) => {
    const { shop, loggedInCustomerId } = res.locals.proxy as ProxyRequestContext;
    const query = picksQuery.parse(req.query);
    const customerId = loggedInCustomerId === null ? null : Number(loggedInCustomerId);
    const ids = await deps.recommendations.recommend({ shop, customerId, ...query }, query.surface.kind);
    const cards = await deps.storage.recommendations.productCards(shop, ids);
    const items: StorefrontPick[] = cards.map((card) => ({
      kind: 'product',
      title: card.title,
      url: `/products/${encodeURIComponent(card.handle)}`,
      ...(card.imageUrl ? { image: card.imageUrl } : {}),
      ...(card.price ? { price: card.price } : {}),
    }));
    res.set('Cache-Control', customerId === null ? 'public, max-age=300' : 'private, no-store');
    res.json({ items });
  };
}
