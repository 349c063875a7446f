/**
 * Child process of `npm run bench -- --only merchandising`: what the merchant's merchandising rules cost a request,
 * on all of Online Retail. The same requests (logged in and visitor, product and cart pages) are timed with no rules
 * and with a document at every limit the admin allows (500 excluded products, 100 collections, 100 tags, 200 pins
 * of 4 complements, 500 never-together pairs), interleaved request by request so both see the same machine.
 * Prints one JSON object (MerchandisingSpeed).
 */
import type { Merchandising } from '../../server/recommend/merchandising/rules.ts';
import { NO_MERCHANDISING } from '../../server/recommend/merchandising/rules.ts';
import { MERCHANDISING_LIMITS as L } from '../../server/recommendations/merchandising-document.ts';
import { percentile } from '../stats.ts';
import { drawBlock, seedOf, type SeededRequest } from './journey-engine.ts';
import { loadOnlineRetailSplit } from './online-retail-split.ts';
import { foldedPurchases, surfaceOf, withCategoryCollections } from './rank-surfaces.ts';
import { buildModel, purchasesByCustomer, shopperWith } from './tacto-ranker.ts';

export interface MerchandisingSpeed {
  requests: number;
  rows: { case: string; p50Ms: number; p99Ms: number; noneP50Ms: number; noneP99Ms: number }[];
  /** Picks of a block without rules missing from the same request's block with them: that the rules did act. */
  changedPicksPerRequest: number;
}

const split = await loadOnlineRetailSplit(process.argv[2]!);
const { model, collectionOf } = withCategoryCollections(split, buildModel(split, split.train));

// A seeded generator: the same document every run.
let state = 0x9e3779b9;
const random = () => ((state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
const item = () => Math.floor(random() * split.trainItems);
const distinct = (count: number, next: () => number) => {
  const seen = new Set<number>();
  while (seen.size < count) seen.add(next());
  return [...seen];
};
const collections = [...new Set(Array.from({ length: split.trainItems }, (_, id) => collectionOf(id)))];
const full: Merchandising = {
  excludedProducts: distinct(L.excludedProducts, item),
  excludedCollections: collections.slice(0, Math.min(L.excludedCollections, Math.max(1, Math.floor(collections.length / 10)))).map((id) => ({ id, title: `c${id}` })),
  excludedTags: Array.from({ length: L.excludedTags }, (_, k) => `tag-${k}`),
  pins: distinct(L.pins, item).map((productId) => ({ productId, complements: distinct(L.complementsPerPin, item) })),
  neverTogether: Array.from({ length: L.neverTogether }, () => [item(), item()] as const),
};

const purchases = purchasesByCustomer(split.train);
const holdOuts = split.holdOuts.slice(0, 4000);
const rows: MerchandisingSpeed['rows'] = [];
let held = 0;
let asked = 0;
for (const kind of ['product', 'cart'] as const) {
  for (const audience of ['logged-in', 'visitor'] as const) {
    const requests: SeededRequest[] = holdOuts.map((h, k) => ({
      surface: surfaceOf(kind, h, collectionOf),
      shopper: audience === 'visitor' ? null : shopperWith(foldedPurchases(purchases.get(h.basket.customer) ?? [])),
      limit: 10,
      now: h.basket.time,
      seed: seedOf(k, 7),
    }));
    const none: number[] = [];
    const withRules: number[] = [];
    for (const request of requests) drawBlock(model, { ...request, merchandising: full });
    for (let pass = 0; pass < 3; pass++) {
      for (const request of requests) {
        let t = performance.now();
        drawBlock(model, { ...request, merchandising: NO_MERCHANDISING });
        none.push(performance.now() - t);
        t = performance.now();
        const picks = drawBlock(model, { ...request, merchandising: full });
        withRules.push(performance.now() - t);
        if (pass === 0) {
          asked++;
          held += drawBlock(model, { ...request, merchandising: NO_MERCHANDISING }).filter((id) => !picks.includes(id)).length;
        }
      }
    }
    none.sort((a, b) => a - b);
    withRules.sort((a, b) => a - b);
    rows.push({ case: `${kind}, ${audience}`, p50Ms: percentile(withRules, 50), p99Ms: percentile(withRules, 99), noneP50Ms: percentile(none, 50), noneP99Ms: percentile(none, 99) });
  }
}

const result: MerchandisingSpeed = { requests: holdOuts.length, rows, changedPicksPerRequest: held / asked };
process.stdout.write(JSON.stringify(result));
