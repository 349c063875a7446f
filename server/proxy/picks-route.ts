import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { AnalyticsService, ExperimentView } from '../analytics/analytics-service.ts';
import type { Storage } from '../db/storage.ts';
import type { ShopModels } from '../recommendations/model-cache.ts';
import type { RecommendationInput, RecommendationService } from '../recommendations/service.ts';
import { consentAllowsPersonal } from './consent.ts';
import { picksQuery } from './picks-query.ts';
import type { Locale } from '../i18n/locales.ts';
import type { TranslationRefresher } from '../translations/translation-refresher.ts';
import { ProductCards } from './product-cards.ts';
import { proxyShopper } from './verify-signature.ts';
import { VisitorAnswers } from './visitor-answers.ts';

/** The picks answer: the same shape for a visitor and a logged-in shopper. */
export interface PicksAnswer {
  items: StorefrontPick[];
  experiment: ExperimentView | null;
}

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
 * GET /proxy/picks (the storefront's /apps/tacto/picks): product ids from the engine, turned into cards, and the
 * running holdout experiment (`experiment`, null when the holdout is 0 %). A logged-in shopper's answer is personal
 * — `private, no-store` — and names their arm; a visitor's is the same for every visitor of that page (their browser
 * draws its own arm), so it may be cached (by Shopify's CDN, and here for a minute). Both have exactly the same
 * shape. A customer in the holdout gets no picks ("does the block help?") or a visitor's ("does personalization
 * help?"). Serving records nothing: the frequency cap counts only the cards the storefront reports in view.
 */
export function picksRoute(deps: {
  storage: Storage;
  models: ShopModels;
  recommendations: RecommendationService;
  analytics: AnalyticsService;
  /** Keeps product translations current (absent in tests that need no Admin API). */
  translations?: TranslationRefresher;
}): RequestHandler {
  const visitorAnswers = new VisitorAnswers<{ body: string; etag: string }>(VISITOR_ANSWERS);
  const productCards = new ProductCards(deps);
  // Keys start with the shop: shop/redact leaves none of its answers in memory.
  deps.models.onForget((shop) => visitorAnswers.forget((key) => key.startsWith(`${shop} `)));
  return async (req, res) => {
    const { shop, customerId } = proxyShopper(res);
    const { consent: report, locale, ...page } = picksQuery.parse(req.query);
    // A localized page reads translations; a full read older than a few hours is started in the background.
    if (locale !== null) deps.translations?.refreshIfStale(shop);
    // The shop's preset decides what consent is enough (Strict: an explicit yes to preference cookies).
    const { preset } = await deps.models.settings.settings(shop);
    const query = { ...page, consentAllowsPersonalization: consentAllowsPersonal(report, preset) };
    res.set('Content-Type', 'application/json; charset=utf-8');
    if (customerId !== null && query.consentAllowsPersonalization) {
      const settings = () => deps.storage.recommendations.settings(shop, customerId).then((s) => s.personalization === 'on');
      const experiment = await deps.analytics.view(shop, customerId, settings);
      const held = experiment?.arm === 'holdout';
      const items = held && experiment.question === 'block' ? [] : await picks(shop, held ? null : customerId, query, locale);
      res.set('Cache-Control', 'private, no-store').send(JSON.stringify({ items, experiment }));
      return;
    }
    const experiment = await deps.analytics.view(shop, null, async () => false);
    // A shopper whose consent does not allow personalization gets exactly a visitor's answer (the engine ignores them).
    // The page's language is part of the answer (its titles and links): each language has its own entry.
    const key = `${shop} ${deps.models.version(shop)} ${experiment?.id ?? 0} ${locale ?? ''} ${query.limit} ${JSON.stringify(query.surface)}`;
    let cached = visitorAnswers.get(key);
    if (cached === undefined) {
      const body = JSON.stringify({ items: await picks(shop, null, query, locale), experiment });
      // Its ETag once, rather than hashing the same body for every visitor.
      cached = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      visitorAnswers.set(key, cached);
    }
    // The same body either way; but nothing asked for by a logged-in customer is left in a shared cache.
    if (customerId !== null) res.set('Cache-Control', 'private, no-store').send(cached.body);
    else res.set('Cache-Control', 'public, max-age=300').set('ETag', cached.etag).send(cached.body);
  };

  /**
   * The engine's products as cards in the page's language: a translated title and handle where the shop has them
   * (the link is root-relative: the script puts the language's root, `/es/`, before it), the default ones elsewhere.
   */
  async function picks(
    shop: string,
    customerId: number | null,
    query: Omit<RecommendationInput, 'shop' | 'customerId'>,
    locale: Locale | null,
  ): Promise<StorefrontPick[]> {
    const ids = await deps.recommendations.recommend({ shop, customerId, ...query });
    const cards = await productCards.of(shop, ids, locale);
    return cards.map((card) => ({
      kind: 'product',
      title: card.title,
      url: `/products/${encodeURIComponent(card.handle)}`,
      ...(card.imageUrl ? { image: card.imageUrl } : {}),
      ...(card.price ? { price: card.price } : {}),
    }));
  }
}
