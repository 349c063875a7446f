/**
 * Child process of `npm run bench`: what the storefront's picks are worth and what they give away, on Online
 * Retail, every figure beside baselines computed in this one run on the same shoppers and hidden items
 * (issue point 6 (a)–(c)). Prints one JSON object (QualityResult).
 */
import type { ShopModel } from '../../server/recommend/model/shop-model.ts';
import { DEFAULT_POLICY, type RecommendPolicy } from '../../server/recommend/policy.ts';
import { cooccurrenceRanker, countBaskets, jaccardRanker, popularityRanker, type Ranker } from './baselines.ts';
import { meanHitPerDraw, rankerHit, tactoCartHit } from './basket-draws.ts';
import { COARSE_CATEGORIES, coarseCategoryOf } from './coarse-categories.ts';
import { worstInclusionRatio } from './deniability-ratio.ts';
import { easeRanker } from './ease.ts';
import { deniabilityRatioOf, ENGINE_HAS_INCLUSION, withDeniabilityRatio } from './engine-view.ts';
import { homeBlocksOf, type HomeBlocks } from './home-blocks.ts';
import { scoreBlocksOnNextOrders, scoreNextOrders, type NextOrderScore } from './next-order.ts';
import { drawHoldOuts, HOLD_OUT_SEED, loadOnlineRetailSplit, type HoldOut } from './online-retail-split.ts';
import { pairedTInterval, type PairedInterval } from './paired-interval.ts';
import { purchasesAnyAge, returningShoppers, type ReturningShopper } from './shoppers.ts';
import { lineItemsByCategory, observeStorefront, type ObserverResult } from './storefront-observer.ts';
import { buildModel } from './tacto-ranker.ts';

/** Draws of hidden items for basket completion; the t-interval uses n − 1 = 9 degrees of freedom. */
const HOLD_OUT_DRAWS = 10;
/** Views of each shopper's home block: NDCG's average, and πs when the engine has no exact inclusion. */
const HOME_VIEWS = 20;
/** The same in the r sweep, which only compares settings with one another. */
const SWEEP_HOME_VIEWS = 5;
/** Visitor views per day that estimate πv when the engine has no exact inclusion. */
const VISITOR_SAMPLES = 200;
/** The deniability ratios the sweep tries (policy.deniabilityRatio). */
const SWEEP_RATIOS = [1.5, 2, 3, 4];

export interface TactoFigures {
  observer: ObserverResult;
  nextOrder: NextOrderScore;
  /** Basket completion, Tacto's mean hit per draw. */
  basket: number[];
  /** Tacto − EASE λ=50 per draw: the mean and its 95 % interval. */
  basketDifference: PairedInterval;
  /** The largest πs/πv or (1 − πs)/(1 − πv) over every shopper's home page; null when unbounded. */
  worstRatio: number | null;
  /** Share of shoppers whose exclusions left their home page outside the bound (the stated exception). */
  outsideBound: number;
}

export interface QualityResult {
  trainBaskets: number;
  items: number;
  /** True when the engine gave exact inclusion probabilities; false when they were sampled (the engine before). */
  exactInclusion: boolean;
  /** The engine's policy.deniabilityRatio, or null before it had one. */
  deniabilityRatio: number | null;
  returningShoppers: number;
  tacto: TactoFigures;
  nextOrder: {
    /** The visitor block's recall: what the page alone gives. */
    visitorRecall: number;
    popularity: NextOrderScore;
    jaccard: NextOrderScore;
    ease200: NextOrderScore;
  };
  basket: {
    seeds: number[];
    holdOuts: number;
    ease50: number[];
    /** EASE λ=50 held to the storefront's rule: nothing the customer bought before. */
    ease50NotOwned: number[];
    jaccard: number[];
    cooccurrence: number[];
    popularity: number[];
    /** Tacto's cart block for a visitor. */
    tactoVisitor: number[];
    /** Tacto logged in with reorder reminders (as the engine was once tuned; no storefront asks for them). */
    tactoReminders: number[];
  };
  easeBuildMs: { lambda50: number; lambda200: number };
  /** The deniability ratios the sweep tries. */
  sweepRatios: number[];
  /** The r sweep, or why it did not run. */
  sweep: { r: number; figures: TactoFigures }[] | { skipped: string };
  categoryShares: { category: string; items: number }[];
  phaseMs: Record<string, number>;
}

const phaseMs: Record<string, number> = {};
function timed<T>(name: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  phaseMs[name] = (phaseMs[name] ?? 0) + performance.now() - started;
  return result;
}

const split = await loadOnlineRetailSplit(process.argv[2]!);
// Worked out once per item: the observers ask for categories millions of times.
const categories = split.descriptions.map((description) => coarseCategoryOf(description));
const categoryOf = (item: number) => categories[item] ?? 'other';
const globalLineItems = lineItemsByCategory(split.train, categoryOf);
const purchases = purchasesAnyAge(split.train);
const owned = new Map([...purchases].map(([customer, list]) => [customer, new Set(list.map((p) => p.productId))]));
const shoppers = returningShoppers(split.test, purchases);
const seeds = Array.from({ length: HOLD_OUT_DRAWS }, (_, k) => HOLD_OUT_SEED + k);
const draws: HoldOut[][] = seeds.map((seed) => drawHoldOuts(split.test, seed));

