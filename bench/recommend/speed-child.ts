/**
 * Child process of `npm run bench`: the engine's speed and memory on all of Online Retail, each beside a
 * baseline measured here. Prints one JSON object (SpeedResult).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { percentile } from '../stats.ts';
import { countBaskets, jaccardRanker } from './baselines.ts';
import { loadOnlineRetailSplit } from './online-retail-split.ts';
import { seedOf } from './journey-engine.ts';
import { foldedPurchases, RANK_SURFACES, surfaceOf, timeRequests, withCategoryCollections, type SurfaceTiming } from './rank-surfaces.ts';
import { buildModel, purchasesByCustomer, shopperWith } from './tacto-ranker.ts';

export interface SpeedResult {
  orders: number;
  items: number;
  buildMs: number;
  /** Dense co-occurrence counting of the same orders: the least any co-purchase model must do. */
  denseCountMs: number;
  /** Learning an order: counts and popularity, visible to the next refresh. */
  incrementalMsPerOrder: number;
  denseIncrementalMsPerOrder: number;
  /** Refitting the touched products' weights, per order, with a refresh every REFRESH_EVERY orders. */
  refitMsPerOrder: number;
  refreshEvery: number;
  rankP50Ms: number;
  rankP99Ms: number;
  /** Per request, the best of three runs: the cost without garbage-collection pauses. */
  rankP99BestOfThreeMs: number;
  jaccardP50Ms: number;
  jaccardP99Ms: number;
  /** The same requests without a shopper: what history processing adds. */
  anonymousP99Ms: number;
  /** Every surface, logged in and visitor (rank-surfaces.ts): the figures above are the cart's. */
  surfaces: SurfaceTiming[];
  modelHeapMb: number;
  /** A dense item × item Float64 matrix (what EASE or the dense baselines hold). */
  denseMatrixMb: number;
  requests: number;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const split = await loadOnlineRetailSplit(process.argv[2]!);
const all = [...split.train, ...split.test];
const before = heapMb();
let started = performance.now();
const full = buildModel(split, all);
const buildMs = performance.now() - started;
const modelHeapMb = heapMb() - before;

// Dense counting of the same orders, as a floor for what building from orders costs.
const denseItems = split.stockCodes.length;
started = performance.now();
const dense = new Float32Array(denseItems * denseItems);
for (const b of all) for (const i of b.items) for (const j of b.items) dense[i * denseItems + j]! += 1;
const denseCountMs = performance.now() - started;

// Incremental: learn the test period order by order on a model built from the training period, refreshing
// the weights every REFRESH_EVERY orders (the app refreshes after each burst of webhooks).
const REFRESH_EVERY = 100;
const model = buildModel(split, split.train);
let learnMs = 0;
let refitMs = 0;
split.test.forEach((b, k) => {
  let t = performance.now();
  model.addOrder({ customerId: b.customer, orderedAt: b.time, productIds: b.items });
  learnMs += performance.now() - t;
  if ((k + 1) % REFRESH_EVERY === 0 || k === split.test.length - 1) {
    t = performance.now();
    model.refresh();
    refitMs += performance.now() - t;
  }
});
const incrementalMsPerOrder = learnMs / split.test.length;
const refitMsPerOrder = refitMs / split.test.length;
started = performance.now();
for (const b of split.test) for (const i of b.items) for (const j of b.items) dense[i * denseItems + j]! += 1;
const denseIncrementalMsPerOrder = (performance.now() - started) / split.test.length;

// Ranking: every hold-out as a request on each surface, by its logged-in customer and by a visitor, after a
// warm-up pass; three timed passes. The customer's purchases are all of them (owned means owned, at any age),
// folded per product as storage folds them; each request has its own seed.
const trainModel = buildModel(split, split.train);
const collectionModel = withCategoryCollections(split, trainModel);
const purchases = purchasesByCustomer(split.train);
const folded = new Map([...purchases].map(([customer, list]) => [customer, foldedPurchases(list)]));
const surfaces = RANK_SURFACES.map((surface, code) => ({
  surface,
  model: surface === 'collection' ? collectionModel.model : trainModel,
  requests: split.holdOuts.map((h, k) => ({
    surface: surfaceOf(surface, h, collectionModel.collectionOf),
    shopper: shopperWith(folded.get(h.basket.customer) ?? []),
    limit: 10,
    now: h.basket.time,
    seed: seedOf(k, code),
  })),
}));
const timings: SurfaceTiming[] = [];
for (const { surface, model: surfaceModel, requests } of surfaces) {
  for (const audience of ['logged-in', 'visitor'] as const) {
    const asked = audience === 'visitor' ? requests.map((r) => ({ ...r, shopper: null })) : requests;
    timings.push({ surface, audience, ...timeRequests(surfaceModel, asked) });
  }
}
const cart = timings.find((t) => t.surface === 'cart' && t.audience === 'logged-in')!;
const cartVisitor = timings.find((t) => t.surface === 'cart' && t.audience === 'visitor')!;

const jaccard = jaccardRanker(countBaskets(split.train, split.trainItems));
const jaccardTimes: number[] = [];
for (const h of split.holdOuts) {
  const t = performance.now();
  jaccard(h);
  jaccardTimes.push(performance.now() - t);
}
jaccardTimes.sort((a, b) => a - b);

const result: SpeedResult = {
  orders: all.length,
  items: full.stats.products,
  buildMs,
  denseCountMs,
  incrementalMsPerOrder,
  denseIncrementalMsPerOrder,
  refitMsPerOrder,
  refreshEvery: REFRESH_EVERY,
  rankP50Ms: cart.p50Ms,
  rankP99Ms: cart.p99Ms,
  rankP99BestOfThreeMs: cart.p99BestOfThreeMs,
  jaccardP50Ms: percentile(jaccardTimes, 50),
  jaccardP99Ms: percentile(jaccardTimes, 99),
  anonymousP99Ms: cartVisitor.p99Ms,
  surfaces: timings,
  modelHeapMb,
  denseMatrixMb: (split.trainItems * split.trainItems * 8) / 2 ** 20,
  requests: cart.requests,
};
process.stdout.write(JSON.stringify(result));
