/**
 * Child process of `npm run bench`: the engine's speed and memory on all of Online Retail, each beside a
 * baseline measured here. Prints one JSON object (SpeedResult).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { recommend } from '../../server/recommend/engine.ts';
import { percentile } from '../stats.ts';
import { countBaskets, jaccardRanker } from './baselines.ts';
import { loadOnlineRetailSplit } from './online-retail-split.ts';
import { buildModel, purchasesByCustomer, purchasesInWindowOf, shopperWith } from './tacto-ranker.ts';

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
  jaccardP99Ms: number;
  /** The same requests without a shopper: what history processing adds. */
  anonymousP99Ms: number;
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

// Ranking: every hold-out as a logged-in cart request, after a warm-up pass; three timed passes.
const trainModel = buildModel(split, split.train);
const purchases = purchasesByCustomer(split.train);
const requests = split.holdOuts.map((h) => ({
  surface: { kind: 'cart' as const, productIds: h.given },
  shopper: shopperWith(purchasesInWindowOf(purchases.get(h.basket.customer) ?? [], h.basket.time)),
  limit: 10,
  now: h.basket.time,
}));
for (const request of requests) recommend(trainModel, request);
const times: number[] = [];
const best = new Float64Array(requests.length).fill(Infinity);
for (let pass = 0; pass < 3; pass++) {
  requests.forEach((request, k) => {
    const t = performance.now();
    recommend(trainModel, request);
    const ms = performance.now() - t;
    times.push(ms);
    best[k] = Math.min(best[k]!, ms);
  });
}
times.sort((a, b) => a - b);
const anonymousTimes: number[] = [];
for (const request of requests) {
  const t = performance.now();
  recommend(trainModel, { ...request, shopper: null });
  anonymousTimes.push(performance.now() - t);
}
anonymousTimes.sort((a, b) => a - b);

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
  rankP50Ms: percentile(times, 50),
  rankP99Ms: percentile(times, 99),
  rankP99BestOfThreeMs: percentile([...best].sort((a, b) => a - b), 99),
  jaccardP99Ms: percentile(jaccardTimes, 99),
  anonymousP99Ms: percentile(anonymousTimes, 99),
  modelHeapMb,
  denseMatrixMb: (split.trainItems * split.trainItems * 8) / 2 ** 20,
  requests: times.length,
};
process.stdout.write(JSON.stringify(result));