const counts = timed('counts', () => countBaskets(split.train, split.trainItems));
const ease50 = timed('ease λ=50 fit', () => easeRanker(counts, 50));
const ease200 = timed('ease λ=200 fit', () => easeRanker(counts, 200));
const jaccard = timed('jaccard fit', () => jaccardRanker(counts));
const cooccurrence = cooccurrenceRanker(counts);
const popularity = popularityRanker(counts);

/** A baseline asked with the shopper's history as its query, leaving out everything they own. */
const byHistory = (rank: Ranker) => (shopper: ReturningShopper) => rank({ given: [...shopper.owned] });
const nextOrder = timed('next order, baselines', () => ({
  popularity: scoreNextOrders(shoppers, byHistory(popularity)),
  jaccard: scoreNextOrders(shoppers, byHistory(jaccard)),
  ease200: scoreNextOrders(shoppers, byHistory(ease200.rank)),
}));
const basketBaselines = timed('basket completion, baselines', () => ({
  ease50: meanHitPerDraw(draws, rankerHit(ease50.rank)),
  ease50NotOwned: meanHitPerDraw(draws, rankerHit(ease50.rank, owned)),
  jaccard: meanHitPerDraw(draws, rankerHit(jaccard)),
  cooccurrence: meanHitPerDraw(draws, rankerHit(cooccurrence)),
  popularity: meanHitPerDraw(draws, rankerHit(popularity)),
}));

/**
 * The largest inclusion ratio over the shoppers' home pages the bound covers (JSON has no Infinity: null for
 * unbounded). Shoppers whose own exclusions leave the pool too short are the stated exception, counted apart.
 */
function worstRatioOf(blocks: readonly HomeBlocks[]): number | null {
  const worst = blocks.reduce((max, block) => (block.withinBound ? Math.max(max, worstInclusionRatio(block.visitor, block.shopperInclusion)) : max), 1);
  return Number.isFinite(worst) ? worst : null;
}

/** Share of shoppers whose home page is the stated exception to the bound. */
function outsideBoundOf(blocks: readonly HomeBlocks[]): number {
  return blocks.filter((block) => !block.withinBound).length / Math.max(1, blocks.length);
}

/** Every Tacto figure of (a)–(c) for one policy: one model build, reused by every draw. */
function tactoFigures(policy: RecommendPolicy, homeViews: number, label: string): { figures: TactoFigures; blocks: HomeBlocks[]; model: ShopModel } {
  const model = timed(`${label}: model build`, () => buildModel(split, split.train, policy));
  const blocks = timed(`${label}: home blocks`, () => homeBlocksOf(model, shoppers, { views: homeViews, visitorSamples: VISITOR_SAMPLES }));
  const basket = timed(`${label}: basket completion`, () => meanHitPerDraw(draws, tactoCartHit(model, purchases)));
  const figures: TactoFigures = {
    observer: observeStorefront(blocks, categoryOf, globalLineItems),
    nextOrder: scoreBlocksOnNextOrders(blocks),
    basket,
    basketDifference: pairedTInterval(basket, basketBaselines.ease50),
    worstRatio: worstRatioOf(blocks),
    outsideBound: outsideBoundOf(blocks),
  };
  return { figures, blocks, model };
}

const main = tactoFigures(DEFAULT_POLICY, HOME_VIEWS, 'default policy');
const tactoVisitor = timed('default policy: basket completion, visitor', () => meanHitPerDraw(draws, tactoCartHit(main.model, null)));
const tactoReminders = timed('default policy: basket completion, reorder reminders', () =>
  meanHitPerDraw(draws, tactoCartHit(main.model, purchases, true)),
);

const sweepPolicies = SWEEP_RATIOS.map((r) => ({ r, policy: withDeniabilityRatio(DEFAULT_POLICY, r) }));
const sweep: QualityResult['sweep'] = sweepPolicies.some((s) => s.policy === null)
  ? { skipped: 'the engine’s policy has no deniabilityRatio (the engine before pool and draw)' }
  : sweepPolicies.map(({ r, policy }) => ({ r, figures: tactoFigures(policy!, SWEEP_HOME_VIEWS, `r = ${r}`).figures }));

const shares = new Map<string, number>();
for (const category of categories) shares.set(category, (shares.get(category) ?? 0) + 1);
const result: QualityResult = {
  trainBaskets: split.train.length,
  items: split.trainItems,
  exactInclusion: ENGINE_HAS_INCLUSION,
  deniabilityRatio: deniabilityRatioOf(DEFAULT_POLICY),
  returningShoppers: shoppers.length,
  tacto: main.figures,
  nextOrder: { visitorRecall: scoreBlocksOnNextOrders(main.blocks, (block) => block.visitor).recall, ...nextOrder },
  basket: { seeds, holdOuts: draws[0]!.length, ...basketBaselines, tactoVisitor, tactoReminders },
  easeBuildMs: { lambda50: ease50.buildMs, lambda200: ease200.buildMs },
  sweepRatios: SWEEP_RATIOS,
  sweep,
  categoryShares: COARSE_CATEGORIES.map((category) => ({ category, items: (shares.get(category) ?? 0) / split.descriptions.length })),
  phaseMs,
};
process.stdout.write(JSON.stringify(result));
